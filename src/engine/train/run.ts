import type * as tfl from '@tensorflow/tfjs-layers';
import type { BatchProgress, EpochLog, Evaluation, TrainSettings } from '../../shared/api';
import { augmentBatch, isIdentity } from '../data/augment';
import type { Dataset } from '../data/dataset';
import { createRng } from '../data/random';
import { redrawBatch, type GreyImage, type RedrawOptions } from '../data/redraw';
import { strokeWidthBatch, type StrokeWidthOptions } from '../data/stroke-width';
import { evaluate } from './evaluate';
import { fit } from './fit';
import { TfjsSession, type TrainingSession } from './session';

export interface TrainRequest {
  train: Dataset;
  /** Validated every epoch and evaluated at the end, like the tutorial's test generator. */
  test?: Dataset;
  settings: Pick<TrainSettings, 'epochs' | 'batchSize' | 'seed' | 'augment'>;
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
  /** Builds the device session; defaults to the current tfjs backend. */
  session?: (model: tfl.LayersModel, train: Dataset, test?: Dataset) => Promise<TrainingSession> | TrainingSession;
}

export interface TrainOutcome {
  history: EpochLog[];
  stopped: boolean;
  evaluation?: Evaluation;
}

/** Augmentation draws from its own stream, so turning it on leaves the shuffle order unchanged. */
const AUGMENT_STREAM = 0x5eed;

function augmenter({ train, settings, strokeWidth, redraw }: TrainRequest) {
  const rng = createRng(settings.seed ^ AUGMENT_STREAM);
  if (redraw) return (rows: Int32Array) => redrawBatch(redraw.sources, rows, train.size, redraw.options, rng);
  const options = settings.augment && !isIdentity(settings.augment) ? settings.augment : undefined;
  if (!strokeWidth) return options && ((rows: Int32Array) => augmentBatch(train.images, rows, train.size, options, rng));
  return (rows: Int32Array) => {
    const batch = strokeWidthBatch(train.images, rows, train.size, strokeWidth, rng);
    return options ? augmentBatch(batch, rows.map((_, i) => i), train.size, options, rng) : batch;
  };
}

/** The tutorial's fit with validation, then evaluate, on a compiled model the caller owns. */
export async function trainModel(model: tfl.LayersModel, request: TrainRequest): Promise<TrainOutcome> {
  const { train, test, settings } = request;
  let session: TrainingSession | undefined;
  try {
    session = await (request.session ?? ((m, a, b) => new TfjsSession(m, a, b)))(model, train, test);
    const { history, stopped } = await fit(session, {
      epochs: settings.epochs,
      batchSize: settings.batchSize,
      seed: settings.seed,
      onBatch: request.onBatch,
      onEpoch: request.onEpoch,
      shouldStop: request.shouldStop,
      augment: augmenter(request),
    });
    await session.finish();
    const evaluation = test && test.labels.length > 0 ? await evaluate(model, test) : undefined;
    return { history, stopped, evaluation };
  } finally {
    session?.dispose();
  }
}
