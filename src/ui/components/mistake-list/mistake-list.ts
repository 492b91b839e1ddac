import { MistakeList } from './mistake-list.component';

export { MistakeList };

customElements.define('sc-mistake-list', MistakeList);

declare global {
  interface HTMLElementTagNameMap {
    'sc-mistake-list': MistakeList;
  }
}
