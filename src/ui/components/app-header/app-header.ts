import { AppHeader } from './app-header.component';

export { AppHeader };

customElements.define('sc-app-header', AppHeader);

declare global {
  interface HTMLElementTagNameMap {
    'sc-app-header': AppHeader;
  }
}
