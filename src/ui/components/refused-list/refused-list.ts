import { RefusedList } from './refused-list.component';

export { RefusedList };

customElements.define('sc-refused-list', RefusedList);

declare global {
  interface HTMLElementTagNameMap {
    'sc-refused-list': RefusedList;
  }
}
