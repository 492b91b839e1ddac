import { LocaleSwitch } from './locale-switch.component';

export { LocaleSwitch };

customElements.define('sc-locale-switch', LocaleSwitch);

declare global {
  interface HTMLElementTagNameMap {
    'sc-locale-switch': LocaleSwitch;
  }
}
