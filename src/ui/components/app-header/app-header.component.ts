import { html } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { t } from '../../i18n/i18n';
import { OnlineController } from '../../online-controller';
import { sharedStyles } from '../../styles/shared.styles';
import '../locale-switch/locale-switch';
import { styles } from './app-header.styles';

/**
 * The page banner: the app's mark, name and purpose, whether the device is offline (quietly, for as
 * long as it is: everything still works), and the language switch. On a phone it is one short row.
 */
export class AppHeader extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  private readonly network = new OnlineController(this);

  override render() {
    return html`
      <header>
        <div class="brand">
          <svg viewBox="0 0 48 48" aria-hidden="true">
            <circle cx="13" cy="14" r="8"
              /><rect x="28" y="6" width="15" height="15" rx="1.5"
              /><path d="M24 26 35 43H13Z" />
          </svg>
          <div>
            <h1>${t('app.title')}</h1>
            <p class="muted">${t('app.tagline')}</p>
          </div>
        </div>
        <div class="side">
          <p class="network" role="status">${
            this.network.online
              ? ''
              : html`<span class="offline" title=${t('app.offlineHint')}>${t('app.offline')}</span>`
          }</p>
          <sc-locale-switch></sc-locale-switch>
        </div>
      </header>
    `;
  }
}
