import { html } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property } from 'lit/decorators.js';
import type { ModelSummary } from '../../../shared/api';
import { t } from '../../i18n/i18n';
import { sharedStyles } from '../../styles/shared.styles';
import '../layer-diagram/layer-diagram';
import { styles } from './model-view.styles';

/** The architecture of the model in use (or of an untrained one): the diagram of its layers. */
export class ModelView extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** The layers to draw: the current model's, or the untrained architecture's. */
  @property({ attribute: false }) summary?: ModelSummary;

  /** The name of the model in use; empty while there is none. */
  @property() name = '';

  /** The model's input [height, width]. */
  @property({ attribute: false }) inputSize: [number, number] = [24, 24];

  override render() {
    return html`
      <h2>${t('model.title')}</h2>
      <p class="muted about">${this.name ? t('model.current', { name: this.name }) : t('model.untrained')}</p>
      <sc-layer-diagram .summary=${this.summary} .inputShape=${[...this.inputSize, 3]}></sc-layer-diagram>
    `;
  }
}
