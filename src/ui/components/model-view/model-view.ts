import { ModelView } from './model-view.component';

export { ModelView };

customElements.define('sc-model-view', ModelView);

declare global {
  interface HTMLElementTagNameMap {
    'sc-model-view': ModelView;
  }
}
