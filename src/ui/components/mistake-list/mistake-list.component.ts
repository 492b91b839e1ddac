import { html, type PropertyValues } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property, state } from 'lit/decorators.js';
import type { Mistake, SampleSplit } from '../../../shared/api';
import { datasetImageUrl } from '../../dataset-url';
import { starterIndex, starterTile } from '../../starter-tile';
import { classLabel, formatNumber } from '../../format';
import { t } from '../../i18n/i18n';
import type { SampleImages } from '../../sample-images';
import { imageCardStyles } from '../../styles/image-cards.styles';
import { sharedStyles } from '../../styles/shared.styles';
import '../probability-bars/probability-bars';
import { styles } from './mistake-list.styles';

/** Enough to see a pattern without a long page; the rest are one click away. */
const FIRST = 12;

/**
 * The images an evaluation got wrong: each with its true class, the model's guess and the
 * probabilities it gave every class.
 */
export class MistakeList extends LocalizedElement {
  static override styles = [sharedStyles, imageCardStyles, styles];

  /** The misclassified images of the latest evaluation. */
  @property({ attribute: false }) mistakes: Mistake[] = [];

  /** Class names in output-index order. */
  @property({ attribute: false }) classes: string[] = [];

  /** Thumbnails of the person's own samples. */
  @property({ attribute: false }) images?: SampleImages;

  @state() private all = false;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mistakes')) this.all = false;
  }

  override render() {
    const shown = this.all ? this.mistakes : this.mistakes.slice(0, FIRST);
    const count = formatNumber(this.mistakes.length);
    return html`
      <h3>${t('mistakes.title', { count })}</h3>
      ${this.mistakes.length ? '' : html`<p class="muted">${t('mistakes.none')}</p>`}
      <ul class="cards">
        ${shown.map(
          (mistake) => html`
            <li>
              ${
                mistake.source.kind === 'bundled'
                  ? html`<img class="thumb" src=${datasetImageUrl(mistake.source.path)} alt=${this.alt(mistake)} />`
                  : mistake.source.kind === 'starter'
                    ? this.tile(mistake.source, this.alt(mistake))
                    : html`<img class="thumb" data-sample=${mistake.source.id} alt=${this.alt(mistake)} />`
              }
              <p>
                ${mistake.name ? html`<span class="name">${mistake.name}</span><br />` : ''}
                ${t('mistakes.truth', { truth: classLabel(mistake.truth) })}<br />
                <strong>${t('mistakes.predicted', { predicted: classLabel(mistake.predicted) })}</strong>
              </p>
              <sc-probability-bars compact .classes=${this.classes}
                .prediction=${{ label: mistake.predicted, probabilities: mistake.probabilities }}></sc-probability-bars>
            </li>
          `,
        )}
      </ul>
      ${
        shown.length < this.mistakes.length
          ? html`<button type="button" @click=${() => (this.all = true)}>${t('mistakes.showAll', { count })}</button>`
          : ''
      }
    `;
  }

  protected override updated(): void {
    this.images?.show(this.renderRoot);
  }

  /** A starter drawing's tile, or its alt text alone if the starter set's index is not known yet. */
  private tile(source: { split: SampleSplit; tile: number }, alt: string) {
    const index = starterIndex();
    return index
      ? starterTile(index, source.split, source.tile, alt, 56)
      : html`<span role="img" aria-label=${alt}></span>`;
  }

  private alt(mistake: Mistake): string {
    return t('mistakes.alt', { truth: classLabel(mistake.truth) });
  }
}
