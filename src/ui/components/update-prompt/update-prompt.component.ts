import { html, nothing } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property } from 'lit/decorators.js';
import { emit } from '../../events';
import { t } from '../../i18n/i18n';
import { sharedStyles } from '../../styles/shared.styles';
import { styles } from './update-prompt.styles';

/** What the service worker reported: first install done, or a new version waiting. */
export type UpdateState = 'offline-ready' | 'need-refresh' | null;

/**
 * The app-update notice. Reloading mid-training would lose the run, so Reload waits while
 * `training` is true and says why.
 *
 * @fires sc-reload - The person chose to reload into the new version.
 * @fires sc-dismiss - The person closed the notice.
 */
export class UpdatePrompt extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** Which notice to show; null shows none. */
  @property() state: UpdateState = null;

  /** True while a training run is going: Reload is disabled until it ends. */
  @property({ type: Boolean }) training = false;

  override render() {
    return html`
      <div class="toast" role="status">
        ${this.state === 'offline-ready' ? this.renderOfflineReady() : ''}
        ${this.state === 'need-refresh' ? this.renderNeedRefresh() : ''}
      </div>
    `;
  }

  private renderOfflineReady() {
    return html`
      <div class="body">
        <p>${t('update.offline')}</p>
        <button type="button" @click=${this.dismiss}>${t('update.dismiss')}</button>
      </div>
    `;
  }

  private renderNeedRefresh() {
    return html`
      <div class="body">
        <p>
          ${t('update.available')}
          ${this.training ? html`<span class="muted" id="wait">${t('update.afterTraining')}</span>` : ''}
        </p>
        <div class="row">
          <button
            type="button"
            class="primary"
            ?disabled=${this.training}
            aria-describedby=${this.training ? 'wait' : nothing}
            @click=${() => emit(this, 'sc-reload', null)}
          >
            ${t('update.reload')}
          </button>
          <button type="button" @click=${this.dismiss}>${t('update.dismiss')}</button>
        </div>
      </div>
    `;
  }

  private dismiss(): void {
    emit(this, 'sc-dismiss', null);
  }
}
