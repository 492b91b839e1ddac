import type {
  BatchProgress,
  EpochLog,
  Evaluation,
  EvaluationReport,
  ModelSummary,
  PendingRun,
  SavedModelInfo,
  SplitName,
  TrainEvent,
} from '../../../shared/api';
import { eventSink } from '../../bridge';
import type { AppEvent } from '../../events';
import type { RunEnd } from '../train-panel/train-panel.component';
import { listen, type AppHost } from './app-host';
import type { BackendController } from './backend-controller';
import type { ModelsController } from './models-controller';

/**
 * Training runs and what the model in use has learned: progress, curves, its evaluation (with the
 * images it gets wrong) and its architecture. It handles the train, stop and evaluate events.
 */
export class TrainingController {
  training = false;
  progress?: BatchProgress;
  history: EpochLog[] = [];
  outcome: RunEnd = null;
  evaluation?: Evaluation | EvaluationReport;
  evaluatedSplit: SplitName = 'test';
  evaluating = false;
  /** The architecture of the model in use, or of an untrained one. */
  summary?: ModelSummary;
  /** A run that was stopped or interrupted, whose model waits for the person's choice. */
  pending: PendingRun | null = null;
  /** True while its model is being kept or discarded. */
  settling = false;
  /** The model whose results are shown, so that hearing of it again changes nothing. */
  private shown: string | null = null;

  constructor(
    private readonly host: AppHost,
    private readonly backend: BackendController,
    private readonly models: ModelsController,
  ) {
    listen(host, {
      'sc-train': (e) => this.onTrain(e),
      'sc-stop': () => host.attempt('error.stop', () => host.api.training.stop()),
      'sc-evaluate': (e) => this.onEvaluate(e.detail),
      'sc-keep-run': () => this.onKeep(),
      'sc-discard-run': () => this.onDiscard(),
    });
  }

  /**
   * Shows what a model learned (its stored curves, evaluation and mistakes), or, with none, the
   * architecture a new model of `classes` classes would have.
   */
  async show(model: SavedModelInfo | null, classes: number): Promise<void> {
    if (model && model.id === this.shown) return;
    this.shown = model?.id ?? null;
    this.outcome = null;
    this.update(() => this.showModel(model));
    if (!model) {
      const summary = await this.host.attempt('error.describe', () => this.host.api.training.describeModel(classes));
      if (!this.shown) this.update(() => (this.summary = summary));
    }
  }

  private showModel(model: SavedModelInfo | null): void {
    this.summary = model?.summary;
    this.history = model?.metadata.history ?? [];
    const evaluation = model?.metadata.evaluation;
    this.evaluation = evaluation && model.mistakes ? { ...evaluation, mistakes: model.mistakes } : evaluation;
    this.evaluatedSplit = 'test';
  }

  private update(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  private async onTrain(event: AppEvent<'sc-train'>): Promise<void> {
    this.update(() => {
      this.training = true;
      this.outcome = null;
      this.progress = undefined;
      this.history = [];
      this.evaluation = undefined;
      // Training again discards a run still waiting (the pending card said so).
      this.pending = null;
    });
    this.host.clearFailure();
    const onEvent = (e: TrainEvent) => {
      if (e.type === 'backend') this.backend.show(e.report);
      else if (e.type === 'batch') this.update(() => (this.progress = e.progress));
      else this.update(() => (this.history = [...this.history, e.log]));
    };
    const { choice, threads } = this.backend;
    const settings = { ...event.detail, backend: choice, ...(threads ? { threads } : {}) };
    const result = await this.host.attempt('error.train', () =>
      this.host.api.training.train(settings, eventSink(onEvent)),
    );
    const saved = result?.saved;
    this.update(() => {
      this.training = false;
      if (saved) {
        this.shown = saved.id;
        this.showModel(saved);
        if (result.evaluation) this.evaluation = result.evaluation;
        this.outcome = result.stopped ? 'stopped' : 'finished';
      } else if (result?.pending) {
        // Its curves and results stay in view while the person decides; the model in use has not changed.
        this.pending = result.pending;
        this.evaluation = result.evaluation;
        this.outcome = 'stopped';
      } else {
        // Nothing new was saved (stopped in the first epoch, or failed): the previous model stays.
        this.showModel(this.models.current);
        if (result) this.outcome = 'stopped-early';
      }
    });
    if (saved) await this.models.refresh();
  }

  /** Shows a run that waits for the person's choice (found at start). */
  offer(pending: PendingRun | null): void {
    this.update(() => (this.pending = pending));
  }

  private async onKeep(): Promise<void> {
    this.update(() => (this.settling = true));
    const kept = await this.host.attempt('error.keep', () => this.host.api.training.keepPending());
    this.update(() => {
      this.settling = false;
      if (!kept) return;
      this.pending = null;
      this.shown = kept.saved.id;
      this.showModel(kept.saved);
      if (kept.evaluation) this.evaluation = kept.evaluation;
    });
    if (kept) this.models.show(kept.models);
  }

  private async onDiscard(): Promise<void> {
    this.update(() => (this.settling = true));
    await this.host.attempt('error.keep', () => this.host.api.training.discardPending());
    this.update(() => {
      this.settling = false;
      this.pending = null;
      this.outcome = null;
      this.showModel(this.models.current);
    });
  }

  private async onEvaluate(split: SplitName): Promise<void> {
    this.update(() => (this.evaluating = true));
    const evaluation = await this.host.attempt('error.evaluate', () => this.host.api.inference.evaluate(split));
    this.update(() => {
      if (evaluation) {
        this.evaluation = evaluation;
        this.evaluatedSplit = split;
      }
      this.evaluating = false;
    });
  }
}
