import type * as tfl from '@tensorflow/tfjs-layers';
import type { BatchProgress, EpochLog, Preprocess, TrainSettings } from '../../shared/api';
import { augmentBatch, isIdentity } from '../data/augment';
import type { Dataset } from '../data/dataset';
import { createRng } from '../data/random';
import { type GreyImage, type RedrawOptions, redrawBatch } from '../data/redraw';
import { type StrokeWidthOptions, strokeWidthBatch } from '../data/stroke-width';
import { evaluate, type Scored } from './evaluate';
import { type Divergence, fit } from './fit';
import { augmentSeed, redrawAhead } from './redraw-ahead';
import { TfjsSession, type TrainingSession } from './session';

export interface TrainingJob {
  train: Dataset;
  /** Validated every epoch and evaluated at the end, like the tutorial's test generator. */
  test?: Dataset;
  settings: Pick<TrainSettings, 'epochs' | 'batchSize' | 'seed' | 'augment'>;
  /** How the final evaluation predicts (the model's recorded preprocessing; its inputs are already `test`'s). */
  preprocess?: Pick<Preprocess, 'averageTurns'>;
  /** Random stroke widths per training image, applied before the affine augmentation. */
  strokeWidth?: StrokeWidthOptions;
  /**
   * Redraws every training image from its stored drawing (`sources[i]` is `train`'s image i) each
   * time it is used; replaces `settings.augment` and `strokeWidth`.
   */
  redraw?: { sources: readonly GreyImage[]; options: RedrawOptions };
  onBatch?: (progress: BatchProgress) => void;
  onEpoch?: (log: EpochLog) => void;
  shouldStop?: () => boolean;
  /** After each epoch: `weights` reads the weights as they are now (tfjs order), for a checkpoint. */
  checkpoint?: (log: EpochLog, weights: () => Promise<Float32Array[]>) => Promise<void>;
  /** Builds the device session; defaults to the current tfjs backend. */
  session?: (model: tfl.LayersModel, train: Dataset, test?: Dataset) => Promise<TrainingSession> | TrainingSession;
}

export interface TrainingOutcome {
  history: EpochLog[];
  stopped: boolean;
  /** The test split's, when there is one (not after a divergence: there is nothing worth scoring). */
  evaluation?: Scored;
  diverged?: Divergence;
}

/** What each training batch goes through, or undefined for none; the preview grid shows the same. */
export function batchAugmenter({
  train,
  settings,
  strokeWidth,
  redraw,
}: Pick<TrainingJob, 'train' | 'settings' | 'strokeWidth' | 'redraw'>) {
  const rng = createRng(augmentSeed(settings.seed));
  if (redraw) return (rows: Int32Array) => redrawBatch(redraw.sources, rows, train.size, redraw.options, rng);
  const options = settings.augment && !isIdentity(settings.augment) ? settings.augment : undefined;
  if (!strokeWidth)
    return options && ((rows: Int32Array) => augmentBatch(train.images, rows, train.size, options, rng));
  return (rows: Int32Array) => {
    const batch = strokeWidthBatch(train.images, rows, train.size, strokeWidth, rng);
    return options
      ? augmentBatch(
          batch,
          rows.map((_, i) => i),
          train.size,
          options,
          rng,
        )
      : batch;
  };
}

/** The session's weights copied out: a path that trains elsewhere first copies them into the model. */
async function weightsNow(model: tfl.LayersModel, session: TrainingSession): Promise<Float32Array[]> {
  await session.finish();
  return model.getWeights().map((w) => (w.dataSync() as Float32Array).slice());
}

/** The tutorial's fit with validation, then evaluate, on a compiled model the caller owns. */
export async function trainModel(model: tfl.LayersModel, request: TrainingJob): Promise<TrainingOutcome> {
  const { train, test, settings, redraw } = request;
  let session: TrainingSession | undefined;
  // Where a worker can redraw ahead of training (the app's worker, Node), it does; elsewhere, in line.
  const ahead = redraw && redrawAhead(redraw.sources, train.size, redraw.options, settings.seed);
  try {
    session = await (request.session ?? ((m, a, b) => new TfjsSession(m, a, b)))(model, train, test);
    const { history, stopped, diverged } = await fit(session, {
      epochs: settings.epochs,
      batchSize: settings.batchSize,
      seed: settings.seed,
      onBatch: request.onBatch,
      onEpoch: request.onEpoch,
      shouldStop: request.shouldStop,
      afterEpoch: request.checkpoint && ((log) => request.checkpoint!(log, () => weightsNow(model, session!))),
      augment: ahead ? undefined : batchAugmenter(request),
      ahead,
      classes: train.classNames.length,
    });
    if (diverged) return { history, stopped, diverged };
    await session.finish();
    const evaluation = test && test.labels.length > 0 ? await evaluate(model, test, request.preprocess) : undefined;
    return { history, stopped, evaluation };
  } finally {
    ahead?.dispose();
    session?.dispose();
  }
}
