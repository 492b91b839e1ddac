// Every phase split into parts computes exactly the floats of one part: training steps whose phases
// run part by part on one thread (in reverse order, so no part can rely on another having run) give
// bit-identical losses and weights to unsplit steps. Scratch buffers start as NaN, so a float a
// split fails to write poisons the result. threads.test.ts runs the parts on real threads.
import { describe, expect, it } from 'vitest';
import { AdamSchedule } from '../../src/engine/fast/adam-schedule';
import { createRng } from '../../src/engine/data/random';
import { instantiateFastKernels } from '../../src/engine/fast/kernels';
import { cnnDims, planMemory, tfjsWeightShapes } from '../../src/engine/fast/layout';
import { backwardAndUpdate, CLIP_HI, CLIP_LO, forward, runPhase, type PhaseRunner } from '../../src/engine/fast/passes';
import { readWeights, writeWeights } from '../../src/engine/fast/weights';
import { readFastKernelsWasm } from '../../src/engine/node/fast-wasm-file';

async function train(size: number, classes: number, batches: number[], parts: number) {
  const k = await instantiateFastKernels(readFastKernelsWasm());
  const dims = cnnDims([size, size, 3], classes);
  const plan = planMemory(dims, Math.max(...batches), k.heapBase());
  k.memory.grow(Math.ceil((plan.end - k.memory.buffer.byteLength) / 65536) + 1);
  const rng = createRng(size * 31 + classes);
  const weights = tfjsWeightShapes(dims).map((s) =>
    Float32Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => (rng.next() - 0.5) * 0.2),
  );
  new Float32Array(k.memory.buffer, plan.w1p, (plan.end - plan.w1p) / 4).fill(Number.NaN);
  writeWeights(k.memory.buffer, plan, weights);
  const runner: PhaseRunner = {
    run: (phase, B) => {
      for (let part = parts - 1; part >= 0; part--) runPhase(phase, k, plan, B, part, parts);
    },
  };
  const adam = new AdamSchedule({ learningRate: 0.01 });
  const losses: number[] = [];
  for (const B of batches) {
    const x = new Float32Array(k.memory.buffer, plan.x, B * size * size * 3);
    for (let i = 0; i < x.length; i++) x[i] = rng.next();
    new Int32Array(k.memory.buffer, plan.labels, B).set(Int32Array.from({ length: B }, () => rng.int(classes)));
    forward(k, plan, B, runner);
    losses.push(k.softmaxCrossEntropy(plan.probs, plan.labels, B, classes, CLIP_LO, CLIP_HI, plan.dz));
    adam.load(k);
    backwardAndUpdate(k, plan, B, runner);
    adam.advance();
  }
  return { losses, weights: readWeights(k.memory.buffer, plan) };
}

describe('phases split into parts', () => {
  it.each([
    [24, 3, [3, 3, 1, 2]],
    [15, 5, [4, 7, 1]],
    [9, 2, [32, 5]],
  ])(
    '%i px square input, %i classes, batches %j: every split gives the same floats',
    async (size, classes, batches) => {
      const whole = await train(size, classes, batches, 1);
      expect(whole.losses.every(Number.isFinite)).toBe(true);
      for (const parts of [2, 3, 5, 8]) {
        const split = await train(size, classes, batches, parts);
        expect(split.losses, `${parts} parts`).toEqual(whole.losses);
        for (const [i, w] of split.weights.entries()) {
          expect(Buffer.from(w.buffer).equals(Buffer.from(whole.weights[i]!.buffer)), `weight ${i}`).toBe(true);
        }
      }
    },
  );
});
