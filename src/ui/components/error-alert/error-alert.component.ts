import { html } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property } from 'lit/decorators.js';
import { emit } from '../../events';
import { t } from '../../i18n/i18n';
import { sharedStyles } from '../../styles/shared.styles';
import { styles } from './error-alert.styles';

/**
 * An alert region for failures (from the worker, or reading an image). The region stays in the
 * page while empty so screen readers announce a message the moment it appears.
 *
 * @fires sc-dismiss - The person closed the message.
 */
export class ErrorAlert extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** The message to show, already localised; empty for none. Reflected so the page can lay out around it. */
  @property({ reflect: true }) message = '';

  /** Moves the focus to the message (after it is shown), without scrolling the page. */
  focusMessage(): void {
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('.box')?.focus({ preventScroll: true }),
    );
  }

  override render() {
    return html`
      <div role="alert" class="box" tabindex="-1" ?hidden=${!this.message}>
        ${
          this.message
            ? html`
              <svg viewBox="0 0 24 24" aria-hidden="true"
                ><circle cx="12" cy="12" r="10" /><path d="M12 7v6M12 16.5v.5" /></svg>
              <div class="text">
                <strong>${t('error.title')}</strong>
                <p>${this.message}</p>
              </div>
              <button type="button" @click=${() => emit(this, 'sc-dismiss', null)}>${t('error.dismiss')}</button>
            `
            : ''
        }
      </div>
    `;
  }
}
