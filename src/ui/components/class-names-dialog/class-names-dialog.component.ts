import { html, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { emit } from '../../events';
import { t } from '../../i18n/i18n';
import { LocalizedElement } from '../../i18n/localized-element';
import { sharedStyles } from '../../styles/shared.styles';
import { styles as dialogStyles } from '../confirm-dialog/confirm-dialog.styles';
import { styles } from './class-names-dialog.styles';

/** A Keras file whose outputs have no names, and how many it has. */
export interface ClassNamesRequest {
  file: string;
  count: number;
}

/**
 * Asks for the class names a Keras model file lacks, one field per output in output order. Open
 * while `request` is set; the first field has the focus, and Escape or Cancel give up the import.
 *
 * @fires sc-model-class-names - The names, in output order, or null when the person cancelled.
 */
export class ClassNamesDialog extends LocalizedElement {
  static override styles = [sharedStyles, dialogStyles, styles];

  @property({ attribute: false }) request?: ClassNamesRequest;

  /** Names to fill in first (the dataset's classes, say); used only when there are exactly as many as outputs. */
  @property({ attribute: false }) suggestions: string[] = [];

  @query('dialog') private dialog!: HTMLDialogElement;
  private answered = false;

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('request')) return;
    if (this.request && !this.dialog.open) {
      this.answered = false;
      this.dialog.showModal();
    } else if (!this.request && this.dialog.open) this.dialog.close();
  }

  override render() {
    const request = this.request;
    const filled = request && this.suggestions.length === request.count ? this.suggestions : [];
    return html`
      <dialog aria-labelledby="title" aria-describedby="body" @close=${this.onClose}>
        ${
          request
            ? html`<form @submit=${this.onSubmit} @input=${this.onInput}>
              <h3 id="title">${t('classNames.title', { file: request.file })}</h3>
              <p id="body">${t('classNames.body', { count: request.count })}</p>
              <ol>
                ${Array.from(
                  { length: request.count },
                  (_, i) => html`<li class="field">
                    <label for="name-${i}">${t('classNames.output', { index: i + 1 })}</label>
                    <input id="name-${i}" required maxlength="64" autocomplete="off" .value=${filled[i] ?? ''}
                      ?autofocus=${i === 0} />
                  </li>`,
                )}
              </ol>
              <div class="row end">
                <button type="button" @click=${() => this.dialog.close()}>${t('confirm.cancel')}</button>
                <button type="submit" class="primary">${t('classNames.import')}</button>
              </div>
            </form>`
            : ''
        }
      </dialog>
    `;
  }

  private get inputs(): HTMLInputElement[] {
    return [...this.renderRoot.querySelectorAll('input')];
  }

  /** A name given twice is marked on its second field, where the browser says why. */
  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const names = this.inputs.map((input) => input.value.trim());
    const twice = this.inputs.find((_, i) => names.indexOf(names[i]!) !== i);
    if (twice) {
      twice.setCustomValidity(t('classNames.distinct'));
      twice.reportValidity();
      return;
    }
    this.answered = true;
    emit(this, 'sc-model-class-names', names);
    this.dialog.close();
  }

  private onInput(): void {
    for (const input of this.inputs) input.setCustomValidity('');
  }

  private onClose(): void {
    if (!this.answered) emit(this, 'sc-model-class-names', null);
    this.answered = true;
  }
}
