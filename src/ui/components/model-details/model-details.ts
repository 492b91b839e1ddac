import { ModelDetails } from './model-details.component';

export { ModelDetails };

customElements.define('sc-model-details', ModelDetails);

declare global {
  interface HTMLElementTagNameMap {
    'sc-model-details': ModelDetails;
  }
}
