import { html } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property } from 'lit/decorators.js';
import type { LayerSummary, ModelSummary } from '../../../shared/api';
import { formatNumber, formatShape } from '../../format';
import { t } from '../../i18n/i18n';
import { sharedStyles } from '../../styles/shared.styles';
import { styles } from './layer-diagram.styles';

/** The colour family of a layer, by its Keras class name. */
function kind(type: string): string {
  const lower = type.toLowerCase();
  return ['conv', 'pool', 'flatten', 'dense'].find((k) => lower.includes(k)) ?? 'other';
}

/**
 * The layer stack as a diagram, like the tutorial's: one box per layer with its type, output
 * shape and parameters, and a bar for its share of all parameters. An ordered list underneath.
 */
export class LayerDiagram extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** The model's layers and parameter counts. */
  @property({ attribute: false }) summary?: ModelSummary;

  /** The input image's [height, width, channels]. */
  @property({ attribute: false }) inputShape: number[] = [24, 24, 3];

  override render() {
    const summary = this.summary;
    if (!summary) return '';
    return html`
      <ol>
        <li class="layer input">
          <span class="type">${t('model.input')}</span>
          <span class="shape">${formatShape(this.inputShape)}</span>
        </li>
        ${summary.layers.map((layer) => this.renderLayer(layer, summary.totalParams))}
      </ol>
      <p class="total">
        ${t('model.total', {
          total: formatNumber(summary.totalParams),
          trainable: formatNumber(summary.trainableParams),
        })}
      </p>
    `;
  }

  private renderLayer(layer: LayerSummary, total: number) {
    const share = total ? (layer.params / total) * 100 : 0;
    return html`
      <li class="layer ${kind(layer.type)}">
        <span class="type">${layer.type} <span class="name" translate="no">${layer.name}</span></span>
        <span class="shape">${formatShape(layer.outputShape)}</span>
        <span class="params">${t('model.params', { count: formatNumber(layer.params) })}</span>
        <span class="share" aria-hidden="true"><span style="width: ${share}%"></span></span>
      </li>
    `;
  }
}
