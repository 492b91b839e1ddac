import { SplitPicker } from './split-picker.component';

export { SplitPicker };

customElements.define('sc-split-picker', SplitPicker);

declare global {
  interface HTMLElementTagNameMap {
    'sc-split-picker': SplitPicker;
  }
}
