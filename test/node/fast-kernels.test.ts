// Op-by-op checks of the WebAssembly SIMD forward kernels (plain and relaxed builds) against tfjs (cpu backend) on seeded random
// data, called as one thread ((part, parts) = (0, 1); threads-split.test.ts checks other splits).
// Tolerance: max |wasm - tfjs| <= 1e-5 * max |tfjs| (float32 sums in a different order).
import * as tf from '@tensorflow/tfjs-core';
import { metrics } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLIP_HI, CLIP_LO } from '../../src/engine/fast/passes';
import { alloc, data, expectClose, k, randoms, read, ONE_THREAD_BUILDS, resetHeap, setUpKernels } from './fast-harness';

describe.each(ONE_THREAD_BUILDS)('fast forward kernels vs tfjs cpu (%s build)', (build) => {
  beforeAll(() => setUpKernels(build));

  it.each([
    [2, 9, 11, 3, 32],
    [3, 12, 10, 32, 64],
    [1, 7, 6, 1, 16],
  ])('conv2d + bias + relu forward (B=%i %ix%ix%i -> %i)', (B, H, W, C, OC) => {
    resetHeap();
    const x = randoms(B * H * W * C, 0, 1),
      w = randoms(9 * C * OC, -0.3, 0.3),
      b = randoms(OC, -0.2, 0.2);
    const px = alloc(x.length, x),
      pw = alloc(w.length, w),
      pb = alloc(OC, b);
    const wp = alloc(w.length),
      y = alloc(B * (H - 2) * (W - 2) * OC);
    k.packConvWeights(pw, 9 * C, OC, OC, 1, wp, 0, 1);
    k.convForward(px, B, H, W, C, wp, pb, y, OC, 0, 1);
    const ref = tf.tidy(() =>
      tf.relu(
        tf.add(tf.conv2d(tf.tensor4d(x, [B, H, W, C]), tf.tensor4d(w, [3, 3, C, OC]), 1, 'valid'), tf.tensor1d(b)),
      ),
    );
    expectClose(read(y, B * (H - 2) * (W - 2) * OC), data(ref));
  });

  it.each([
    [2, 8, 10],
    [1, 9, 7],
  ])('maxPool 2x2 forward (B=%i %ix%ix64)', (B, H, W) => {
    resetHeap();
    const a = randoms(B * H * W * 64).map((v) => Math.max(0, v));
    const pa = alloc(a.length, a),
      n = B * (H >> 1) * (W >> 1) * 64;
    const out = alloc(n),
      arg = alloc(n);
    k.maxPoolForward(pa, B, H, W, 64, out, arg, 0, 1);
    expect(read(out, n)).toEqual(data(tf.maxPool(tf.tensor4d(a, [B, H, W, 64]), 2, 2, 'valid')));
  });

  it('dense + relu forward (matmul), with a partial row tile', () => {
    resetHeap();
    const B = 5,
      K = 6400,
      N = 128;
    const x = randoms(B * K, 0, 1),
      w = randoms(K * N, -0.03, 0.03),
      b = randoms(N, -0.1, 0.1);
    const y = alloc(B * N);
    k.denseForward(alloc(x.length, x), B, K, alloc(w.length, w), alloc(N, b), N, y, 1, 0, 1);
    expectClose(
      read(y, B * N),
      data(tf.relu(tf.add(tf.matMul(tf.tensor2d(x, [B, K]), tf.tensor2d(w, [K, N])), tf.tensor1d(b)))),
    );
  });

  it('cross-entropy gradient is zero for a sample whose probability is clipped, as in tfjs', () => {
    resetHeap();
    const z = tf.tensor2d([
      [40, 0, 0],
      [0.1, -0.2, 0.3],
    ]);
    const y = tf.tensor2d([
      [1, 0, 0],
      [0, 0, 1],
    ]);
    const probs = alloc(6, data(tf.softmax(z))),
      labels = alloc(2),
      dz = alloc(6);
    new Int32Array(k.memory.buffer, labels, 2).set([0, 2]);
    const loss = k.softmaxCrossEntropy(probs, labels, 2, 3, CLIP_LO, CLIP_HI, dz);
    const lossOf = (logits: tf.Tensor): tf.Scalar => tf.mean(metrics.categoricalCrossentropy(y, tf.softmax(logits)));
    expect(Math.abs(loss - lossOf(z).dataSync()[0]!)).toBeLessThan(1e-6);
    const ref = data(tf.grad(lossOf)(z));
    expect(Array.from(ref.subarray(0, 3))).toEqual([0, 0, 0]);
    expectClose(read(dz, 6), ref);
  });

  it('dense + softmax head, categorical cross-entropy and their gradients', () => {
    resetHeap();
    const B = 4,
      D = 128,
      N = 5;
    const h = randoms(B * D, -1, 1).map((v) => Math.max(0, v)),
      w = randoms(D * N, -0.3, 0.3),
      b = randoms(N, -0.1, 0.1);
    const labels = Int32Array.from({ length: B }, (_, i) => i % N);
    const ph = alloc(B * D, h),
      pw = alloc(D * N, w),
      probs = alloc(B * N),
      dz = alloc(B * N),
      plabels = alloc(B);
    new Int32Array(k.memory.buffer, plabels, B).set(labels);
    const gw = alloc(D * N),
      gb = alloc(N),
      dh = alloc(B * D);
    k.headForward(ph, B, D, pw, alloc(N, b), N, probs);
    const loss = k.softmaxCrossEntropy(probs, plabels, B, N, CLIP_LO, CLIP_HI, dz);
    k.headBackward(ph, dz, B, D, pw, N, gw, gb, dh);
    const y = tf.oneHot(tf.tensor1d(labels, 'int32'), N);
    const model = (hh: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor): tf.Tensor =>
      tf.softmax(tf.add(tf.matMul(tf.relu(hh) as tf.Tensor2D, ww as tf.Tensor2D), bb));
    const lossOf = (hh: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor): tf.Scalar =>
      tf.mean(metrics.categoricalCrossentropy(y, model(hh, ww, bb)));
    const args = [tf.tensor2d(h, [B, D]), tf.tensor2d(w, [D, N]), tf.tensor1d(b)] as const;
    expectClose(read(probs, B * N), data(model(...args)));
    expect(Math.abs(loss - lossOf(...args).dataSync()[0]!)).toBeLessThan(1e-6);
    const logits = tf.add(tf.matMul(args[0], args[1]), args[2]);
    const rz = tf.grad((z: tf.Tensor) => tf.mean(metrics.categoricalCrossentropy(y, tf.softmax(z))))(logits);
    expectClose(read(dz, B * N), data(rz));
    const [rh, rw, rb] = tf.grads(lossOf)([...args]);
    expectClose(read(gw, D * N), data(rw!));
    expectClose(read(gb, N), data(rb!));
    expectClose(read(dh, B * D), data(rh!));
  });
});
