import { html } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property, state } from 'lit/decorators.js';
import type { DatasetIndex, SplitName } from '../../../shared/api';
import { datasetImageUrl } from '../../dataset-url';
import { emit } from '../../events';
import { classLabel, formatNumber } from '../../format';
import { t } from '../../i18n/i18n';
import { sharedStyles } from '../../styles/shared.styles';
import '../split-picker/split-picker';
import type { SplitPicker } from '../split-picker/split-picker';
import { styles } from './dataset-view.styles';

/**
 * The bundled starter set, read-only: whether it joins training, counts per split and thumbnails
 * of one split, grouped by class.
 *
 * @fires sc-include-bundled - The include switch changed; detail is whether to include the set.
 */
export class DatasetView extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** The dataset's index; nothing is shown until it arrives. */
  @property({ attribute: false }) index?: DatasetIndex;

  /** Whether the starter set joins the person's own samples in training. */
  @property({ type: Boolean }) include = true;

  @state() private split: SplitName = 'train';

  override render() {
    const dataset = this.index;
    if (!dataset) return html`<h2>${t('dataset.title')}</h2><p class="muted">${t('app.opening')}</p>`;
    const count = (split: SplitName) =>
      formatNumber(Object.values(dataset.splits[split]).reduce((n, files) => n + files.length, 0));
    const [height, width] = dataset.imageSize;
    return html`
      <h2>${t('dataset.title')}</h2>
      <p>${t('dataset.intro', { size: `${width} × ${height}` })}</p>
      <div class="check include">
        <input id="include" type="checkbox" .checked=${this.include}
          @change=${(e: Event) => emit(this, 'sc-include-bundled', (e.target as HTMLInputElement).checked)} />
        <label for="include">${t('dataset.include')}</label>
      </div>
      <p class="muted">${t('dataset.total', { train: count('train'), test: count('test'), hard: count('hard') })}</p>
      <sc-split-picker .label=${t('dataset.split')} .value=${this.split}
        @change=${(e: Event) => (this.split = (e.target as SplitPicker).value)}></sc-split-picker>
      <div class="classes">
        ${dataset.classes.map((name) => {
          const files = dataset.splits[this.split][name] ?? [];
          return html`
            <section class="class" style="--class-color: var(--class-${name}, var(--accent))">
              <h3>${classLabel(name)} <span class="count">${t('dataset.count', {
                count: formatNumber(files.length),
              })}</span></h3>
              <div class="thumbs">
                ${files.map(
                  (path) => html`<img src=${datasetImageUrl(path)} alt="" width=${width} height=${height}
                    decoding="async" />`,
                )}
              </div>
            </section>
          `;
        })}
      </div>
    `;
  }
}
