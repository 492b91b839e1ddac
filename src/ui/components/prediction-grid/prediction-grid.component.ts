import { html } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property } from 'lit/decorators.js';
import type { ShownPrediction } from '../../../shared/api';
import { classLabel, formatNumber, formatPercent } from '../../format';
import { t } from '../../i18n/i18n';
import { imageCardStyles } from '../../styles/image-cards.styles';
import { sharedStyles } from '../../styles/shared.styles';
import '../probability-bars/probability-bars';
import { styles } from './prediction-grid.styles';

/** One image of a batch: its file name and, when known (a test image), its true class. */
export interface BatchItem {
  name: string;
  expected?: string;
}

/** What became of one image of a batch: its prediction, or why it could not be classified. */
export type BatchAnswer = ShownPrediction | { error: string };

const failed = (answer: BatchAnswer | undefined): answer is { error: string } => !!answer && 'error' in answer;

/** Whether an image's answer is right; undefined where its class or its answer is not known. */
const verdictOf = (item: BatchItem, answer: BatchAnswer | undefined): boolean | undefined =>
  answer && !failed(answer) && item.expected ? answer.label === item.expected : undefined;

/**
 * Several images classified at once: each as the model saw it (24 × 24), its file name, the answer
 * and, where the true class is known, whether the answer is right; a count of right answers on top.
 */
export class PredictionGrid extends LocalizedElement {
  static override styles = [sharedStyles, imageCardStyles, styles];

  @property({ attribute: false }) items: BatchItem[] = [];

  /** The answers, in the order of `items`; absent while they are being worked out. */
  @property({ attribute: false }) predictions?: BatchAnswer[];

  /** Class names in output-index order. */
  @property({ attribute: false }) classes: string[] = [];

  override render() {
    const predictions = this.predictions?.length === this.items.length ? this.predictions : undefined;
    return html`
      <p role="status" class="summary">${this.summary(predictions)}</p>
      <ul class="cards">
        ${this.items.map((item, i) => {
          const answer = predictions?.[i];
          const prediction = failed(answer) ? undefined : answer;
          const verdict = verdictOf(item, answer);
          return html`
            <li class="item ${verdict === undefined ? '' : verdict ? 'right' : 'wrong'}">
              <canvas class="thumb" width="24" height="24" data-index=${i} role="img"
                aria-label=${t('predict.seesAlt', { size: '24 × 24' })}></canvas>
              <p>
                <span class="name">${item.name}</span><br />
                ${
                  prediction
                    ? html`<strong>${classLabel(prediction.label)}</strong>
                        ${formatPercent(Math.max(...prediction.probabilities))}`
                    : failed(answer)
                      ? html`<span class="refused">${t('predict.batchRefused', { reason: answer.error })}</span>`
                      : html`<span class="muted">${t('predict.batchWorking')}</span>`
                }
                ${verdict === undefined ? '' : this.verdict(verdict, item.expected!)}
              </p>
              ${
                prediction
                  ? html`<sc-probability-bars compact .classes=${this.classes} .prediction=${prediction}></sc-probability-bars>`
                  : ''
              }
            </li>
          `;
        })}
      </ul>
    `;
  }

  protected override updated(): void {
    for (const canvas of this.renderRoot.querySelectorAll<HTMLCanvasElement>('canvas[data-index]')) {
      const answer = this.predictions?.[Number(canvas.dataset.index)];
      const input = failed(answer) ? undefined : answer?.input;
      const context = canvas.getContext('2d')!;
      if (!input) context.clearRect(0, 0, canvas.width, canvas.height);
      else context.putImageData(new ImageData(new Uint8ClampedArray(input.rgba), input.width, input.height), 0, 0);
    }
  }

  private verdict(right: boolean, expected: string) {
    return html`<br /><span class="verdict">${t(right ? 'predict.right' : 'predict.wrong', {
      truth: classLabel(expected),
    })}</span>`;
  }

  private summary(answers: BatchAnswer[] | undefined): string {
    if (!answers) return t('predict.batchWorkingAll', { count: formatNumber(this.items.length) });
    const refused = answers.filter(failed).length;
    const count = formatNumber(answers.length - refused);
    const verdicts = this.items.map((item, i) => verdictOf(item, answers[i]));
    const known = verdicts.filter((v) => v !== undefined).length;
    const right = verdicts.filter((v) => v === true).length;
    const done = known
      ? t('predict.batchScore', { count, right: formatNumber(right), known: formatNumber(known) })
      : t('predict.batchDone', { count });
    return refused ? `${done} ${t('predict.batchRefusedCount', { count: formatNumber(refused) })}` : done;
  }
}
