// Training on several real threads (Node worker_threads over one shared memory) computes exactly what
// one thread computes: the same losses, weights and probabilities bit for bit, for every thread
// count, run after run. Timings belong in the bench (npm run bench), not here.
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/engine/backend/sessions';
import { createRng } from '../../src/engine/data/random';
import { FastCnn } from '../../src/engine/fast/fast-cnn';
import { fastThreadCount, loadThreadedKernels } from '../../src/engine/fast/kernel-source';
import { tfjsWeightShapes, cnnDims } from '../../src/engine/fast/layout';
import type { ThreadedKernels } from '../../src/engine/fast/setup';
import { createModel } from '../../src/engine/model/model';
import { initNodeEngine } from '../../src/engine/node/engine';
import { readFastKernelsWasm } from '../../src/engine/node/fast-wasm-file';
import type { TrainingSession } from '../../src/engine/train/session';

let threaded: ThreadedKernels;

beforeAll(async () => {
  await initNodeEngine();
  threaded = (await loadThreadedKernels())!;
});

interface Run {
  size: number;
  classes: number;
  images: number;
  batch: number;
  steps: number;
}

/** Trains from seeded weights on seeded batches; returns everything the run computed. */
async function train({ size, classes, images, batch, steps }: Run, threads: number) {
  const rng = createRng(size + 100 * classes);
  const pixels = size * size * 3;
  const x = Float32Array.from({ length: images * pixels }, () => rng.int(256) / 255);
  const labels = Int32Array.from({ length: images }, () => rng.int(classes));
  const weights = tfjsWeightShapes(cnnDims([size, size, 3], classes)).map((s) =>
    Float32Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => (rng.next() - 0.5) * 0.1),
  );
  const cnn = await FastCnn.create({
    wasm: readFastKernelsWasm(),
    inputShape: [size, size, 3],
    classes,
    learningRate: 0.001,
    weights,
    threads,
    threaded,
  });
  expect(cnn.threads).toBe(threads);
  cnn.setTrainingData(x, labels);
  const batches = Array.from({ length: steps }, () => Int32Array.from({ length: batch }, () => rng.int(images)));
  const results = batches.map((rows) => cnn.trainBatch(rows));
  const evaluated = cnn.evaluate(x, labels);
  const trained = cnn.getWeights();
  cnn.dispose();
  expect(() => cnn.trainBatch([0])).toThrow(/dispose/);
  return { results, evaluated, weights: trained };
}

function expectIdentical(a: Awaited<ReturnType<typeof train>>, b: typeof a): void {
  expect(b.results).toEqual(a.results);
  expect(b.evaluated.loss).toBe(a.evaluated.loss);
  expect(Buffer.from(b.evaluated.probabilities.buffer).equals(Buffer.from(a.evaluated.probabilities.buffer))).toBe(
    true,
  );
  for (const [i, w] of b.weights.entries()) {
    expect(Buffer.from(w.buffer).equals(Buffer.from(a.weights[i]!.buffer)), `weight ${i}`).toBe(true);
  }
}

describe('training on several threads', () => {
  it.each([
    ['the tutorial: 24x24, 3 classes, batch 3', { size: 24, classes: 3, images: 45, batch: 3, steps: 30 }],
    ['15x15, 5 classes, batch 32', { size: 15, classes: 5, images: 70, batch: 32, steps: 6 }],
    ['9x9, 2 classes, batch 1', { size: 9, classes: 2, images: 5, batch: 1, steps: 10 }],
  ])('%s: bit-identical to one thread on 2, 3 and 4 threads, and on a second run', async (_, run) => {
    const one = await train(run, 1);
    for (const threads of [2, 3, 4]) expectIdentical(one, await train(run, threads));
    expectIdentical(await train(run, 2), await train(run, 2));
  });

  it('the session for the fast path uses every core, at most the limit asked for', async () => {
    const cores = fastThreadCount().threads;
    expect(fastThreadCount()).toEqual({ threads: cores, isolated: true });
    expect(fastThreadCount(1).threads).toBe(1);
    expect(fastThreadCount(cores + 5).threads).toBe(cores);
    const rng = createRng(4);
    const data = {
      classNames: ['a', 'b', 'c'],
      size: [24, 24] as [number, number],
      files: [],
      labels: Int32Array.from({ length: 9 }, (_, i) => i % 3),
      images: Float32Array.from({ length: 9 * 24 * 24 * 3 }, () => rng.next()),
    };
    const trained: number[][][] = [];
    for (const threads of [1, 2]) {
      const model = createModel({ inputSize: [24, 24], classes: 3, seed: 5, learningRate: 0.001 });
      const session: TrainingSession & { threads?: number } = await createSession(
        'wasm-simd',
        model,
        data,
        data,
        0.001,
        threads,
      );
      expect(session.threads).toBe(Math.min(threads, cores));
      for (const rows of [
        [0, 4, 8],
        [1, 2, 3],
      ])
        session.step(Int32Array.from(rows));
      await session.endEpoch();
      await session.finish();
      session.dispose();
      trained.push(model.getWeights().map((w) => Array.from(w.dataSync())));
      model.dispose();
    }
    expect(trained[1]).toEqual(trained[0]);
  });
});
