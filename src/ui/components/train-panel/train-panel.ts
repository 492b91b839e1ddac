import { TrainPanel } from './train-panel.component';

export { TrainPanel };

customElements.define('sc-train-panel', TrainPanel);

declare global {
  interface HTMLElementTagNameMap {
    'sc-train-panel': TrainPanel;
  }
}
