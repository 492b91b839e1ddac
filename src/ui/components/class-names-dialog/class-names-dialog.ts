import { ClassNamesDialog } from './class-names-dialog.component';

export { ClassNamesDialog };

customElements.define('sc-class-names-dialog', ClassNamesDialog);

declare global {
  interface HTMLElementTagNameMap {
    'sc-class-names-dialog': ClassNamesDialog;
  }
}
