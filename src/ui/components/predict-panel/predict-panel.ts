import { PredictPanel } from './predict-panel.component';

export { PredictPanel };

customElements.define('sc-predict-panel', PredictPanel);

declare global {
  interface HTMLElementTagNameMap {
    'sc-predict-panel': PredictPanel;
  }
}
