// FastCnn end to end against the same model trained by tfjs-layers (cpu backend, tfjs Adam):
// 2 epochs of the tutorial run (45 seeded random 24x24x3 images, batch 3, fixed batch order).
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { FastCnn } from '../../src/worker/fast/fast-cnn';
import { readFastKernelsWasm } from '../../src/worker/node/fast-wasm-file';

const SIZE = 24, CLASSES = 3, IMAGES = 45, BATCH = 3, EPOCHS = 2;
/** Agreed tolerances (observed errors are well below; see the assertions' messages). */
const LOSS_TOL = 1e-4, WEIGHT_TOL = 1e-4, PROB_TOL = 1e-4;

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildModel(classes: number): tfl.Sequential {
  const init = (seed: number) => tfl.initializers.glorotUniform({ seed });
  const model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [SIZE, SIZE, 3], filters: 32, kernelSize: 3, activation: 'relu', kernelInitializer: init(1) }),
      tfl.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu', kernelInitializer: init(2) }),
      tfl.layers.maxPooling2d({ poolSize: 2 }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: 128, activation: 'relu', kernelInitializer: init(3) }),
      tfl.layers.dense({ units: classes, activation: 'softmax', kernelInitializer: init(4) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let err = 0;
  for (let i = 0; i < a.length; i++) err = Math.max(err, Math.abs(a[i]! - b[i]!));
  return err;
}

describe('FastCnn training matches tfjs-layers', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it(`trains ${EPOCHS} epochs of ${IMAGES / BATCH} batches with the same losses and weights`, async () => {
    const rand = mulberry32(42);
    const x = Float32Array.from({ length: IMAGES * SIZE * SIZE * 3 }, () => Math.floor(rand() * 256) / 255);
    const labels = Int32Array.from({ length: IMAGES }, () => Math.floor(rand() * CLASSES));
    const model = buildModel(CLASSES);
    const cnn = await FastCnn.create({
      wasm: readFastKernelsWasm(), inputShape: [SIZE, SIZE, 3], classes: CLASSES, learningRate: 0.001,
      weights: model.getWeights().map((w) => w.dataSync() as Float32Array),
    });
    cnn.setTrainingData(x, labels);
    const memoryBefore = cnn.memoryBytes;
    const xs = tf.tensor4d(x, [IMAGES, SIZE, SIZE, 3]);
    const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES);
    let lossErr = 0;
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      const order = Int32Array.from({ length: IMAGES }, (_, i) => i);
      for (let i = IMAGES - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (let start = 0; start < IMAGES; start += BATCH) {
        const indices = order.slice(start, start + BATCH);
        const fast = cnn.trainBatch(indices);
        const idx = tf.tensor1d(indices, 'int32');
        const [loss, acc] = (await model.trainOnBatch(tf.gather(xs, idx), tf.gather(ys, idx))) as number[];
        idx.dispose();
        lossErr = Math.max(lossErr, Math.abs(fast.loss - loss!));
        expect(fast.correct).toBe(Math.round(acc! * BATCH));
      }
    }
    expect(lossErr, `max per-step loss error ${lossErr}`).toBeLessThanOrEqual(LOSS_TOL);
    const ref = model.getWeights().map((w) => w.dataSync());
    const weightErr = Math.max(...cnn.getWeights().map((w, i) => maxAbsDiff(w, ref[i]!)));
    expect(weightErr, `max weight error ${weightErr}`).toBeLessThanOrEqual(WEIGHT_TOL);

    const evaluated = cnn.evaluate(x.subarray(0, 15 * SIZE * SIZE * 3), labels.subarray(0, 15));
    const refProbs = (model.predict(tf.slice(xs, 0, 15)) as tf.Tensor).dataSync();
    const probErr = maxAbsDiff(evaluated.probabilities, refProbs);
    expect(probErr, `max probability error ${probErr}`).toBeLessThanOrEqual(PROB_TOL);
    const refLoss = (model.evaluate(tf.slice(xs, 0, 15), tf.slice(ys, 0, 15)) as tf.Scalar[])[0]!.dataSync()[0]!;
    expect(Math.abs(evaluated.loss - refLoss)).toBeLessThanOrEqual(LOSS_TOL);
    expect(cnn.memoryBytes).toBe(memoryBefore);
    console.info(`FastCnn vs tfjs: loss ${lossErr.toExponential(2)}, weights ${weightErr.toExponential(2)}, probabilities ${probErr.toExponential(2)}`);
    cnn.dispose();
  }, 600_000);

  it('keeps wasm memory constant over many steps, odd batch sizes and chunked prediction', async () => {
    const classes = 5, size = 17, n = 50;
    const rand = mulberry32(7);
    const shapes = [[3, 3, 3, 32], [32], [3, 3, 32, 64], [64], [6 * 6 * 64, 128], [128], [128, classes], [classes]];
    const weights = shapes.map((s) => Float32Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => (rand() - 0.5) * 0.2));
    const cnn = await FastCnn.create({
      wasm: readFastKernelsWasm(), inputShape: [size, size, 3], classes, learningRate: 0.001, weights, maxBatch: 8,
    });
    const x = Float32Array.from({ length: n * size * size * 3 }, rand);
    const labels = Int32Array.from({ length: n }, () => Math.floor(rand() * classes));
    cnn.setTrainingData(x, labels);
    const bytes = cnn.memoryBytes;
    for (let step = 0; step < 200; step++) {
      const batch = Int32Array.from({ length: 1 + (step % 8) }, () => Math.floor(rand() * n));
      expect(Number.isFinite(cnn.trainBatch(batch).loss)).toBe(true);
    }
    const probs = cnn.predict(x, n);
    expect(probs.length).toBe(n * classes);
    for (let i = 0; i < n; i++) expect(probs.subarray(i * classes, (i + 1) * classes).reduce((a, b) => a + b)).toBeCloseTo(1, 5);
    expect(cnn.memoryBytes).toBe(bytes);
    expect(() => cnn.trainBatch(new Int32Array(9))).toThrow(/batch of 9/);
    cnn.dispose();
    expect(() => cnn.getWeights()).toThrow(/dispose/);
  });
});
