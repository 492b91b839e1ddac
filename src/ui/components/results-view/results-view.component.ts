import { html, nothing } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property } from 'lit/decorators.js';
import type { Evaluation, EvaluationReport, SplitName } from '../../../shared/api';
import { emit } from '../../events';
import { classLabel, formatLoss, formatNumber, formatPercent } from '../../format';
import { t } from '../../i18n/i18n';
import type { SampleImages } from '../../sample-images';
import { sharedStyles } from '../../styles/shared.styles';
import '../confusion-matrix/confusion-matrix';
import '../mistake-list/mistake-list';
import '../split-picker/split-picker';
import type { SplitPicker } from '../split-picker/split-picker';
import { styles } from './results-view.styles';

/**
 * How well the model does on a split: accuracy, accuracy per class, the confusion matrix and,
 * once evaluated in this session, the images it got wrong.
 *
 * @fires sc-evaluate - Another split was chosen; detail is the split to score.
 */
export class ResultsView extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** The latest evaluation (with its mistakes once evaluated here, not when read from the saved model). */
  @property({ attribute: false }) evaluation?: Evaluation | EvaluationReport;

  /** True when the model knows a class of the bundled set, whose 'hard' split can then score it. */
  @property({ type: Boolean }) hardSplit = false;

  /** Thumbnails of the person's own samples, for their mistakes. */
  @property({ attribute: false }) images?: SampleImages;

  /** The split the evaluation is about. */
  @property() split: SplitName = 'test';

  /** True when there is a model to evaluate. */
  @property({ type: Boolean }) hasModel = false;

  /** True while an evaluation runs (or training holds the worker). */
  @property({ type: Boolean }) busy = false;

  override render() {
    return html`
      <h2>${t('results.title')}</h2>
      ${
        this.hasModel && this.hardSplit
          ? html`<sc-split-picker .label=${t('results.on')} .splits=${['test', 'hard']}
            .value=${this.split} ?disabled=${this.busy}
            @change=${(e: Event) => emit(this, 'sc-evaluate', (e.target as SplitPicker).value)}></sc-split-picker>`
          : ''
      }
      <p role="status" class="muted">${this.busy && this.hasModel ? t('results.evaluating') : nothing}</p>
      ${this.evaluation ? this.renderEvaluation(this.evaluation) : html`<p class="muted">${t('results.none')}</p>`}
    `;
  }

  private renderEvaluation(evaluation: Evaluation) {
    const classes = Object.keys(evaluation.classIndices).sort(
      (a, b) => evaluation.classIndices[a]! - evaluation.classIndices[b]!,
    );
    return html`
      <div class="summary">
        <div class="big">
          <span class="label">${t('results.accuracy')}</span>
          <span class="value">${formatPercent(evaluation.accuracy)}</span>
        </div>
        <p class="muted">${t('results.loss', {
          loss: formatLoss(evaluation.loss),
          count: formatNumber(evaluation.count),
        })}</p>
      </div>
      <h3>${t('results.perClass')}</h3>
      <ul class="per-class">
        ${classes.map((name) => {
          const accuracy = evaluation.perClass[name];
          return html`
            <li style="--class-color: var(--class-${name}, var(--accent))">
              <span class="name">${classLabel(name)}</span>
              <span class="bar" aria-hidden="true"><span style="width: ${(accuracy ?? 0) * 100}%"></span></span>
              <span class="pct">${accuracy === undefined ? '–' : formatPercent(accuracy, 0)}</span>
            </li>
          `;
        })}
      </ul>
      <sc-confusion-matrix .classes=${classes} .counts=${evaluation.confusion}></sc-confusion-matrix>
      ${
        'mistakes' in evaluation
          ? html`<sc-mistake-list .mistakes=${evaluation.mistakes} .classes=${classes}
              .images=${this.images}></sc-mistake-list>`
          : ''
      }
    `;
  }
}
