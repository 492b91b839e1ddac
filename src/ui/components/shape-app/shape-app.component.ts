import { html, type PropertyValues } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { DatasetIndex, SavedModelInfo, StarterIndex } from '../../../shared/api';
import { problemOf, type Problem } from '../../../shared/problems';
import { WorkerBridge, WorkerStopped } from '../../worker-bridge';
import type { AppEvent } from '../../events';
import { messageOf } from '../../format';
import { loadProblemMessages, problemText, t } from '../../i18n/i18n';
import { LocalizedElement } from '../../i18n/localized-element';
import { watchForUpdates } from '../../pwa';
import { rememberStarterIndex } from '../../starter-tile';
import { sharedStyles } from '../../styles/shared.styles';
import '../app-header/app-header';
import '../error-alert/error-alert';
import type { ErrorAlert } from '../error-alert/error-alert';
import type { UpdateState } from '../update-prompt/update-prompt.component';
import '../update-prompt/update-prompt';
import type { AppHost, FailedAction } from './app-host';
import { BackendController } from './backend-controller';
import { ChangesController } from './changes-controller';
import { StorageController } from './storage-controller';
import { DatasetController } from './dataset-controller';
import { ModelsController } from './models-controller';
import { PredictionController } from './prediction-controller';
import { ProjectController } from './project-controller';
import { styles } from './shape-app.styles';
import { loadTab, renderTabList, renderTabPanels, tabFromHash, type Tab } from './tabs';
import { TrainingController } from './training-controller';

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
 * The app shell. It owns the training worker, the alert and the tabs; the state the panels share
 * lives in controllers (backend, dataset, models, training, prediction), which handle the panels'
 * events. Panels get that state as properties (see tabs.ts) and ask for work with events.
 */
export class ShapeApp extends LocalizedElement implements AppHost {
  static override styles = [sharedStyles, styles];

  private worker?: WorkerBridge;
  private reloadApp?: () => Promise<void>;
  readonly backend = new BackendController(this);
  readonly data = new DatasetController(this);
  readonly models = new ModelsController(this, (model) => this.onCurrentModel(model));
  readonly training = new TrainingController(this, this.backend, this.models);
  readonly prediction = new PredictionController(this);
  readonly project = new ProjectController(this, this.data, this.models);
  readonly storage = new StorageController(this);
  /** What the storage line last reflected: it is read again when the dataset or the models change. */
  private storedSeen: [unknown, unknown] = [undefined, undefined];
  readonly changes = new ChangesController(
    this,
    (kind) => void (kind === 'dataset' ? this.data.refresh() : this.models.refresh()),
  );

  /** The bundled starter set's index. */
  @state() bundled?: DatasetIndex;
  /** The real-drawing starter set's index. */
  @state() starter?: StarterIndex;
  /** A worker that lost its GPU closes itself: nothing new may start until the fresh one is open. */
  @state() restarting = false;
  /** True when the app opened with no saved model: the Train tab leads the way in (sc-first-run). */
  @state() firstRun = false;
  @state() private failure?: Failure;
  @state() appUpdate: UpdateState = null;
  @state() tab: Tab = tabFromHash();
  /** Tabs are rendered once first shown, then kept (with their drawings and forms) while hidden. */
  @state() visited = new Set<Tab>([this.tab]);
  @query('sc-error-alert') private alert!: ErrorAlert;

  get workerName(): string | undefined {
    return this.worker?.name;
  }

  get api() {
    this.worker ??= new WorkerBridge((detail, restarted) => void this.onWorkerStopped(detail, restarted));
    return this.worker.api;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void loadTab(this.tab);
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
    const message = failure ? [t(failure.action), detailText(failure.detail)].filter(Boolean).join(': ') : '';
    return html`
      <sc-app-header></sc-app-header>
      <main
        @sc-image-error=${(e: AppEvent<'sc-image-error'>) =>
          (this.failure = { action: 'error.image', detail: e.detail })}
        @sc-import-error=${(e: AppEvent<'sc-import-error'>) =>
          (this.failure = { action: 'error.import', detail: e.detail })}
        @sc-show-tab=${(e: AppEvent<'sc-show-tab'>) => this.showTab(e.detail)}
      >
        ${renderTabList(this)}
        <sc-error-alert .message=${message} @sc-dismiss=${() => this.clearFailure()}></sc-error-alert>
        ${renderTabPanels(this)}
        <sc-update-prompt .state=${this.appUpdate} .training=${this.training.training}
          @sc-reload=${this.onReload} @sc-dismiss=${() => (this.appUpdate = null)}></sc-update-prompt>
      </main>
    `;
  }

  protected override updated(changed: PropertyValues): void {
    const stored: [unknown, unknown] = [this.data.state, this.models.list];
    if (this.data.state && stored.some((value, i) => value !== this.storedSeen[i])) {
      this.storedSeen = stored;
      void this.storage.refresh(!!this.data.state.user.samples.length || !!this.models.list.models.length);
    }
    // The alert sticks to the top of the screen, so the person stays where they acted; the focus
    // goes to it, so a keyboard or screen reader user is where the message is.
    if (changed.has('failure') && this.failure) this.alert.focusMessage();
  }

  async attempt<T>(action: FailedAction, job: () => Promise<T>): Promise<T | undefined> {
    try {
      return await job();
    } catch (error) {
      // The stop itself is reported once, by onWorkerStopped, not by every call it cut short.
      if (!(error instanceof WorkerStopped)) await this.fail(action, error);
      return undefined;
    }
  }

  clearFailure(): void {
    this.failure = undefined;
  }

  private async fail(action: FailedAction, error: unknown): Promise<void> {
    const problem = problemOf(error);
    // Should its messages fail to load, the error's own (English) message still says it.
    const translatable =
      problem &&
      (await loadProblemMessages().then(
        () => true,
        () => false,
      ));
    this.failure = { action, detail: translatable ? problem : messageOf(error) };
    if (problem?.code === 'deviceLost') this.restarting = true;
  }

  /** Shows a tab, and names it in the address so a reload opens it again. */
  select(tab: Tab): void {
    void loadTab(tab);
    this.tab = tab;
    this.visited = new Set([...this.visited, tab]);
    history.replaceState(null, '', `#${tab}`);
  }

  /** Shows a tab and puts the focus on its tab (which scrolls it into view): from the keyboard or a guide's step. */
  async showTab(tab: Tab): Promise<void> {
    this.select(tab);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus();
  }

  private async open(): Promise<void> {
    const opened = await this.attempt('error.open', () =>
      this.api.app.open(new URL(import.meta.env.BASE_URL, document.baseURI).href),
    );
    if (!opened) return;
    this.restarting = false;
    this.bundled = opened.bundled;
    this.starter = opened.starter;
    rememberStarterIndex(opened.starter);
    this.backend.show(opened.backend);
    this.data.show(opened.dataset);
    this.firstRun ||= !opened.models.models.length;
    this.models.show(opened.models);
    this.training.offer(opened.pending);
    // A notice is a problem the worker reported without failing: shown like one that crossed as an error.
    const [notice] = opened.notices;
    if (notice) await this.fail('error.tidy', Object.assign(new Error(notice.code), { problem: notice }));
    if (!opened.models.current) await this.onCurrentModel(null);
  }

  /** Another model predicts now, or none is left: its results replace the previous model's. */
  private onCurrentModel(model: SavedModelInfo | null): Promise<void> {
    this.prediction.clear();
    return this.training.show(model, this.data.state?.classes.length ?? this.bundled?.classes.length ?? 3);
  }

  /**
   * Says what happened; when a fresh worker runs already, opens it (stored data was not touched).
   * A worker that stopped before it started is not retried: it would fail the same way.
   */
  private async onWorkerStopped(detail: string, restarted: boolean): Promise<void> {
    // A worker that lost its GPU said why before it closed itself: that says more than "it stopped".
    const explained = typeof this.failure?.detail === 'object' && this.failure.detail.code === 'deviceLost';
    if (!explained) this.failure = { action: restarted ? 'error.workerRestarted' : 'error.worker', detail };
    if (restarted) await this.open();
  }

  private onReload(): void {
    // The prompt disables Reload during training; this guards a click that races the run's start.
    if (!this.training.training) void this.reloadApp?.();
  }
}
