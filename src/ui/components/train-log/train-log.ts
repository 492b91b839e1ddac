import { TrainLog } from './train-log.component';

export { TrainLog };

customElements.define('sc-train-log', TrainLog);

declare global {
  interface HTMLElementTagNameMap {
    'sc-train-log': TrainLog;
  }
}
