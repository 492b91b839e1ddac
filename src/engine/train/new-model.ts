import type * as tfl from '@tensorflow/tfjs-layers';
import type {
  BackendName,
  BatchProgress,
  EpochLog,
  ModelMetadata,
  ModelSummary,
  TrainSettings,
} from '../../shared/api';
import { createSession } from '../backend/sessions';
import type { Dataset } from '../data/dataset';
import { DataError } from '../data/errors';
import { buildMetadata } from '../model/metadata';
import { createModel, summarize } from '../model/model';
import { preprocessFor } from '../data/preprocess';
import { type TrainingJob, trainModel, type TrainingOutcome } from './run';

export interface NewModelJob {
  train: Dataset;
  test?: Dataset;
  settings: TrainSettings;
  /** The path to train on, already started (the worker's backend selection, or the CLI's flag). */
  backend: BackendName;
  /** Hears the new model's architecture before its first step (the CLI prints it like Keras). */
  onStart?: (summary: ModelSummary) => void;
  onBatch?: (progress: BatchProgress) => void;
  onEpoch?: (log: EpochLog) => void;
  shouldStop?: () => boolean;
  checkpoint?: TrainingJob['checkpoint'];
}

export interface NewModel {
  /** The trained model; the caller owns it (and disposes it). */
  model: tfl.LayersModel;
  outcome: TrainingOutcome;
  metadata: ModelMetadata;
}

/** The tutorial's whole run on fresh weights, as the app and the CLI both do it. */
export async function trainNewModel(job: NewModelJob): Promise<NewModel> {
  const { train, test, settings, backend } = job;
  const model = createModel({
    inputSize: train.size,
    classes: train.classNames.length,
    seed: settings.seed,
    learningRate: settings.learningRate,
  });
  try {
    job.onStart?.(summarize(model));
    const outcome = await trainModel(model, {
      train,
      test,
      settings,
      onBatch: job.onBatch,
      onEpoch: job.onEpoch,
      shouldStop: job.shouldStop,
      checkpoint: job.checkpoint,
      redraw: redrawFor(train, settings),
      preprocess: preprocessFor(settings),
      session: (m, a, b) => createSession(backend, m, a, b, settings.learningRate, settings.threads),
    });
    if (outcome.diverged) throw divergenceError(outcome.diverged.epoch, outcome.diverged.loss, settings.learningRate);
    const { history, evaluation } = outcome;
    const metadata = buildMetadata({
      classNames: train.classNames,
      inputSize: train.size,
      backend,
      settings,
      history,
      evaluation,
    });
    return { model, outcome, metadata };
  } catch (error) {
    model.dispose();
    throw error;
  }
}

/** The redraw augmentation the settings ask for, over the training set's kept drawings. */
export function redrawFor(train: Dataset, settings: TrainSettings): TrainingJob['redraw'] {
  if (!settings.redraw || !settings.fitFrame) return undefined;
  if (!train.sources) throw new Error('redrawing needs each training drawing (Dataset.sources)');
  return { sources: train.sources, options: { ...settings.redraw, fit: settings.fitFrame } };
}

/** A diverged run is refused, never saved: the message names the epoch and suggests a tenth of the rate. */
function divergenceError(epoch: number, loss: number, rate: number): DataError {
  const shown = Number.isFinite(loss) ? loss.toFixed(2) : String(loss);
  return new DataError('', 'diverged', { epoch, loss: shown, rate, suggestion: Number((rate / 10).toPrecision(2)) });
}
