import { FirstRun } from './first-run.component';

export { FirstRun };

customElements.define('sc-first-run', FirstRun);

declare global {
  interface HTMLElementTagNameMap {
    'sc-first-run': FirstRun;
  }
}
