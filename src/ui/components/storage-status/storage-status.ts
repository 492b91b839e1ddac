import { StorageStatus } from './storage-status.component';

export { StorageStatus };

customElements.define('sc-storage-status', StorageStatus);

declare global {
  interface HTMLElementTagNameMap {
    'sc-storage-status': StorageStatus;
  }
}
