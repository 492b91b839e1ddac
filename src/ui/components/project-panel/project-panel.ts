import { ProjectPanel } from './project-panel.component';

export { ProjectPanel };

customElements.define('sc-project-panel', ProjectPanel);

declare global {
  interface HTMLElementTagNameMap {
    'sc-project-panel': ProjectPanel;
  }
}
