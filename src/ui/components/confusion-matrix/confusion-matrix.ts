import { ConfusionMatrix } from './confusion-matrix.component';

export { ConfusionMatrix };

customElements.define('sc-confusion-matrix', ConfusionMatrix);

declare global {
  interface HTMLElementTagNameMap {
    'sc-confusion-matrix': ConfusionMatrix;
  }
}
