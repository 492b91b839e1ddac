import { html, type PropertyValues } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property, state } from 'lit/decorators.js';
import {
  DEFAULT_REDRAW,
  FIT_FRAME_DEFAULTS,
  NO_AUGMENTATION,
  TUTORIAL_SETTINGS,
  type BatchProgress,
  type EpochLog,
  type PixelImage,
} from '../../../shared/api';
import { presetOf } from '../../augment-presets';
import { emit, type FormSettings } from '../../events';
import { formatLoss, formatNumber, formatPercent } from '../../format';
import { t } from '../../i18n/i18n';
import { numberField, numberProblem } from '../../number-field';
import { APP_DEFAULTS, loadSettings, saveSettings } from '../../settings-store';
import { sharedStyles } from '../../styles/shared.styles';
import '../augment-settings/augment-settings';
import '../drawing-pipeline/drawing-pipeline';
import type { DrawingPipeline } from '../drawing-pipeline/drawing-pipeline';
import type { AugmentSettings } from '../augment-settings/augment-settings';
import '../line-chart/line-chart';
import '../train-log/train-log';
import { styles } from './train-panel.styles';

const TUTORIAL: FormSettings = (({ backend: _, ...rest }) => rest)(TUTORIAL_SETTINGS);

/** How the last run ended, so the status line can say so in the current language. */
export type RunEnd = 'finished' | 'stopped' | 'stopped-early' | null;

const FIELDS = [
  { key: 'epochs', label: 'train.epochs', min: 1, max: 500, step: '1' },
  { key: 'batchSize', label: 'train.batchSize', min: 1, max: 64, step: '1' },
  { key: 'learningRate', label: 'train.learningRate', min: 0.00001, max: 1, step: 'any' },
  { key: 'seed', label: 'train.seed', min: 0, max: 2 ** 31 - 1, step: '1' },
] as const;

/**
 * The training panel: settings and augmentation, Train and Stop, progress per epoch and per
 * batch, a live status line, loss and accuracy curves, and the Keras-style log.
 *
 * @fires sc-train - The form was submitted with valid settings.
 * @fires sc-stop - Stop was pressed during a run.
 */
export class TrainPanel extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** True while a run is going: the settings lock and Stop is offered. */
  @property({ type: Boolean }) training = false;

  /** False until the dataset is open: Train waits for it. */
  @property({ type: Boolean }) ready = false;

  /** The latest batch of the current run. */
  @property({ attribute: false }) progress?: BatchProgress;

  /** Epochs of the current run, or of the saved model's run. */
  @property({ attribute: false }) history: EpochLog[] = [];

  /** Images in the training split, to count batches per epoch. */
  @property({ type: Number }) trainCount = 0;

  /** How the last run ended. */
  @property() outcome: RunEnd = null;

  /** Augmented training images for the current augmentation options, once asked for. */
  @property({ attribute: false }) previews: PixelImage[] = [];

  /** True while the run measures which backend is fastest, before its first batch. */
  @property({ type: Boolean }) measuring = false;

  /** Settings that replace the form's (an opened project's); otherwise the form keeps its own. */
  @property({ attribute: false }) restored?: FormSettings;

  @state() private settings: FormSettings = loadSettings();
  @state() private stopping = false;
  /** What is wrong with each field the person typed into, said under it. */
  @state() private problems: Partial<Record<(typeof FIELDS)[number]['key'], string>> = {};

  override willUpdate(changed: PropertyValues<this>): void {
    if (!this.training) this.stopping = false;
    if (changed.has('restored') && this.restored) this.settings = this.restored;
  }

  override render() {
    const epochs = this.history[0]?.epochs ?? this.settings.epochs;
    return html`
      <h2>${t('train.title')}</h2>
      <form novalidate @submit=${this.onSubmit} @input=${this.onInput}>
        <fieldset ?disabled=${this.training}>
          <legend class="visually-hidden">${t('train.settings')}</legend>
          ${FIELDS.map((f) => numberField(f.key, t(f.label), f, this.settings[f.key], this.problems[f.key] ?? ''))}
        </fieldset>
        <sc-drawing-pipeline .fitFrame=${!!this.settings.fitFrame} .redraw=${!!this.settings.redraw}
          ?disabled=${this.training} @change=${this.onPipeline}></sc-drawing-pipeline>
        <sc-augment-settings class="augment" .options=${this.settings.augment ?? NO_AUGMENTATION}
          .redrawing=${!!this.settings.redraw} .previews=${this.previews} ?disabled=${this.training}
          @change=${this.onAugment}></sc-augment-settings>
        <div class="row actions">
          <button type="submit" class="primary" ?disabled=${this.training || !this.ready}>${t('train.start')}</button>
          <button type="button" class="danger" ?disabled=${!this.training || this.stopping}
            @click=${this.onStop}>${t('train.stop')}</button>
          <button type="button" ?disabled=${this.training}
            @click=${() => this.use(APP_DEFAULTS)}>${t('train.recommended')}</button>
          <button type="button" ?disabled=${this.training}
            @click=${() => this.use(TUTORIAL)}>${t('train.defaults')}</button>
        </div>
      </form>
      ${this.renderProgress()}
      <p class="status" role="status">${this.statusText()}</p>
      <div class="charts">
        <sc-line-chart .heading=${t('chart.loss')} .epochs=${epochs}
          .format=${(v: number) => formatNumber(v, { maximumFractionDigits: 2 })}
          .series=${[
            { label: t('chart.train'), kind: 'train', values: this.history.map((h) => h.loss) },
            { label: t('chart.validation'), kind: 'validation', values: this.history.flatMap((h) => h.valLoss ?? []) },
          ]}></sc-line-chart>
        <sc-line-chart .heading=${t('chart.accuracy')} .epochs=${epochs} .max=${1}
          .format=${(v: number) => formatPercent(v, 0)}
          .series=${[
            { label: t('chart.train'), kind: 'train', values: this.history.map((h) => h.acc) },
            { label: t('chart.validation'), kind: 'validation', values: this.history.flatMap((h) => h.valAcc ?? []) },
          ]}></sc-line-chart>
      </div>
      <sc-train-log .history=${this.history}
        .batches=${Math.ceil(this.trainCount / this.settings.batchSize)}></sc-train-log>
    `;
  }

  private renderProgress() {
    if (!this.training || !this.progress) return '';
    const { epoch, epochs, batch, batches } = this.progress;
    return html`
      <div class="progress">
        <label for="epoch-bar">${t('train.epochProgress', { epoch, epochs })}</label>
        <progress id="epoch-bar" max=${epochs} .value=${epoch - 1 + batch / batches}></progress>
        <label for="batch-bar">${t('train.batchProgress', { batch, batches })}</label>
        <progress id="batch-bar" max=${batches} .value=${batch}></progress>
      </div>
    `;
  }

  private statusText(): string {
    const last = this.history[this.history.length - 1];
    if (this.stopping) return t('train.stopping');
    if (this.training) {
      if (!last) return t(this.measuring ? 'train.measuring' : 'train.starting');
      return t('train.epochDone', {
        epoch: last.epoch,
        epochs: last.epochs,
        loss: formatLoss(last.loss),
        acc: formatPercent(last.acc),
        valAcc: last.valAcc === undefined ? '–' : formatPercent(last.valAcc),
      });
    }
    if (this.outcome === 'finished') return t('train.finished', { epochs: this.history.length });
    if (this.outcome === 'stopped') return t('train.stopped', { epochs: this.history.length });
    if (this.outcome === 'stopped-early') return t('train.stoppedEarly');
    return this.ready ? t('train.idle') : t('train.needsDataset');
  }

  private onInput(event: Event): void {
    const input = event.target;
    // The augmentation fields' events arrive retargeted to their element, which reports by 'change'.
    if (!(input instanceof HTMLInputElement)) return;
    const field = FIELDS.find((f) => f.key === input.name);
    if (field) this.problems = { ...this.problems, [field.key]: numberProblem(input, field) };
    if (!input.validity.valid || input.value === '') return;
    this.settings = { ...this.settings, [input.name]: Number(input.value) };
    // Remembered as typed, so that a project saved before the next run carries them.
    saveSettings(this.settings);
  }

  private onAugment(event: Event): void {
    const options = (event.target as AugmentSettings).options;
    const { augment: _, ...rest } = this.settings;
    // 'none' trains exactly as without augmentation: the options are left out, as in the tutorial.
    this.settings = presetOf(options) === 'none' ? rest : { ...rest, augment: options };
    saveSettings(this.settings);
  }

  private onPipeline(event: Event): void {
    const { fitFrame, redraw } = event.target as DrawingPipeline;
    const { fitFrame: _, redraw: __, ...rest } = this.settings;
    this.settings = {
      ...rest,
      ...(fitFrame ? { fitFrame: FIT_FRAME_DEFAULTS } : {}),
      ...(redraw ? { redraw: DEFAULT_REDRAW } : {}),
    };
    saveSettings(this.settings);
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const inputs = FIELDS.map((f) => [f, form.elements.namedItem(f.key) as HTMLInputElement] as const);
    this.problems = Object.fromEntries(inputs.map(([f, input]) => [f.key, numberProblem(input, f)]));
    // Said under the field, with the focus on the first wrong one: not a tooltip that vanishes.
    const wrong = inputs.find(([f]) => this.problems[f.key]);
    if (wrong) {
      wrong[1].focus();
      return;
    }
    saveSettings(this.settings);
    emit(this, 'sc-train', this.settings);
  }

  private onStop(): void {
    this.stopping = true;
    emit(this, 'sc-stop', null);
  }

  /** The tutorial's own settings (50 epochs, no augmentation), or the app's recommended ones. */
  private use(settings: FormSettings): void {
    this.settings = settings;
    this.problems = {};
    saveSettings(this.settings);
  }
}
