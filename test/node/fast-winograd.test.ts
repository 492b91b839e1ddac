// conv2 by Winograd's F(2x2, 3x3), the forward pass of prediction and evaluation, against tfjs's
// direct convolution, on even and odd output sizes; split into parts (run in reverse order) it
// computes exactly the floats of one part, and it writes nothing but its outputs.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cnnDims, planMemory, WEIGHT } from '../../src/engine/fast/layout';
import { reserve } from '../../src/engine/fast/setup';
import { transformConv2Filters } from '../../src/engine/fast/winograd';
import { data, expectClose, k, ONE_THREAD_BUILDS, randoms, resetHeap, setUpKernels } from './fast-harness';

describe.each(ONE_THREAD_BUILDS)('Winograd conv2 forward (%s build)', (build) => {
  beforeAll(() => setUpKernels(build));

  it.each([
    [1, 24, 24],
    [5, 15, 19],
    [2, 6, 7],
  ])('matches tfjs and every split gives the same floats (B=%i, %ix%i input)', (B, h, w) => {
    resetHeap();
    const dims = cnnDims([h, w, 3], 3);
    const plan = planMemory(dims, B + 1, k.heapBase(), 3);
    reserve(k.memory, plan.end);
    const { h1, w1, c1, h2, w2, c2 } = dims;
    const memory = () => new Float32Array(k.memory.buffer);
    memory().fill(Number.NaN, plan.param[0]! / 4, plan.end / 4);
    const x = randoms(B * h1 * w1 * c1, 0, 1);
    const filters = randoms(9 * c1 * c2, -0.2, 0.2);
    const bias = randoms(c2, -0.1, 0.1);
    memory().set(x, plan.a1 / 4);
    // The parameter block keeps conv2's kernel OHWI.
    const ohwi = new Float32Array(filters.length);
    for (let r = 0; r < 9 * c1; r++) for (let o = 0; o < c2; o++) ohwi[o * 9 * c1 + r] = filters[r * c2 + o]!;
    memory().set(ohwi, plan.param[WEIGHT.conv2Kernel]! / 4);
    memory().set(bias, plan.param[WEIGHT.conv2Bias]! / 4);
    transformConv2Filters(k.memory.buffer, plan);
    const run = (parts: number) => {
      for (let part = parts - 1; part >= 0; part--)
        k.winogradConvForward(
          plan.a1,
          B,
          h1,
          w1,
          c1,
          plan.wino,
          plan.param[WEIGHT.conv2Bias]!,
          plan.a2,
          c2,
          plan.winoScratch,
          part,
          parts,
        );
      return memory().slice(plan.a2 / 4, plan.a2 / 4 + (B + 1) * h2 * w2 * c2);
    };
    const whole = run(1);
    const outputs = B * h2 * w2 * c2;
    const ref = tf.tidy(() =>
      tf.relu(
        tf.add(
          tf.conv2d(tf.tensor4d(x, [B, h1, w1, c1]), tf.tensor4d(filters, [3, 3, c1, c2]), 1, 'valid'),
          tf.tensor1d(bias),
        ),
      ),
    );
    expectClose(whole.subarray(0, outputs), data(ref));
    // The image slot after the batch is never written.
    expect(whole.subarray(outputs).every(Number.isNaN)).toBe(true);
    expect(run(3)).toEqual(whole);
    expect(run(2)).toEqual(whole);
  });
});
