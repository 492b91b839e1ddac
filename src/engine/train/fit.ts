import type { BatchProgress, EpochLog } from '../../shared/api';
import { createRng } from '../data/random';
import type { BatchesAhead } from './redraw-ahead';
import type { TrainingSession } from './session';

export interface FitOptions {
  epochs: number;
  batchSize: number;
  /** Seeds the per-epoch shuffle, like Keras's `flow_from_directory(seed=…)`. */
  seed: number;
  onBatch?: (progress: BatchProgress) => void;
  onEpoch?: (log: EpochLog) => void;
  /** Checked after every batch: training stops within one batch of it turning true. */
  shouldStop?: () => boolean;
  /** Awaited after each epoch's log (e.g. to keep a checkpoint) before the next epoch begins. */
  afterEpoch?: (log: EpochLog) => Promise<void>;
  /** Returns augmented pixels for a batch's rows; called once per batch, in order. */
  augment?: (rows: Int32Array) => Float32Array;
  /** Instead of `augment`: told each epoch's batches at its start, gives their pixels in order, working ahead. */
  ahead?: Pick<BatchesAhead, 'epoch' | 'next'>;
  /** The number of classes, which sets how high a loss means training has diverged. */
  classes: number;
}

/** Training that broke down: its loss is not a number, or far worse than guessing. */
export interface Divergence {
  epoch: number;
  loss: number;
}

export interface FitResult {
  history: EpochLog[];
  stopped: boolean;
  /** Set when training stopped because it diverged; the epoch's log is not in `history`. */
  diverged?: Divergence;
}

/**
 * Guessing uniformly costs ln(classes) per image; a healthy run starts there and goes down. An
 * epoch three times worse than guessing (or NaN, or infinite) means the weights blew up, usually
 * from a learning rate far too large: every image is then called one class with certainty.
 */
export const divergedAt = (loss: number, classes: number): boolean =>
  !Number.isFinite(loss) || loss > 3 * Math.log(classes);

/** Yields to the event loop without timer clamping, so a stop request arriving by message is seen. */
export const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

/** Keras's `fit(…, shuffle=True, validation_data=…)` over a session, with one readback per epoch. */
export async function fit(session: TrainingSession, options: FitOptions): Promise<FitResult> {
  const { epochs, batchSize } = options;
  if (!Number.isInteger(epochs) || epochs < 1) throw new RangeError(`epochs must be an integer ≥ 1, got ${epochs}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be an integer ≥ 1, got ${batchSize}`);
  }
  const rng = createRng(options.seed);
  const order = Array.from({ length: session.trainSize }, (_, i) => i);
  const batches = Math.ceil(order.length / batchSize);
  const history: EpochLog[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const started = performance.now();
    rng.shuffle(order);
    const epochRows = Array.from({ length: batches }, (_, b) =>
      Int32Array.from(order.slice(b * batchSize, (b + 1) * batchSize)),
    );
    options.ahead?.epoch(epochRows);
    for (let batch = 0; batch < batches; batch++) {
      const rows = epochRows[batch]!;
      session.step(rows, options.ahead ? await options.ahead.next() : options.augment?.(rows));
      await session.settle();
      options.onBatch?.({ epoch, epochs, batch: batch + 1, batches });
      await yieldToEventLoop();
      if (options.shouldStop?.()) return { history, stopped: true };
    }
    const metrics = await session.endEpoch();
    if (divergedAt(metrics.loss, options.classes))
      return { history, stopped: true, diverged: { epoch, loss: metrics.loss } };
    const log: EpochLog = { epoch, epochs, ...metrics, seconds: (performance.now() - started) / 1000 };
    history.push(log);
    options.onEpoch?.(log);
    await options.afterEpoch?.(log);
  }
  return { history, stopped: false };
}
