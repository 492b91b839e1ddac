import { html } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { LOCALES, locale, setLocale, t, type Locale } from '../../i18n/i18n';
import { sharedStyles } from '../../styles/shared.styles';
import { styles } from './locale-switch.styles';

/** Each language's name in itself, so a reader finds theirs whatever language is on screen. */
const NATIVE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' };

/** A language picker; the choice applies at once, everywhere, and is remembered on this device. */
export class LocaleSwitch extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  override render() {
    return html`
      <label for="locale">${t('app.language')}</label>
      <select id="locale" @change=${this.onChange}>
        ${LOCALES.map(
          (code) =>
            html`<option value=${code} lang=${code} ?selected=${code === locale()}>${NATIVE_NAMES[code]}</option>`,
        )}
      </select>
    `;
  }

  private onChange(event: Event): void {
    void setLocale((event.target as HTMLSelectElement).value as Locale);
  }
}
