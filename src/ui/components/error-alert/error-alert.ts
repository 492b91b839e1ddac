import { ErrorAlert } from './error-alert.component';

export { ErrorAlert };

customElements.define('sc-error-alert', ErrorAlert);

declare global {
  interface HTMLElementTagNameMap {
    'sc-error-alert': ErrorAlert;
  }
}
