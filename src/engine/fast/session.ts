import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Dataset } from '../data/dataset';
import type { EpochMetrics, TrainingSession } from '../train/session';
import { FastCnn } from './fast-cnn';
import type { WasmSource } from './kernels';
import type { ThreadedKernels } from './setup';

/**
 * A training session on the WebAssembly SIMD kernels: starts from the tfjs model's weights and
 * copies the trained ones back at the end, so saving, evaluating and predicting stay tfjs's.
 * Every step runs synchronously on this thread's CPU, with helper threads computing their share
 * of it when there are several: there is no device to wait for or read back.
 */
export class FastSession implements TrainingSession {
  readonly trainSize: number;
  private lossSum = 0;
  private correctSum = 0;

  private constructor(
    private readonly model: tfl.LayersModel,
    private readonly cnn: FastCnn,
    private readonly labels: Int32Array,
    private readonly validation?: Dataset,
  ) {
    this.trainSize = labels.length;
  }

  static async create(
    model: tfl.LayersModel,
    train: Dataset,
    validation: Dataset | undefined,
    options: { wasm: WasmSource; learningRate: number; threads?: number; threaded?: ThreadedKernels },
  ): Promise<FastSession> {
    const cnn = await FastCnn.create({
      ...options,
      inputShape: [train.size[0], train.size[1], 3],
      classes: train.classNames.length,
      weights: model.getWeights().map((w) => w.dataSync() as Float32Array),
    });
    try {
      cnn.setTrainingData(train.images, train.labels);
    } catch (error) {
      cnn.dispose();
      throw error;
    }
    return new FastSession(model, cnn, train.labels, validation?.labels.length ? validation : undefined);
  }

  /** Threads computing each step. */
  get threads(): number {
    return this.cnn.threads;
  }

  step(rows: Int32Array, images?: Float32Array): void {
    const result = images
      ? this.cnn.trainOnImages(
          images,
          rows.map((r) => this.labels[r]!),
        )
      : this.cnn.trainBatch(rows);
    this.lossSum += result.loss * rows.length;
    this.correctSum += result.correct;
  }

  async settle(): Promise<void> {}

  async endEpoch(): Promise<EpochMetrics> {
    const metrics: EpochMetrics = { loss: this.lossSum / this.trainSize, acc: this.correctSum / this.trainSize };
    if (this.validation) {
      const { loss, correct } = this.cnn.evaluate(this.validation.images, this.validation.labels);
      metrics.valLoss = loss;
      metrics.valAcc = correct / this.validation.labels.length;
    }
    this.lossSum = 0;
    this.correctSum = 0;
    return metrics;
  }

  async finish(): Promise<void> {
    const shapes = this.model.getWeights().map((w) => w.shape);
    const trained = this.cnn.getWeights().map((values, i) => tf.tensor(values, shapes[i]));
    this.model.setWeights(trained);
    tf.dispose(trained);
  }

  dispose(): void {
    this.cnn.dispose();
  }
}
