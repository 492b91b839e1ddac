import { preprocessFor } from '../../engine/data/preprocess';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { DataError } from '../../engine/data/errors';
import { buildMetadata } from '../../engine/model/metadata';
import { createModel } from '../../engine/model/model';
import { evaluate } from '../../engine/train/evaluate';
import type { TrainingJob } from '../../engine/train/run';
import type { EvaluationReport, ModelList, PendingRun, SavedModelInfo } from '../../shared/api';
import { type Checkpoint, pendingRun } from '../stores/checkpoint-store';
import { evaluationReport } from '../stores/training-data';
import type { WorkerContext } from './context';

/** A checkpoint costs a copy of the weights (3.4 MB): often enough to lose little, rarely enough to cost nothing. */
const CHECKPOINT_SECONDS = 15;

/** What a run's checkpoints share; the history, weights and date are each checkpoint's own. */
export type RunDescription = Pick<Checkpoint, 'settings' | 'backend' | 'classNames' | 'inputSize'>;

/**
 * The run that did not finish. While a run trains, its weights are kept every few seconds, so a
 * closed page or a stopped worker leaves a whole model, never half of one; a run the person stops
 * waits too. Either becomes a saved model only when the person keeps it.
 */
export class PendingRuns {
  /** A stopped run's model, still in memory: keeping it needs no rebuild. */
  private held?: tfl.LayersModel;

  constructor(private readonly context: WorkerContext) {}

  async pending(): Promise<PendingRun | null> {
    const checkpoint = await this.context.workspace.checkpoints.load();
    return checkpoint ? pendingRun(checkpoint) : null;
  }

  /** The checkpoint hook for a run that starts now (it replaces any run still pending). */
  async checkpointer(run: RunDescription): Promise<NonNullable<TrainingJob['checkpoint']>> {
    await this.discard();
    let last = performance.now();
    const history: Checkpoint['history'] = [];
    return async (log, weights) => {
      history.push(log);
      if (log.epoch === log.epochs || performance.now() - last < CHECKPOINT_SECONDS * 1000) return;
      await this.store(run, 'interrupted', [...history], await weights());
      last = performance.now();
    };
  }

  /** A stopped run's model waits, in memory and stored, for the person to keep or discard it. */
  async stopped(
    model: tfl.LayersModel,
    run: RunDescription,
    history: Checkpoint['history'],
    evaluation?: EvaluationReport,
  ): Promise<PendingRun> {
    const weights = model.getWeights().map((w) => (w.dataSync() as Float32Array).slice());
    const checkpoint = await this.store(run, 'stopped', history, weights, evaluation);
    this.held = model;
    return pendingRun(checkpoint);
  }

  /** Saves the pending run's model as the model in use, scored on the test split as it is now. */
  async keep(): Promise<{ saved: SavedModelInfo; evaluation?: EvaluationReport; models: ModelList }> {
    const { checkpoints, models, trainingData } = this.context.workspace;
    const checkpoint = await checkpoints.load();
    if (!checkpoint) throw new DataError('', 'nothingPending');
    const model = this.held ?? rebuild(checkpoint);
    this.held = undefined;
    try {
      const { classNames, inputSize, backend, settings, history } = checkpoint;
      const preprocess = preprocessFor(settings);
      const test = await trainingData.split('test', classNames, preprocess).catch(() => undefined);
      const evaluation =
        checkpoint.evaluation ??
        (test?.labels.length ? evaluationReport(await evaluate(model, test, preprocess)) : undefined);
      const metadata = buildMetadata({ classNames, inputSize, backend, settings, history, evaluation });
      const saved = await models.save(model, metadata, { mistakes: evaluation?.mistakes });
      this.context.current.replace({ model, info: saved });
      await checkpoints.clear();
      return { saved, evaluation, models: await models.list() };
    } finally {
      if (!this.context.current.holds(model)) model.dispose();
    }
  }

  async discard(): Promise<void> {
    this.held?.dispose();
    this.held = undefined;
    await this.context.workspace.checkpoints.clear();
  }

  private async store(
    run: RunDescription,
    reason: Checkpoint['reason'],
    history: Checkpoint['history'],
    weights: Float32Array[],
    evaluation?: EvaluationReport,
  ): Promise<Checkpoint> {
    const checkpoint: Checkpoint = { ...run, reason, history, weights, date: new Date().toISOString() };
    if (evaluation) checkpoint.evaluation = evaluation;
    await this.context.workspace.checkpoints.save(checkpoint);
    return checkpoint;
  }
}

/** The model of a checkpoint, from its weights. */
function rebuild({ inputSize, classNames, settings, weights }: Checkpoint): tfl.LayersModel {
  const model = createModel({
    inputSize,
    classes: classNames.length,
    seed: settings.seed,
    learningRate: settings.learningRate,
  });
  const tensors = model.getWeights().map((w, i) => tf.tensor(weights[i]!, w.shape));
  model.setWeights(tensors);
  tf.dispose(tensors);
  return model;
}
