import type { BackendName, EvaluationReport, PendingRun, TrainSettings } from '../../shared/api';
import { readSetting, type AppDb } from './db';

/** A run's state at its last completed epoch: enough to rebuild its model. */
export interface Checkpoint {
  reason: PendingRun['reason'];
  settings: TrainSettings;
  backend: BackendName;
  classNames: string[];
  inputSize: [number, number];
  history: PendingRun['history'];
  date: string;
  /** tfjs order, as `model.getWeights()`. */
  weights: Float32Array[];
  evaluation?: EvaluationReport;
}

/**
 * The one run that did not finish, kept in the app's database until it is kept as a model or
 * discarded: a page closed during training leaves the model of its last checkpoint, whole.
 */
export class CheckpointStore {
  constructor(private readonly db: AppDb) {}

  async load(): Promise<Checkpoint | undefined> {
    return readSetting(this.db, 'checkpoint');
  }

  async save(checkpoint: Checkpoint): Promise<void> {
    await this.db.put('settings', checkpoint, 'checkpoint');
  }

  async clear(): Promise<void> {
    await this.db.delete('settings', 'checkpoint');
  }
}

/** What the app shows of a checkpoint. */
export function pendingRun({ reason, history, settings, date, evaluation }: Checkpoint): PendingRun {
  const run: PendingRun = { reason, epoch: history.length, epochs: settings.epochs, date, history };
  if (evaluation) {
    const { mistakes: _, ...figures } = evaluation;
    run.evaluation = figures;
  }
  return run;
}
