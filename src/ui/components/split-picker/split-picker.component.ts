import { html } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property } from 'lit/decorators.js';
import type { SplitName } from '../../../shared/api';
import { t } from '../../i18n/i18n';
import { sharedStyles } from '../../styles/shared.styles';
import { styles } from './split-picker.styles';

let nextId = 0;

/**
 * A segmented radio group for choosing a dataset split (native radios: arrow keys move the choice).
 *
 * @fires change - The chosen split changed; read `value`.
 */
export class SplitPicker extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  private readonly group = `split-${nextId++}`;

  /** The group's visible label. */
  @property() label = '';

  /** The splits offered, in order. */
  @property({ attribute: false }) splits: SplitName[] = ['train', 'test', 'hard'];

  /** The chosen split. */
  @property() value: SplitName = 'train';

  /** Locks the choice, e.g. while an evaluation runs. */
  @property({ type: Boolean }) disabled = false;

  override render() {
    return html`
      <fieldset ?disabled=${this.disabled}>
        <legend>${this.label}</legend>
        <div class="options">
          ${this.splits.map(
            (split) => html`
              <input type="radio" id="${this.group}-${split}" name=${this.group} value=${split}
                .checked=${split === this.value} @change=${() => this.choose(split)} />
              <label for="${this.group}-${split}">${t(`split.${split}`)}</label>
            `,
          )}
        </div>
      </fieldset>
    `;
  }

  private choose(split: SplitName): void {
    this.value = split;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }
}
