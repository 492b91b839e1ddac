// The relaxed-SIMD builds (every multiply-add a f32x4.relaxed_madd, fused where the CPU has FMA)
// within the same tolerances of tfjs as the plain ones, and bit-identical across thread counts.
// The kernel tests (fast-kernels*.test.ts) run every kernel on both builds.
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/data/random';
import { FastCnn } from '../../src/engine/fast/fast-cnn';
import { loadThreadedKernels } from '../../src/engine/fast/kernel-source';
import { cnnDims, tfjsWeightShapes } from '../../src/engine/fast/layout';
import type { ThreadedKernels } from '../../src/engine/fast/setup';
import { readFastKernelsWasm } from '../../src/engine/node/fast-wasm-file';
import { compareWithTfjs } from './fast-compare';
import { enableRelaxedSimd } from './fast-harness';

let threaded: ThreadedKernels;
const wasm = () => readFastKernelsWasm('relaxed');

beforeAll(async () => {
  enableRelaxedSimd();
  const { spawn } = (await loadThreadedKernels())!;
  threaded = { module: await WebAssembly.compile(readFastKernelsWasm('relaxed-threads')), spawn };
});

describe('the relaxed-SIMD builds', () => {
  // 15 images, not the tutorial's 45: each tfjs cpu step at 24x24 takes seconds in Node.
  it('tutorial shapes: 24x24x3, 3 classes, 2 epochs of 5 batches of 3, within the tolerances of tfjs', async () => {
    await compareWithTfjs({ size: 24, classes: 3, images: 15, batch: 3, epochs: 2, seed: 42, wasm: wasm() });
  }, 900_000);

  it('odd input size, 5 classes, batch 4, on 2 threads, within the tolerances of tfjs', async () => {
    const run = { size: 15, classes: 5, images: 14, batch: 4, epochs: 2, seed: 3, threads: 2 };
    await compareWithTfjs({ ...run, wasm: wasm(), threaded });
  }, 300_000);

  it('computes the same floats on 1, 2 and 3 threads', async () => {
    const rng = createRng(12);
    const dims = cnnDims([24, 24, 3], 3);
    const weights = tfjsWeightShapes(dims).map((s) =>
      Float32Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => (rng.next() - 0.5) * 0.1),
    );
    const x = Float32Array.from({ length: 20 * 24 * 24 * 3 }, () => rng.next());
    const labels = Int32Array.from({ length: 20 }, () => rng.int(3));
    const batches = Array.from({ length: 12 }, () => Int32Array.from({ length: 3 }, () => rng.int(20)));
    const trained: Float32Array[][] = [];
    for (const threads of [1, 2, 3]) {
      const cnn = await FastCnn.create({
        wasm: wasm(),
        ...{ inputShape: [24, 24, 3], classes: 3 },
        learningRate: 0.001,
        weights,
        threads,
        threaded,
      });
      cnn.setTrainingData(x, labels);
      for (const rows of batches) cnn.trainBatch(rows);
      trained.push([...cnn.getWeights(), cnn.predict(x, 20)]);
      cnn.dispose();
    }
    for (const other of trained.slice(1)) {
      for (const [i, w] of other.entries())
        expect(Buffer.from(w.buffer).equals(Buffer.from(trained[0]![i]!.buffer))).toBe(true);
    }
  });
});
