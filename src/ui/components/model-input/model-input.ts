import { ModelInput } from './model-input.component';

export { ModelInput };

customElements.define('sc-model-input', ModelInput);

declare global {
  interface HTMLElementTagNameMap {
    'sc-model-input': ModelInput;
  }
}
