import { ResultsView } from './results-view.component';

export { ResultsView };

customElements.define('sc-results-view', ResultsView);

declare global {
  interface HTMLElementTagNameMap {
    'sc-results-view': ResultsView;
  }
}
