import { LitElement, html } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { ModelSummary, SavedModelInfo } from '../../../shared/api';
import { emit } from '../../events';
import { formatDate, formatPercent } from '../../format';
import { LocaleController, t } from '../../i18n/i18n';
import { sharedStyles } from '../../styles/shared.styles';
import '../layer-diagram/layer-diagram';
import { styles } from './model-view.styles';

/**
 * The model: the saved one's details and a Delete button (confirmed in a dialog), then the
 * diagram of its layers.
 *
 * @fires sc-delete-model - Deletion was confirmed in the dialog.
 */
export class ModelView extends LitElement {
  static override styles = [sharedStyles, styles];

  private readonly i18n = new LocaleController(this);

  /** The layers to draw: the saved model's, or the untrained architecture's. */
  @property({ attribute: false }) summary?: ModelSummary;

  /** The model saved on this device, or null. */
  @property({ attribute: false }) saved: SavedModelInfo | null = null;

  /** The model's input [height, width]. */
  @property({ attribute: false }) inputSize: [number, number] = [24, 24];

  /** True while training: the saved model cannot be deleted mid-run. */
  @property({ type: Boolean }) training = false;

  @query('dialog') private dialog!: HTMLDialogElement;

  override render() {
    return html`
      <h2>${t('model.title')}</h2>
      ${this.saved ? this.renderSaved(this.saved) : html`<p class="muted">${t('model.untrained')}</p>`}
      <sc-layer-diagram .summary=${this.summary} .inputShape=${[...this.inputSize, 3]}></sc-layer-diagram>
      <dialog aria-labelledby="confirm-title" aria-describedby="confirm-body">
        <h3 id="confirm-title">${t('model.deleteTitle')}</h3>
        <p id="confirm-body">${t('model.deleteBody')}</p>
        <div class="row end">
          <button type="button" autofocus @click=${() => this.dialog.close()}>${t('model.cancel')}</button>
          <button type="button" class="danger" @click=${this.confirm}>${t('model.confirmDelete')}</button>
        </div>
      </dialog>
    `;
  }

  private renderSaved(saved: SavedModelInfo) {
    const { metadata } = saved;
    const accuracy = metadata.evaluation?.accuracy;
    return html`
      <div class="saved">
        <div>
          <strong>${t('model.saved')}</strong>
          <p class="muted">
            ${t('model.savedDetails', {
              date: formatDate(metadata.date),
              backend: t(`backend.${metadata.backend}`),
              epochs: metadata.history.length,
              accuracy: accuracy === undefined ? '–' : formatPercent(accuracy),
            })}
          </p>
        </div>
        <button type="button" class="danger" ?disabled=${this.training} @click=${() => this.dialog.showModal()}>
          ${t('model.delete')}
        </button>
      </div>
    `;
  }

  private confirm(): void {
    this.dialog.close();
    emit(this, 'sc-delete-model', null);
  }
}
