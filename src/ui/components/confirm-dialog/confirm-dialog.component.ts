import { html } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { query, state } from 'lit/decorators.js';
import { t } from '../../i18n/i18n';
import { sharedStyles } from '../../styles/shared.styles';
import { styles } from './confirm-dialog.styles';

/** What to ask, already localised. */
export interface Question {
  title: string;
  body: string;
  /** The destructive button's label, e.g. "Delete". */
  confirm: string;
}

/**
 * A modal question before something is deleted. Cancel has the focus first, and Escape cancels,
 * so nothing is lost by a stray key press.
 */
export class ConfirmDialog extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  @state() private question?: Question;
  @query('dialog') private dialog!: HTMLDialogElement;
  private answer?: (confirmed: boolean) => void;

  /** Shows the question; resolves true only if the person confirms. */
  async ask(question: Question): Promise<boolean> {
    this.answer?.(false);
    this.question = question;
    await this.updateComplete;
    this.dialog.showModal();
    return new Promise((resolve) => (this.answer = resolve));
  }

  override render() {
    return html`
      <dialog aria-labelledby="title" aria-describedby="body" @close=${() => this.settle(false)}>
        <h3 id="title">${this.question?.title}</h3>
        <p id="body">${this.question?.body}</p>
        <div class="row end">
          <button type="button" autofocus @click=${() => this.dialog.close()}>${t('confirm.cancel')}</button>
          <button type="button" class="danger" @click=${() => this.settle(true)}>${this.question?.confirm}</button>
        </div>
      </dialog>
    `;
  }

  private settle(confirmed: boolean): void {
    const answer = this.answer;
    this.answer = undefined;
    if (this.dialog.open) this.dialog.close();
    answer?.(confirmed);
  }
}
