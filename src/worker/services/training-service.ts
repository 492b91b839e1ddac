import { transfer } from 'comlink';
import { rowsByClass, selectRows } from '../../engine/data/dataset';
import { createModel, summarize } from '../../engine/model/model';
import { watchGpu } from '../../engine/backend/device-lost';
import { DataError } from '../../engine/data/errors';
import { redrawFor, trainNewModel } from '../../engine/train/new-model';
import { batchAugmenter } from '../../engine/train/run';
import { preprocessFor } from '../../engine/data/preprocess';
import {
  TUTORIAL_SETTINGS,
  type AugmentationSettings,
  type BatchProgress,
  type ModelSummary,
  type PendingRun,
  type PixelImage,
  type TrainEvent,
  type TrainingService,
  type TrainResult,
  type TrainSettings,
} from '../../shared/api';
import { modelInputAsPixels } from '../../engine/browser/encode';
import { evaluationReport } from '../stores/training-data';
import type { BackendServiceImpl } from './backend-service';
import type { WorkerContext } from './context';
import { PendingRuns } from './pending-runs';
import { runRecord } from './run-record';

/**
 * The fast path finishes a batch every few milliseconds: forwarding each one would keep the page
 * busy re-rendering. Progress goes out at most every 50 ms, and always for an epoch's last batch.
 */
const BATCH_EVENT_INTERVAL_MS = 50;

function throttleBatches(send: (progress: BatchProgress) => void): (progress: BatchProgress) => void {
  let last = -Infinity;
  return (progress) => {
    const now = performance.now();
    if (now - last < BATCH_EVENT_INTERVAL_MS && progress.batch < progress.batches) return;
    last = now;
    send(progress);
  };
}

/** Trains new models on the effective dataset and saves them as current. */
export class TrainingServiceImpl implements TrainingService {
  private stopRequested = false;
  private readonly pendingRuns: PendingRuns;

  constructor(
    private readonly context: WorkerContext,
    private readonly backends: BackendServiceImpl,
  ) {
    this.pendingRuns = new PendingRuns(context);
  }

  async describeModel(classes: number): Promise<ModelSummary> {
    const { imageSize } = this.context.workspace.bundled.index;
    const model = createModel({ inputSize: imageSize, classes, seed: 0, learningRate: TUTORIAL_SETTINGS.learningRate });
    const summary = summarize(model);
    model.dispose();
    return summary;
  }

  train(settings: TrainSettings, onEvent: (event: TrainEvent) => void): Promise<TrainResult> {
    return this.context.whileTraining(async () => {
      this.stopRequested = false;
      const { trainingData, models } = this.context.workspace;
      const classNames = await trainingData.classNames();
      const train = await trainingData.split('train', classNames, preprocessFor(settings));
      const test = await trainingData.split('test', classNames, preprocessFor(settings));
      const report = await this.backends.start(settings.backend);
      onEvent({ type: 'backend', report });
      const run = { settings, backend: report.active, classNames, inputSize: train.size };
      const gpu = watchGpu(report.active);
      const keep = await this.pendingRuns.checkpointer(run);
      const lostDevice = () => new DataError('', 'deviceLost', { backend: report.active });
      const { model, outcome, metadata } = await trainNewModel({
        train,
        test,
        settings,
        backend: report.active,
        onBatch: throttleBatches((progress) => void onEvent({ type: 'batch', progress })),
        onEpoch: (log) => void onEvent({ type: 'epoch', log }),
        shouldStop: () => this.stopRequested,
        // A lost device may compute zeros without failing: each epoch asks, before it is kept.
        checkpoint: async (log, weights) => {
          if (gpu.lost()) throw lostDevice();
          await keep(log, weights);
        },
      }).catch(async (error: unknown) => {
        if (await gpu.settle()) {
          // The last checkpoint stays on offer; this worker's GPU backend is gone for good.
          this.context.needsRestart();
          throw lostDevice();
        }
        await this.pendingRuns.discard();
        throw error;
      });
      let kept = false;
      try {
        const { history, stopped } = outcome;
        const evaluation = outcome.evaluation && evaluationReport(outcome.evaluation);
        if (history.length === 0) {
          await this.pendingRuns.discard();
          return { history, stopped, saved: null };
        }
        if (stopped) {
          const pending = await this.pendingRuns.stopped(model, run, history, evaluation);
          kept = true;
          return { history, stopped, evaluation, saved: null, pending };
        }
        const record = await runRecord(model, trainingData, { train, test }, preprocessFor(settings));
        const info = await models.save(model, { ...metadata, ...record }, { mistakes: evaluation?.mistakes });
        this.context.current.replace({ model, info });
        await this.pendingRuns.discard();
        return { history, stopped, evaluation, saved: info };
      } finally {
        if (!kept && !this.context.current.holds(model)) model.dispose();
      }
    });
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
  }

  keepPending() {
    this.context.assertIdle('keep a model');
    return this.pendingRuns.keep();
  }

  discardPending(): Promise<void> {
    return this.pendingRuns.discard();
  }

  pending(): Promise<PendingRun | null> {
    return this.pendingRuns.pending();
  }

  /** Round-robin over the classes, so a grid of N shows each class about N / classes times. */
  async previewAugmentation(settings: AugmentationSettings, count: number, seed: number): Promise<PixelImage[]> {
    const { trainingData } = this.context.workspace;
    const train = await trainingData.split('train', await trainingData.classNames(), preprocessFor(settings));
    const byClass = rowsByClass(train);
    const rows = Int32Array.from({ length: count }, (_, i) => {
      const of = byClass[i % byClass.length]!;
      return of[Math.floor(i / byClass.length) % of.length]!;
    });
    const job = { train, settings: { ...settings, seed, epochs: 1, batchSize: count } };
    const augment = batchAugmenter({ ...job, redraw: redrawFor(train, { ...TUTORIAL_SETTINGS, ...settings }) });
    const images = augment ? augment(rows) : selectRows(train, [...rows]).images;
    const pixels = train.size[0] * train.size[1] * 3;
    const previews = Array.from(rows, (_, i) =>
      modelInputAsPixels(images.subarray(i * pixels, (i + 1) * pixels), train.size, `preview-${i}`),
    );
    return transfer(
      previews,
      previews.map((p) => p.rgba),
    );
  }
}
