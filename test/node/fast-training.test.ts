// FastCnn end to end against tfjs-layers (fast-compare.ts): 2 epochs of the tutorial's shapes (24x24x3,
// batch 3; 15 images, not 45: each tfjs cpu step takes seconds in Node) and a non-default shape, on
// one thread and on two; and its memory over many steps.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/data/random';
import { FastCnn } from '../../src/engine/fast/fast-cnn';
import { readFastKernelsWasm } from '../../src/engine/node/fast-wasm-file';
import { compareWithTfjs } from './fast-compare';

describe('FastCnn training matches tfjs-layers', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('tutorial shapes: 24x24x3, 3 classes, 2 epochs of 5 batches of 3', async () => {
    await compareWithTfjs({ size: 24, classes: 3, images: 15, batch: 3, epochs: 2, seed: 42 });
  }, 300_000);

  it('odd input size, 5 classes, batch 4 with a smaller last batch', async () => {
    await compareWithTfjs({ size: 15, classes: 5, images: 14, batch: 4, epochs: 2, seed: 3 });
  }, 300_000);

  it('odd input size, 5 classes, batch 4, on 2 threads', async () => {
    await compareWithTfjs({ size: 15, classes: 5, images: 14, batch: 4, epochs: 2, seed: 3, threads: 2 });
  }, 300_000);

  it('keeps wasm memory constant over many steps, odd batch sizes and chunked prediction', async () => {
    const classes = 5,
      size = 17,
      n = 50;
    const rand = createRng(7).next;
    const shapes = [[3, 3, 3, 32], [32], [3, 3, 32, 64], [64], [6 * 6 * 64, 128], [128], [128, classes], [classes]];
    const weights = shapes.map((s) =>
      Float32Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => (rand() - 0.5) * 0.2),
    );
    const cnn = await FastCnn.create({
      wasm: readFastKernelsWasm(),
      inputShape: [size, size, 3],
      classes,
      learningRate: 0.001,
      weights,
      maxBatch: 8,
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
    for (let i = 0; i < n; i++)
      expect(probs.subarray(i * classes, (i + 1) * classes).reduce((a, b) => a + b)).toBeCloseTo(1, 5);
    expect(cnn.memoryBytes).toBe(bytes);
    expect(() => cnn.trainBatch(new Int32Array(9))).toThrow(/batch of 9/);
    cnn.dispose();
    expect(() => cnn.getWeights()).toThrow(/dispose/);
  });
});
