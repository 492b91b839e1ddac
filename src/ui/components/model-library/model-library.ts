import { ModelLibrary } from './model-library.component';

export { ModelLibrary };

customElements.define('sc-model-library', ModelLibrary);

declare global {
  interface HTMLElementTagNameMap {
    'sc-model-library': ModelLibrary;
  }
}
