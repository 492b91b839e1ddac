import { html } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property } from 'lit/decorators.js';
import type { BatchProgress } from '../../../shared/api';
import { emit } from '../../events';
import { formatNumber, formatPercent } from '../../format';
import { t } from '../../i18n/i18n';
import { loadSettings } from '../../settings-store';
import { sharedStyles } from '../../styles/shared.styles';
import { styles } from './first-run.styles';

/**
 * The way in for someone who has no model yet: train, then draw or bring a photo, then read the
 * answer, one obvious action per step, the current step marked. The settings stay in the training
 * card below, which this one trains with (the recommended ones unless the person changed them).
 *
 * @fires sc-train - Train with the form's remembered settings.
 * @fires sc-show-tab - Go to the Predict tab (detail 'predict').
 */
export class FirstRun extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** True once a model exists: the first step is done. */
  @property({ type: Boolean }) hasModel = false;

  /** The test accuracy of the model in use, once scored. */
  @property({ type: Number }) accuracy?: number;

  /** True while training runs. */
  @property({ type: Boolean }) training = false;

  /** True while the first training measures which backend is fastest, before its first batch. */
  @property({ type: Boolean }) measuring = false;

  @property({ attribute: false }) progress?: BatchProgress;

  /** True when the dataset is loaded and training may start. */
  @property({ type: Boolean }) ready = false;

  /** Training images, to say what the first model learns from. */
  @property({ type: Number }) trainCount = 0;

  override render() {
    const step = this.hasModel ? 2 : 1;
    const current = (n: number) => (n === step ? 'step' : 'false');
    return html`
      <h2 id="guide-heading">${t('guide.title')}</h2>
      <ol aria-labelledby="guide-heading">
        <li aria-current=${current(1)} class=${step > 1 ? 'done' : ''}>
          <h3>${t('guide.trainTitle')}</h3>
          <p>${this.trainText()}</p>
          ${
            this.hasModel
              ? ''
              : html`<button type="button" class="primary" ?disabled=${this.training || !this.ready}
                  @click=${() => emit(this, 'sc-train', loadSettings())}>${t('guide.train')}</button>`
          }
        </li>
        <li aria-current=${current(2)}>
          <h3>${t('guide.drawTitle')}</h3>
          <p>${t('guide.draw')}</p>
          <button type="button" class=${step === 2 ? 'primary' : ''} ?disabled=${!this.hasModel}
            @click=${() => emit(this, 'sc-show-tab', 'predict')}>${t('guide.goPredict')}</button>
        </li>
        <li aria-current="false">
          <h3>${t('guide.answerTitle')}</h3>
          <p>${t('guide.answer')}</p>
        </li>
      </ol>
      <p class="muted">${t('guide.settings')}</p>
    `;
  }

  private trainText(): string {
    if (this.hasModel) {
      return this.accuracy === undefined
        ? t('guide.trained')
        : t('guide.trainedScore', { accuracy: formatPercent(this.accuracy, 0) });
    }
    if (this.measuring) return t('guide.measuring');
    if (this.training && this.progress) {
      return t('train.epochProgress', { epoch: this.progress.epoch, epochs: this.progress.epochs });
    }
    if (this.training) return t('train.starting');
    return t('guide.train.about', { count: formatNumber(this.trainCount) });
  }
}
