import { html } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property, state } from 'lit/decorators.js';
import {
  BUNDLED_SETS,
  type BundledSet,
  type DatasetIndex,
  type SplitName,
  type StarterIndex,
} from '../../../shared/api';
import { datasetImageUrl } from '../../dataset-url';
import { emit } from '../../events';
import { classLabel, formatNumber } from '../../format';
import { t } from '../../i18n/i18n';
import { starterTile } from '../../starter-tile';
import { sharedStyles } from '../../styles/shared.styles';
import '../split-picker/split-picker';
import type { SplitPicker } from '../split-picker/split-picker';
import { styles } from './dataset-view.styles';

/** Thumbnails shown per class: the starter set has hundreds, which say no more than these. */
const SHOWN = 40;

/**
 * The bundled drawings, read-only: whether they join training and which set (the real-drawing
 * starter set with or without "not a shape", or the tutorial-sized split), its counts, whose
 * drawings they are, and thumbnails of one split grouped by class.
 *
 * @fires sc-include-bundled - The include switch changed; detail is whether to include the set.
 * @fires sc-bundled-set - Another set was chosen; detail is its name.
 */
export class DatasetView extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** The tutorial-sized split's index; nothing is shown until both indexes arrive. */
  @property({ attribute: false }) index?: DatasetIndex;

  /** The starter set's index. */
  @property({ attribute: false }) starter?: StarterIndex;

  /** Whether the bundled set joins the person's own samples in training. */
  @property({ type: Boolean }) include = true;

  @property() set: BundledSet = 'starter';

  @state() private split: SplitName = 'train';

  override render() {
    const { index, starter } = this;
    if (!index || !starter) return html`<h2>${t('dataset.title')}</h2><p class="muted">${t('app.opening')}</p>`;
    const files = this.files(index, starter);
    const count = (split: SplitName) =>
      formatNumber(Object.values(files[split] ?? {}).reduce((n, names) => n + names.length, 0));
    const split = this.set === 'tutorial' || this.split !== 'hard' ? this.split : 'train';
    return html`
      <h2>${t('dataset.title')}</h2>
      <p>${t('dataset.intro', { size: '24 × 24' })}</p>
      <div class="check include">
        <input id="include" type="checkbox" .checked=${this.include}
          @change=${(e: Event) => emit(this, 'sc-include-bundled', (e.target as HTMLInputElement).checked)} />
        <label for="include">${t('dataset.include')}</label>
      </div>
      <div class="field">
        <label for="set">${t('dataset.set')}</label>
        <select id="set" @change=${this.onSet}>
          ${BUNDLED_SETS.map(
            (name) => html`<option value=${name} ?selected=${name === this.set}>${t(`dataset.set.${name}`)}</option>`,
          )}
        </select>
      </div>
      <p class="muted">${
        this.set === 'tutorial'
          ? t('dataset.total', { train: count('train'), test: count('test'), hard: count('hard') })
          : t('dataset.starterTotal', { train: count('train'), test: count('test') })
      }</p>
      <p class="muted attribution">${t('dataset.attribution')}</p>
      <sc-split-picker .label=${t('dataset.split')} .value=${split} .splits=${Object.keys(files) as SplitName[]}
        @change=${(e: Event) => (this.split = (e.target as SplitPicker).value)}></sc-split-picker>
      <div class="classes">
        ${Object.keys(files[split] ?? {}).map((name) => this.renderClass(name, split, files, starter))}
      </div>
    `;
  }

  private renderClass(name: string, split: SplitName, files: Files, starter: StarterIndex) {
    const names = files[split]?.[name] ?? [];
    const count = t('dataset.count', { count: formatNumber(names.length) });
    // A starter tile's number is its place in the atlas, which stores every class in turn.
    const offset =
      this.set === 'tutorial'
        ? 0
        : Object.entries(starter.splits[split as 'train'].files)
            .filter(([c]) => c < name)
            .reduce((n, [, f]) => n + f.length, 0);
    return html`
      <section class="class" style="--class-color: var(--class-${name}, var(--accent))">
        <h3>${classLabel(name)} <span class="count">${count}</span></h3>
        <div class="thumbs">
          ${names
            .slice(0, SHOWN)
            .map((path, i) =>
              this.set === 'tutorial'
                ? html`<img src=${datasetImageUrl(path)} alt="" width="24" height="24" decoding="async" />`
                : starterTile(starter, split as 'train', offset + i, ''),
            )}
        </div>
        ${
          names.length > SHOWN
            ? html`<p class="muted">${t('dataset.more', { count: formatNumber(names.length - SHOWN) })}</p>`
            : ''
        }
      </section>
    `;
  }

  private onSet(event: Event): void {
    emit(this, 'sc-bundled-set', (event.target as HTMLSelectElement).value as BundledSet);
  }

  private files(index: DatasetIndex, starter: StarterIndex): Files {
    if (this.set === 'tutorial') return index.splits;
    const keep = (c: string) => this.set === 'starter' || c !== 'other';
    const pick = (split: 'train' | 'test') =>
      Object.fromEntries(Object.entries(starter.splits[split].files).filter(([c]) => keep(c)));
    return { train: pick('train'), test: pick('test') };
  }
}

type Files = Partial<Record<SplitName, Record<string, string[]>>>;
