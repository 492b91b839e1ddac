import { BackendPanel } from './backend-panel.component';

export { BackendPanel };

customElements.define('sc-backend-panel', BackendPanel);

declare global {
  interface HTMLElementTagNameMap {
    'sc-backend-panel': BackendPanel;
  }
}
