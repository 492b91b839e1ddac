// FastCnn end to end against the same model trained by tfjs-layers (cpu backend, tfjs Adam via
// model.trainOnBatch) on the same seeded random images and batch order, shared by the plain and
// relaxed SIMD tests. The largest weight differences (~1e-5, dense1 only) are Adam amplifying
// float32-vs-double rounding of gradients near epsilon.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';
import { createRng } from '../../src/engine/data/random';
import { FastCnn } from '../../src/engine/fast/fast-cnn';
import { loadThreadedKernels } from '../../src/engine/fast/kernel-source';
import type { ThreadedKernels } from '../../src/engine/fast/setup';
import { createModel } from '../../src/engine/model/model';
import { readFastKernelsWasm } from '../../src/engine/node/fast-wasm-file';

/** Agreed tolerances (observed errors are far below; the run logs them). */
const LOSS_TOL = 1e-4,
  WEIGHT_TOL = 1e-4,
  PROB_TOL = 1e-4;

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let err = 0;
  for (let i = 0; i < a.length; i++) err = Math.max(err, Math.abs(a[i]! - b[i]!));
  return err;
}

export interface Run {
  size: number;
  classes: number;
  images: number;
  batch: number;
  epochs: number;
  seed: number;
  threads?: number;
  /** The one-thread build (default: the best here) and the threaded kernels for threads > 1. */
  wasm?: Uint8Array;
  threaded?: ThreadedKernels;
}

/** Trains FastCnn and the tfjs model side by side on the same batches and compares them. */
export async function compareWithTfjs(run: Run): Promise<void> {
  const { size, classes, images, batch, epochs, seed, threads = 1 } = run;
  const rand = createRng(seed).next;
  const pixels = size * size * 3;
  const x = Float32Array.from({ length: images * pixels }, () => Math.floor(rand() * 256) / 255);
  const labels = Int32Array.from({ length: images }, () => Math.floor(rand() * classes));
  const model = createModel({ inputSize: [size, size], classes, seed: 1, learningRate: 0.001 });
  const cnn = await FastCnn.create({
    wasm: run.wasm ?? readFastKernelsWasm(),
    inputShape: [size, size, 3],
    classes,
    learningRate: 0.001,
    weights: model.getWeights().map((w) => w.dataSync() as Float32Array),
    threads,
    threaded: run.threaded ?? (await loadThreadedKernels()),
  });
  cnn.setTrainingData(x, labels);
  const memoryBefore = cnn.memoryBytes;
  const xs = tf.tensor4d(x, [images, size, size, 3]);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), classes);
  let lossErr = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = Int32Array.from({ length: images }, (_, i) => i);
    for (let i = images - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let start = 0; start < images; start += batch) {
      const indices = order.slice(start, start + batch);
      const fast = cnn.trainBatch(indices);
      const idx = tf.tensor1d(indices, 'int32');
      const [loss, acc] = (await model.trainOnBatch(tf.gather(xs, idx), tf.gather(ys, idx))) as number[];
      idx.dispose();
      lossErr = Math.max(lossErr, Math.abs(fast.loss - loss!));
      expect(fast.correct).toBe(Math.round(acc! * indices.length));
    }
  }
  expect(lossErr, `max per-step loss error ${lossErr}`).toBeLessThanOrEqual(LOSS_TOL);
  const ref = model.getWeights().map((w) => w.dataSync());
  const weightErr = Math.max(...cnn.getWeights().map((w, i) => maxAbsDiff(w, ref[i]!)));
  expect(weightErr, `max weight error ${weightErr}`).toBeLessThanOrEqual(WEIGHT_TOL);

  const n = Math.min(images, 15);
  const evaluated = cnn.evaluate(x.subarray(0, n * pixels), labels.subarray(0, n));
  const refProbs = (model.predict(tf.slice(xs, 0, n)) as tf.Tensor).dataSync();
  const probErr = maxAbsDiff(evaluated.probabilities, refProbs);
  expect(probErr, `max probability error ${probErr}`).toBeLessThanOrEqual(PROB_TOL);
  const refLoss = (model.evaluate(tf.slice(xs, 0, n), tf.slice(ys, 0, n)) as tf.Scalar[])[0]!.dataSync()[0]!;
  expect(Math.abs(evaluated.loss - refLoss)).toBeLessThanOrEqual(LOSS_TOL);
  expect(cnn.memoryBytes).toBe(memoryBefore);
  console.info(
    `FastCnn (${threads} thread${threads > 1 ? 's' : ''}) vs tfjs ${size}x${size}, ${classes} classes, batch ${batch}: max error loss ${lossErr.toExponential(2)}, ` +
      `weights ${weightErr.toExponential(2)}, probabilities ${probErr.toExponential(2)}`,
  );
  cnn.dispose();
  tf.dispose([xs, ys]);
  model.dispose();
}
