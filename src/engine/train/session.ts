import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Dataset } from '../data/dataset';

/** Sums over an epoch, read from the device once. */
export interface EpochMetrics {
  loss: number;
  acc: number;
  valLoss?: number;
  valAcc?: number;
}

/**
 * One training run's device state. `fit` drives it; the tfjs backends and the fast CPU path each
 * implement it, so the loop, logging and stopping are shared by every path.
 */
export interface TrainingSession {
  readonly trainSize: number;
  /**
   * Enqueues one optimizer step on these rows of the training set; reads nothing back. `images`,
   * when given, replaces the rows' pixels (an augmented batch, NHWC), the labels stay the rows'.
   */
  step(rows: Int32Array, images?: Float32Array): void;
  /** Resolves when the device has finished the enqueued steps, without copying data back. */
  settle(): Promise<void>;
  /** Validates, then reads the epoch's train and validation sums in one readback, and resets them. */
  endEpoch(): Promise<EpochMetrics>;
  /** Leaves the trained weights in the tfjs model (a path that trains elsewhere copies them back). */
  finish(): Promise<void>;
  dispose(): void;
}

const EVAL_CHUNK = 64;

/** A session on the current tfjs backend: the dataset stays resident on the device. */
export class TfjsSession implements TrainingSession {
  readonly trainSize: number;
  private readonly x: tf.Tensor4D;
  private readonly y: tf.Tensor2D;
  private readonly val?: { x: tf.Tensor4D; y: tf.Tensor2D };
  private readonly lossSum = tf.variable(tf.scalar(0), false);
  private readonly correctSum = tf.variable(tf.scalar(0), false);
  private readonly variables: tf.Variable[];

  constructor(
    private readonly model: tfl.LayersModel,
    train: Dataset,
    validation?: Dataset,
  ) {
    this.trainSize = train.labels.length;
    [this.x, this.y] = toTensors(train);
    if (validation && validation.labels.length > 0) {
      const [x, y] = toTensors(validation, train.classNames.length);
      this.val = { x, y };
    }
    this.variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  }

  step(rows: Int32Array, images?: Float32Array): void {
    const optimizer = model(this.model).optimizer;
    tf.tidy(() => {
      const index = tf.tensor1d(rows, 'int32');
      const [, h, w, c] = this.x.shape;
      const x = images ? tf.tensor4d(images, [rows.length, h, w, c]) : tf.gather(this.x, index);
      const y = tf.gather(this.y, index);
      let correct: tf.Scalar | undefined;
      const loss = optimizer.minimize(
        () => {
          const p = this.model.apply(x, { training: true }) as tf.Tensor2D;
          correct = tf.keep(countCorrect(y, p));
          return tf.mean(tfl.metrics.categoricalCrossentropy(y, p)) as tf.Scalar;
        },
        true,
        this.variables,
      )!;
      this.lossSum.assign(tf.add(this.lossSum, tf.mul(loss, rows.length)));
      this.correctSum.assign(tf.add(this.correctSum, correct!));
      correct!.dispose();
    });
  }

  async settle(): Promise<void> {
    await deviceIdle();
  }

  async endEpoch(): Promise<EpochMetrics> {
    const sums = tf.tidy(() => {
      const parts: tf.Scalar[] = [this.lossSum, this.correctSum];
      if (this.val) parts.push(...sumLossAndCorrect(this.model, this.val.x, this.val.y));
      return tf.stack(parts);
    });
    const [loss, correct, valLoss, valCorrect] = await sums.data();
    sums.dispose();
    tf.tidy(() => {
      this.lossSum.assign(tf.scalar(0));
      this.correctSum.assign(tf.scalar(0));
    });
    const metrics: EpochMetrics = { loss: loss! / this.trainSize, acc: correct! / this.trainSize };
    if (this.val) {
      const n = this.val.y.shape[0];
      metrics.valLoss = valLoss! / n;
      metrics.valAcc = valCorrect! / n;
    }
    return metrics;
  }

  async finish(): Promise<void> {}

  dispose(): void {
    tf.dispose([this.x, this.y, this.lossSum, this.correctSum]);
    if (this.val) tf.dispose([this.val.x, this.val.y]);
  }
}

const model = (m: tfl.LayersModel) => m as tfl.LayersModel & { optimizer: tf.Optimizer };

function toTensors(data: Dataset, classes = data.classNames.length): [tf.Tensor4D, tf.Tensor2D] {
  const [h, w] = data.size;
  return tf.tidy(() => [
    tf.tensor4d(data.images, [data.labels.length, h, w, 3]),
    tf.cast(tf.oneHot(tf.tensor1d(data.labels, 'int32'), classes), 'float32') as tf.Tensor2D,
  ]);
}

function countCorrect(y: tf.Tensor2D, p: tf.Tensor2D): tf.Scalar {
  return tf.sum(tf.cast(tf.equal(tf.argMax(y, -1), tf.argMax(p, -1)), 'float32'));
}

/** Forward pass in chunks; returns [sum of losses, number correct] as device scalars. */
export function sumLossAndCorrect(m: tfl.LayersModel, x: tf.Tensor4D, y: tf.Tensor2D): [tf.Scalar, tf.Scalar] {
  let loss = tf.scalar(0);
  let correct = tf.scalar(0);
  for (let start = 0; start < x.shape[0]; start += EVAL_CHUNK) {
    const size = Math.min(EVAL_CHUNK, x.shape[0] - start);
    const xs = tf.slice(x, start, size);
    const ys = tf.slice(y, start, size);
    const p = m.predict(xs) as tf.Tensor2D;
    loss = tf.add(loss, tf.sum(tfl.metrics.categoricalCrossentropy(ys, p)));
    correct = tf.add(correct, countCorrect(ys, p));
  }
  return [loss, correct];
}

/** How often a wait on the GPU checks that the GPU is still there. */
const LOSS_POLL_MS = 100;

/**
 * Resolves with `work`, or rejects once `lost()` turns true: the work of a lost GPU never
 * finishes (a WebGL fence is never passed), and a wait on it would hang training for good.
 */
function unlessLost(work: Promise<void>, lost: () => boolean, what: string): Promise<void> {
  let timer: ReturnType<typeof setInterval> | undefined;
  const watch = new Promise<never>((_, reject) => {
    timer = setInterval(() => lost() && reject(new Error(`${what} was lost`)), LOSS_POLL_MS);
  });
  return Promise.race([work, watch]).finally(() => clearInterval(timer));
}

/** Waits for queued GPU work through a fence or queue signal: no tensor data is copied back. */
async function deviceIdle(): Promise<void> {
  const backend = tf.backend() as unknown as {
    getGPGPUContext?: () => { gl: WebGL2RenderingContext; createAndWaitForFence(): Promise<void> };
    // tfjs-backend-webgpu keeps a compute pass open across dispatches: it must be ended, then
    // the command encoder submitted, exactly as the backend does before its own reads.
    endComputePassEncoder?: () => void;
    commandEncoder?: unknown;
    submitQueue?: () => void;
    device?: { queue: { onSubmittedWorkDone(): Promise<void> }; lost: Promise<unknown> };
  };
  if (backend.getGPGPUContext) {
    const context = backend.getGPGPUContext();
    await unlessLost(context.createAndWaitForFence(), () => context.gl.isContextLost(), 'the WebGL context');
  } else if (backend.device && backend.endComputePassEncoder && backend.submitQueue) {
    backend.endComputePassEncoder();
    if (backend.commandEncoder) backend.submitQueue();
    let lost = false;
    void backend.device.lost.then(() => (lost = true));
    await unlessLost(backend.device.queue.onSubmittedWorkDone(), () => lost, 'the WebGPU device');
  }
}
