import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Problem } from '../../../shared/problems';
import { formatNumber } from '../../format';
import { loadProblemMessages, problemText, t } from '../../i18n/i18n';
import { LocalizedElement } from '../../i18n/localized-element';
import { sharedStyles } from '../../styles/shared.styles';
import { styles } from './refused-list.styles';

/** Long lists stay short until asked: the first few say what kind of trouble there is. */
const SHOWN = 8;

/**
 * The files of a batch that were left out, each with its reason in the person's language (the
 * reasons' messages load the first time there are any).
 */
export class RefusedList extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** The refused files, as the worker reported them. */
  @property({ attribute: false }) problems: Problem[] = [];

  @state() private all = false;
  @state() private loaded = false;

  protected override willUpdate(): void {
    if (this.problems.length && !this.loaded) void loadProblemMessages().then(() => (this.loaded = true));
  }

  override render() {
    const count = this.problems.length;
    if (!count) return '';
    const shown = this.all ? this.problems : this.problems.slice(0, SHOWN);
    return html`
      <p class="title">${t('refused.title', { count: formatNumber(count) })}</p>
      <ul>
        ${shown.map((problem) => html`<li>${this.loaded ? problemText(problem) : problem.subject}</li>`)}
      </ul>
      ${
        count > shown.length
          ? html`<button type="button" @click=${() => (this.all = true)}>
            ${t('refused.showAll', { count: formatNumber(count) })}
          </button>`
          : ''
      }
    `;
  }
}
