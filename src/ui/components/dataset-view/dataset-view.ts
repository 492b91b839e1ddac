import { DatasetView } from './dataset-view.component';

export { DatasetView };

customElements.define('sc-dataset-view', DatasetView);

declare global {
  interface HTMLElementTagNameMap {
    'sc-dataset-view': DatasetView;
  }
}
