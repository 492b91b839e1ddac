import { ConfirmDialog } from './confirm-dialog.component';

export { ConfirmDialog };

customElements.define('sc-confirm-dialog', ConfirmDialog);

declare global {
  interface HTMLElementTagNameMap {
    'sc-confirm-dialog': ConfirmDialog;
  }
}
