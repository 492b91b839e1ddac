import { ProbabilityBars } from './probability-bars.component';

export { ProbabilityBars };

customElements.define('sc-probability-bars', ProbabilityBars);

declare global {
  interface HTMLElementTagNameMap {
    'sc-probability-bars': ProbabilityBars;
  }
}
