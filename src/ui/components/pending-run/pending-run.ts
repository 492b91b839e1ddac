import { PendingRunCard } from './pending-run.component';

export { PendingRunCard };

customElements.define('sc-pending-run', PendingRunCard);

declare global {
  interface HTMLElementTagNameMap {
    'sc-pending-run': PendingRunCard;
  }
}
