import { LitElement } from 'lit';
import { LocaleController } from './i18n';

/** A Lit element that renders again whenever the language changes. */
export class LocalizedElement extends LitElement {
  constructor() {
    super();
    // The controller registers itself with this element; nothing else needs to hold it.
    new LocaleController(this);
  }
}
