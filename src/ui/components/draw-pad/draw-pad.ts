import { DrawPad } from './draw-pad.component';

export { DrawPad };

customElements.define('sc-draw-pad', DrawPad);

declare global {
  interface HTMLElementTagNameMap {
    'sc-draw-pad': DrawPad;
  }
}
