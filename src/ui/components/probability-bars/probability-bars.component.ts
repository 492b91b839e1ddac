import { html } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property } from 'lit/decorators.js';
import type { Prediction } from '../../../shared/api';
import { classLabel, formatPercent } from '../../format';
import { locale, t } from '../../i18n/i18n';
import { shapeIcon } from '../../shape-icons';
import { sharedStyles } from '../../styles/shared.styles';
import { styles } from './probability-bars.styles';

/**
 * A prediction: the winning class, then one bar per class with its probability in words. Compact
 * bars (in a list of several predictions) leave out the winner line, a live region.
 */
export class ProbabilityBars extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** Class names in output-index order. */
  @property({ attribute: false }) classes: string[] = [];

  /** The prediction to show; undefined shows a hint instead. */
  @property({ attribute: false }) prediction?: Prediction;

  /** Only the bars: for one of many predictions, whose winner is said beside it. */
  @property({ type: Boolean, reflect: true }) compact = false;

  override render() {
    const prediction = this.prediction;
    if (this.compact) return prediction ? this.renderBars(prediction) : '';
    return html`
      <p role="status" class="winner" style="--class-color: var(--class-${prediction?.label}, var(--accent))">
        ${
          prediction
            ? prediction.label === 'other'
              ? html`<span>${t('predict.notShape', { classes: this.shapeList() })}</span>`
              : html`${shapeIcon(prediction.label)}<span>${t('predict.winner', {
                  label: classLabel(prediction.label),
                })}</span>`
            : html`<span class="muted hint">${t('predict.waiting')}</span>`
        }
      </p>
      ${prediction ? this.renderBars(prediction) : ''}
    `;
  }

  /** The classes a drawing was found to be none of, in the person's language. */
  private shapeList(): string {
    const names = this.classes.filter((name) => name !== 'other').map(classLabel);
    return new Intl.ListFormat(locale(), { type: 'disjunction' }).format(names);
  }

  private renderBars(prediction: Prediction) {
    return html`
      <ul>
        ${this.classes.map((name, i) => {
          const p = prediction.probabilities[i] ?? 0;
          return html`
            <li class=${name === prediction.label ? 'top' : ''}
              style="--class-color: var(--class-${name}, var(--accent))">
              <span class="name">${classLabel(name)}</span>
              <span class="bar" aria-hidden="true"><span style="width: ${p * 100}%"></span></span>
              <span class="pct">${formatPercent(p)}</span>
            </li>
          `;
        })}
      </ul>
    `;
  }
}
