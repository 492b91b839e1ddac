import { UpdatePrompt } from './update-prompt.component';

export { UpdatePrompt };

customElements.define('sc-update-prompt', UpdatePrompt);

declare global {
  interface HTMLElementTagNameMap {
    'sc-update-prompt': UpdatePrompt;
  }
}
