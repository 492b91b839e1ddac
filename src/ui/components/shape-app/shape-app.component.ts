import { html, type PropertyValues } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { query, state } from 'lit/decorators.js';
import type {
  BatchProgress,
  DatasetIndex,
  EpochLog,
  Evaluation,
  EvaluationReport,
  ModelSummary,
  SavedModelInfo,
  ShownPrediction,
  SplitName,
  TrainEvent,
} from '../../../shared/api';
import { eventSink, startShapesWorker, transferImages } from '../../bridge';
import type { AppEvent } from '../../events';
import { messageOf } from '../../format';
import { problemOf, type Problem } from '../../../shared/problems';
import { loadProblemMessages, problemText, t } from '../../i18n/i18n';
import { watchForUpdates } from '../../pwa';
import { sharedStyles } from '../../styles/shared.styles';
import '../app-header/app-header';
import '../error-alert/error-alert';
import type { ErrorAlert } from '../error-alert/error-alert';
import type { TrainOutcome } from '../train-panel/train-panel.component';
import type { UpdateState } from '../update-prompt/update-prompt.component';
import '../update-prompt/update-prompt';
import type { AppHost, FailedAction } from './app-host';
import { BackendController } from './backend-controller';
import { DatasetController } from './dataset-controller';
import { ModelsController } from './models-controller';
import { renderTabList, renderTabPanels, tabFromHash, type Tab } from './tabs';
import { styles } from './shape-app.styles';

/**
 * A failure to show: what was being done and the cause, both localised at render time when the
 * cause is a problem the engine reported; any other cause is shown as reported.
 */
interface Failure {
  action: FailedAction;
  detail: string | Problem;
}

const detailText = (detail: Failure['detail']): string => (typeof detail === 'string' ? detail : problemText(detail));

/**
 * The app shell. It owns the training worker and the state the panels share; panels get that
 * state as properties and ask for work with events. The backend's, the dataset's and the saved
 * models' events are handled by controllers; the panels are laid out in tabs (see tabs.ts).
 */
export class ShapeApp extends LocalizedElement implements AppHost {
  static override styles = [sharedStyles, styles];

  private worker?: ReturnType<typeof startShapesWorker>;
  private reloadApp?: () => Promise<void>;
  /** Only the newest prediction request may update the screen. */
  private predictionTicket = 0;
  readonly backend = new BackendController(this);
  readonly data = new DatasetController(this);
  readonly models = new ModelsController(this, (model) => this.onCurrentModel(model));
  /** Dataset images offered as test inputs: the test and hard splits. */
  testImages: string[] = [];

  @state() index?: DatasetIndex;
  @state() saved: SavedModelInfo | null = null;
  @state() summary?: ModelSummary;
  @state() training = false;
  @state() progress?: BatchProgress;
  @state() history: EpochLog[] = [];
  @state() outcome: TrainOutcome = null;
  @state() evaluation?: Evaluation | EvaluationReport;
  @state() evaluatedSplit: SplitName = 'test';
  @state() evaluating = false;
  @state() prediction?: ShownPrediction;
  @state() private failure?: Failure;
  @state() appUpdate: UpdateState = null;
  @state() tab: Tab = tabFromHash();
  /** Tabs are rendered once first shown, then kept (with their drawings and forms) while hidden. */
  @state() visited = new Set<Tab>([this.tab]);
  @query('sc-error-alert') private alert!: ErrorAlert;

  get api() {
    this.worker ??= startShapesWorker((detail) => void this.fail('error.worker', detail));
    return this.worker.api;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.open();
    this.reloadApp = watchForUpdates({
      offlineReady: () => (this.appUpdate = 'offline-ready'),
      needRefresh: () => (this.appUpdate = 'need-refresh'),
      registerError: (error) => void this.fail('error.offline', error),
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.worker?.terminate();
    this.worker = undefined;
  }

  override render() {
    const failure = this.failure;
    return html`
      <sc-app-header></sc-app-header>
      <main
        @sc-train=${this.onTrain}
        @sc-stop=${() => this.attempt('error.stop', () => this.api.stop())}
        @sc-evaluate=${(e: AppEvent<'sc-evaluate'>) => this.evaluate(e.detail)}
        @sc-predict=${this.onPredict}
        @sc-predict-clear=${() => (this.prediction = undefined)}
        @sc-image-error=${(e: AppEvent<'sc-image-error'>) => (this.failure = { action: 'error.image', detail: e.detail })}
        @sc-import-error=${(e: AppEvent<'sc-import-error'>) => (this.failure = { action: 'error.import', detail: e.detail })}
      >
        ${renderTabList(this)}
        <sc-error-alert .message=${failure ? [t(failure.action), detailText(failure.detail)].filter(Boolean).join(': ') : ''}
          @sc-dismiss=${() => (this.failure = undefined)}></sc-error-alert>
        ${renderTabPanels(this)}
        <sc-update-prompt .state=${this.appUpdate} .training=${this.training}
          @sc-reload=${this.onReload} @sc-dismiss=${() => (this.appUpdate = null)}></sc-update-prompt>
      </main>
    `;
  }

  protected override updated(changed: PropertyValues): void {
    // A failure can follow an action far down a long tab: bring the alert into view.
    if (changed.has('failure') && this.failure) this.alert.scrollIntoView({ block: 'nearest' });
  }

  async attempt<T>(action: FailedAction, job: () => Promise<T>): Promise<T | undefined> {
    try {
      return await job();
    } catch (error) {
      await this.fail(action, error);
      return undefined;
    }
  }

  private async fail(action: FailedAction, error: unknown): Promise<void> {
    const problem = problemOf(error);
    // Should its messages fail to load, the error's own (English) message still says it.
    const translatable = problem && (await loadProblemMessages().then(() => true, () => false));
    this.failure = { action, detail: translatable ? problem : messageOf(error) };
  }

  /** Shows a tab, and names it in the address so a reload opens it again. */
  select(tab: Tab): void {
    this.tab = tab;
    this.visited = new Set([...this.visited, tab]);
    history.replaceState(null, '', `#${tab}`);
  }

  private async open(): Promise<void> {
    const opened = await this.attempt('error.open', () => this.api.open(new URL(import.meta.env.BASE_URL, document.baseURI).href));
    if (!opened) return;
    this.testImages = [...Object.values(opened.dataset.splits.test), ...Object.values(opened.dataset.splits.hard)].flat();
    this.index = opened.dataset;
    this.backend.show(opened.report);
    if (opened.saved) this.showSaved(opened.saved);
    else await this.describeUntrained();
    await Promise.all([this.data.refresh(), this.models.refresh()]);
    await this.evaluateMistakes();
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

  /** Another model predicts now (chosen, imported, or in place of a deleted one), or none is left. */
  private async onCurrentModel(model: SavedModelInfo | null): Promise<void> {
    if (model?.id === this.saved?.id) {
      // The same model, perhaps renamed.
      if (model) this.saved = model;
      return;
    }
    this.prediction = undefined;
    this.outcome = null;
    if (model) {
      this.showSaved(model);
      return this.evaluateMistakes();
    }
    this.saved = null;
    this.history = [];
    this.evaluation = undefined;
    await this.describeUntrained();
  }

  private async onTrain(event: AppEvent<'sc-train'>): Promise<void> {
    this.training = true;
    this.outcome = null;
    this.progress = undefined;
    this.history = [];
    this.evaluation = undefined;
    this.failure = undefined;
    const onEvent = (e: TrainEvent) => {
      if (e.type === 'backend') this.backend.show(e.report);
      else if (e.type === 'batch') this.progress = e.progress;
      else this.history = [...this.history, e.log];
    };
    const settings = { ...event.detail, backend: this.backend.choice };
    const result = await this.attempt('error.train', () => this.api.train(settings, eventSink(onEvent)));
    this.training = false;
    if (result?.saved) {
      this.showSaved(result.saved);
      this.outcome = result.stopped ? 'stopped' : 'finished';
      await this.models.refresh();
      return this.evaluateMistakes();
    }
    // Nothing new was saved (stopped in the first epoch, or failed): the previous model stays.
    if (this.saved) this.showSaved(this.saved);
    if (result) this.outcome = 'stopped-early';
  }

  private async evaluate(split: SplitName): Promise<void> {
    this.evaluating = true;
    const evaluation = await this.attempt('error.evaluate', () => this.api.evaluate(split));
    if (evaluation) {
      this.evaluation = evaluation;
      this.evaluatedSplit = split;
    }
    this.evaluating = false;
  }

  /**
   * The saved evaluation has no images: scoring the test split again shows which ones the model
   * gets wrong. Skipped when the model's classes have no test images here (e.g. an imported model).
   */
  private async evaluateMistakes(): Promise<void> {
    const classes = this.saved?.metadata.classNames ?? [];
    const user = this.data.dataset;
    const bundled = user?.includeBundled !== false && classes.some((name) => this.index?.splits.test[name]?.length);
    if (bundled || user?.samples.some((s) => s.split === 'test' && classes.includes(s.className))) await this.evaluate('test');
  }

  private async onPredict(event: AppEvent<'sc-predict'>): Promise<void> {
    const ticket = ++this.predictionTicket;
    const [prediction] = (await this.attempt('error.predict', () => this.api.predict(transferImages([event.detail])))) ?? [];
    if (ticket === this.predictionTicket) this.prediction = prediction;
  }

  private onReload(): void {
    // The prompt disables Reload during training; this guards a click that races the run's start.
    if (!this.training) void this.reloadApp?.();
  }
}
