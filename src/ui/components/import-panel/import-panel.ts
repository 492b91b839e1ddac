import { ImportPanel } from './import-panel.component';

export { ImportPanel };

customElements.define('sc-import-panel', ImportPanel);

declare global {
  interface HTMLElementTagNameMap {
    'sc-import-panel': ImportPanel;
  }
}
