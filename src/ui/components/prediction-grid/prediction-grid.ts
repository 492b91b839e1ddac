import { PredictionGrid } from './prediction-grid.component';

export { PredictionGrid };

customElements.define('sc-prediction-grid', PredictionGrid);

declare global {
  interface HTMLElementTagNameMap {
    'sc-prediction-grid': PredictionGrid;
  }
}
