import { LitElement, html } from 'lit';
import { state } from 'lit/decorators.js';
import type {
  BackendReport,
  BatchProgress,
  Calibration,
  DatasetIndex,
  EpochLog,
  Evaluation,
  ModelSummary,
  Prediction,
  SavedModelInfo,
  SplitName,
  TrainEvent,
} from '../../../shared/api';
import { eventSink, startShapesWorker, transferImages } from '../../bridge';
import type { AppEvent } from '../../events';
import type { MessageKey } from '../../i18n/en';
import { LocaleController, t } from '../../i18n/i18n';
import { watchForUpdates } from '../../pwa';
import { loadBackendChoice, saveBackendChoice } from '../../settings-store';
import { sharedStyles } from '../../styles/shared.styles';
import '../app-header/app-header';
import type { BackendActivity } from '../backend-panel/backend-panel.component';
import '../backend-panel/backend-panel';
import '../dataset-view/dataset-view';
import '../error-alert/error-alert';
import '../model-view/model-view';
import '../predict-panel/predict-panel';
import '../results-view/results-view';
import type { TrainOutcome } from '../train-panel/train-panel.component';
import '../train-panel/train-panel';
import type { UpdateState } from '../update-prompt/update-prompt.component';
import '../update-prompt/update-prompt';
import { styles } from './shape-app.styles';

type FailedAction = Extract<MessageKey, `error.${string}`>;

/** A failure to show: what was being done (localised at render time) and the cause as reported. */
interface Failure {
  action: FailedAction;
  detail: string;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The app shell. It owns the training worker and the little state the panels share; panels get
 * that state as properties and ask for work with events.
 */
export class ShapeApp extends LitElement {
  static override styles = [sharedStyles, styles];

  private readonly i18n = new LocaleController(this);
  private worker?: ReturnType<typeof startShapesWorker>;
  private reloadApp?: () => Promise<void>;
  /** Dataset images offered as test inputs: the test and hard splits. */
  private samples: string[] = [];
  /** Only the newest prediction request may update the screen. */
  private predictionTicket = 0;

  @state() private index?: DatasetIndex;
  @state() private saved: SavedModelInfo | null = null;
  @state() private summary?: ModelSummary;
  @state() private report?: BackendReport;
  @state() private calibration?: Calibration;
  @state() private backendChoice = loadBackendChoice();
  @state() private backendActivity: BackendActivity = null;
  @state() private training = false;
  @state() private progress?: BatchProgress;
  @state() private history: EpochLog[] = [];
  @state() private outcome: TrainOutcome = null;
  @state() private evaluation?: Evaluation;
  @state() private evaluatedSplit: SplitName = 'test';
  @state() private evaluating = false;
  @state() private prediction?: Prediction;
  @state() private failure?: Failure;
  @state() private appUpdate: UpdateState = null;

  private get api() {
    this.worker ??= startShapesWorker();
    return this.worker.api;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.open();
    this.reloadApp = watchForUpdates({
      offlineReady: () => (this.appUpdate = 'offline-ready'),
      needRefresh: () => (this.appUpdate = 'need-refresh'),
      registerError: (error) => this.fail('error.offline', error),
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.worker?.terminate();
    this.worker = undefined;
  }

  override render() {
    const classes = this.saved?.metadata.classNames ?? this.index?.classes ?? [];
    const inputSize = this.saved?.metadata.inputSize ?? this.index?.imageSize ?? [24, 24];
    const trainCount = this.count('train');
    return html`
      <sc-app-header></sc-app-header>
      <main
        @sc-train=${this.onTrain}
        @sc-stop=${this.onStop}
        @sc-backend-change=${this.onBackendChange}
        @sc-calibrate=${this.onCalibrate}
        @sc-evaluate=${this.onEvaluate}
        @sc-predict=${this.onPredict}
        @sc-predict-clear=${() => (this.prediction = undefined)}
        @sc-image-error=${(e: AppEvent<'sc-image-error'>) => (this.failure = { action: 'error.image', detail: e.detail })}
        @sc-delete-model=${this.onDelete}
      >
        <sc-error-alert .message=${this.failure ? `${t(this.failure.action)}: ${this.failure.detail}` : ''}
          @sc-dismiss=${() => (this.failure = undefined)}></sc-error-alert>
        <div class="panels">
          <div class="column">
            <sc-train-panel class="card train" .ready=${!!this.index} .training=${this.training} .progress=${this.progress}
              .history=${this.history} .trainCount=${trainCount} .outcome=${this.outcome}></sc-train-panel>
            <sc-results-view class="card results" .evaluation=${this.evaluation} .split=${this.evaluatedSplit}
              .hasModel=${!!this.saved} .busy=${this.evaluating || this.training}></sc-results-view>
            <sc-model-view class="card model" .summary=${this.summary} .saved=${this.saved} .inputSize=${inputSize}
              .training=${this.training}></sc-model-view>
          </div>
          <div class="column">
            <sc-predict-panel class="card predict" .hasModel=${!!this.saved} .paused=${this.training} .classes=${classes}
              .prediction=${this.prediction} .samples=${this.samples}></sc-predict-panel>
            <sc-dataset-view class="card dataset" .index=${this.index}></sc-dataset-view>
            <sc-backend-panel class="card backend" .report=${this.report} .calibration=${this.calibration ?? this.report?.calibration}
              .choice=${this.backendChoice} .activity=${this.backendActivity} .training=${this.training}></sc-backend-panel>
          </div>
        </div>
        <sc-update-prompt .state=${this.appUpdate} .training=${this.training}
          @sc-reload=${this.onReload} @sc-dismiss=${() => (this.appUpdate = null)}></sc-update-prompt>
      </main>
    `;
  }

  private count(split: SplitName): number {
    return Object.values(this.index?.splits[split] ?? {}).reduce((n, files) => n + files.length, 0);
  }


  /** Runs a worker call; a failure goes to the alert region, named by what was being done. */
  private async attempt<T>(action: FailedAction, job: () => Promise<T>): Promise<T | undefined> {
    try {
      return await job();
    } catch (error) {
      this.fail(action, error);
      return undefined;
    }
  }

  private fail(action: FailedAction, error: unknown): void {
    this.failure = { action, detail: messageOf(error) };
  }

  private async open(): Promise<void> {
    const opened = await this.attempt('error.open', () => this.api.open(new URL(import.meta.env.BASE_URL, document.baseURI).href));
    if (!opened) return;
    this.samples = [...Object.values(opened.dataset.splits.test), ...Object.values(opened.dataset.splits.hard)].flat();
    this.index = opened.dataset;
    if (opened.saved) this.showSaved(opened.saved);
    else await this.describeUntrained();
  }

  private showSaved(saved: SavedModelInfo): void {
    this.saved = saved;
    this.summary = saved.summary;
    this.history = saved.metadata.history;
    this.evaluation = saved.metadata.evaluation;
    this.evaluatedSplit = 'test';
  }

  private async describeUntrained(): Promise<void> {
    const classes = this.index?.classes.length ?? 3;
    this.summary = await this.attempt('error.describe', () => this.api.describeModel(classes));
  }

  private async onTrain(event: AppEvent<'sc-train'>): Promise<void> {
    this.training = true;
    this.outcome = null;
    this.progress = undefined;
    this.history = [];
    this.evaluation = undefined;
    this.failure = undefined;
    const onEvent = (e: TrainEvent) => {
      if (e.type === 'backend') this.report = e.report;
      else if (e.type === 'batch') this.progress = e.progress;
      else this.history = [...this.history, e.log];
    };
    const settings = { ...event.detail, backend: this.backendChoice };
    const result = await this.attempt('error.train', () => this.api.train(settings, eventSink(onEvent)));
    this.training = false;
    if (result?.saved) {
      this.showSaved(result.saved);
      this.outcome = result.stopped ? 'stopped' : 'finished';
      return;
    }
    // Nothing new was saved (stopped in the first epoch, or failed): the previous model stays.
    if (this.saved) this.showSaved(this.saved);
    if (result) this.outcome = 'stopped-early';
  }

  private async onStop(): Promise<void> {
    await this.attempt('error.stop', () => this.api.stop());
  }

  private async onBackendChange(event: AppEvent<'sc-backend-change'>): Promise<void> {
    this.backendChoice = event.detail;
    saveBackendChoice(event.detail);
    this.backendActivity = 'switching';
    this.report = (await this.attempt('error.backend', () => this.api.useBackend(event.detail))) ?? this.report;
    this.backendActivity = null;
  }

  private async onCalibrate(): Promise<void> {
    this.backendActivity = 'calibrating';
    const calibration = await this.attempt('error.calibrate', () => this.api.calibrate());
    if (calibration) {
      this.calibration = calibration;
      // Calibrating leaves the fastest backend running; report what runs for the current choice.
      this.report = (await this.attempt('error.backend', () => this.api.useBackend(this.backendChoice))) ?? this.report;
    }
    this.backendActivity = null;
  }

  private async onEvaluate(event: AppEvent<'sc-evaluate'>): Promise<void> {
    this.evaluating = true;
    const split = event.detail;
    const evaluation = await this.attempt('error.evaluate', () => this.api.evaluate(split));
    if (evaluation) {
      this.evaluation = evaluation;
      this.evaluatedSplit = split;
    }
    this.evaluating = false;
  }

  private async onPredict(event: AppEvent<'sc-predict'>): Promise<void> {
    const ticket = ++this.predictionTicket;
    const [prediction] = (await this.attempt('error.predict', () => this.api.predict(transferImages([event.detail])))) ?? [];
    if (ticket === this.predictionTicket) this.prediction = prediction;
  }

  private async onDelete(): Promise<void> {
    // Another saved model may become current in the deleted one's place.
    const list = await this.attempt('error.delete', async () => (await this.api.deleteSavedModel(), this.api.models()));
    if (!list) return;
    this.prediction = undefined;
    this.outcome = null;
    const current = list.models.find((model) => model.id === list.current);
    if (current) return this.showSaved(current);
    this.saved = null;
    this.history = [];
    this.evaluation = undefined;
    await this.describeUntrained();
  }

  private onReload(): void {
    // The prompt disables Reload during training; this guards a click that races the run's start.
    if (!this.training) void this.reloadApp?.();
  }
}
