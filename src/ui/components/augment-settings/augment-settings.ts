import { AugmentSettings } from './augment-settings.component';

export { AugmentSettings };

customElements.define('sc-augment-settings', AugmentSettings);

declare global {
  interface HTMLElementTagNameMap {
    'sc-augment-settings': AugmentSettings;
  }
}
