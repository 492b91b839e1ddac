// Op-by-op checks of the WebAssembly SIMD backward kernels and Adam (plain and relaxed builds) against tfjs (cpu backend) on
// seeded random data, called as one thread. Tolerance: max |wasm - tfjs| <= 1e-5 * max |tfjs|;
// Adam is bit-exact given the same gradient.
import * as tf from '@tensorflow/tfjs-core';
// tf.grads needs the gradient registry, which tfjs-core only fills when asked to.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { AdamSchedule } from '../../src/engine/fast/adam-schedule';
import {
  alloc,
  data,
  expectClose,
  k,
  randoms,
  read,
  ONE_THREAD_BUILDS,
  resetHeap,
  setUpKernels,
  transpose,
} from './fast-harness';

describe.each(ONE_THREAD_BUILDS)('fast backward kernels vs tfjs cpu (%s build)', (build) => {
  beforeAll(() => setUpKernels(build));

  it('conv2 backward through relu + maxPool: filter, bias and (relu-masked) input gradients (sparse kernels)', () => {
    resetHeap();
    const B = 3,
      H = 12,
      W = 14,
      C = 32,
      OC = 64,
      oh = H - 2,
      ow = W - 2,
      P = (oh >> 1) * (ow >> 1);
    const a1 = randoms(B * H * W * C, -0.5, 1).map((v) => Math.max(0, v)),
      w = randoms(9 * C * OC, -0.1, 0.1),
      b = randoms(OC, -0.1, 0.1);
    const dflat = randoms(B * P * OC);
    const pa1 = alloc(a1.length, a1),
      pwt = alloc(w.length, transpose(w, 9 * C, OC)),
      pb = alloc(OC, b);
    const wp = alloc(w.length),
      a2 = alloc(B * oh * ow * OC),
      pooled = alloc(B * P * OC),
      arg = alloc(B * P * OC);
    k.packConvWeights(pwt, 9 * C, OC, 1, 9 * C, wp, 0, 1);
    k.convForward(pa1, B, H, W, C, wp, pb, a2, OC, 0, 1);
    k.maxPoolForward(a2, B, oh, ow, OC, pooled, arg, 0, 1);
    const pd = alloc(dflat.length, dflat),
      chan = alloc(2 * OC * B * P),
      counts = alloc(OC);
    const rec = 4 + 2 * OC,
      pix = alloc(B * P * rec),
      gb = alloc(OC),
      gwt = alloc(w.length),
      dx = alloc(a1.length);
    k.poolBackward(pd, pooled, arg, B, oh, ow, OC, pa1, C, pwt, chan, counts, B * P, pix, gb, 0, 1);
    k.convPoolBackpropFilter(chan, counts, B * P, OC, W, C, gwt, 0, 1);
    k.convPoolBackpropInput(pix, rec, B, oh, ow, C, pa1, dx, 0, 1);
    const grads = tf.grads((x: tf.Tensor, f: tf.Tensor, bias: tf.Tensor) =>
      tf.sum(
        tf.mul(
          tf.maxPool(tf.relu(tf.add(tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'valid'), bias)), 2, 2, 'valid'),
          tf.tensor4d(dflat, [B, oh >> 1, ow >> 1, OC]),
        ),
      ),
    );
    const [rx, rw, rb] = grads([tf.tensor4d(a1, [B, H, W, C]), tf.tensor4d(w, [3, 3, C, OC]), tf.tensor1d(b)]);
    expectClose(transpose(read(gwt, w.length), OC, 9 * C), data(rw!));
    expectClose(read(gb, OC), data(rb!));
    // The input gradient comes out masked by the ReLU that produced a1.
    expectClose(read(dx, a1.length), data(tf.mul(rx!, tf.step(tf.tensor4d(a1, [B, H, W, C])))));
  });

  it.each([
    [2, 10, 9, 3, 32],
    [1, 6, 7, 1, 16],
  ])('conv1 filter and bias gradients (B=%i %ix%ix%i -> %i)', (B, H, W, C, OC) => {
    resetHeap();
    const M = (H - 2) * (W - 2);
    // dy arrives masked by conv1's ReLU (convPoolBackpropInput applies it).
    const x = randoms(B * H * W * C, 0, 1),
      dy = randoms(B * M * OC).map((v) => (v < -0.3 ? 0 : v));
    const px = alloc(x.length, x),
      pdy = alloc(dy.length, dy);
    const masked = tf.tensor4d(dy, [B, H - 2, W - 2, OC]);
    const dw = alloc(9 * C * OC),
      db = alloc(OC);
    k.columnSums(pdy, B * M, OC, db, 0, 1);
    k.convBackpropFilter(px, B, H, W, C, pdy, OC, dw, 0, 1);
    const rw = tf.grad((f: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(tf.tensor4d(x, [B, H, W, C]), f as tf.Tensor4D, 1, 'valid'), masked)),
    );
    expectClose(read(dw, 9 * C * OC), data(rw(tf.zeros([3, 3, C, OC]))));
    expectClose(read(db, OC), data(tf.sum(masked, [0, 1, 2])));
  });

  it('dense backward (both matmul gradients) fused with Adam, and the generic Adam kernel', () => {
    resetHeap();
    const B = 3,
      K = 640,
      N = 128,
      steps = 3;
    const x = randoms(B * K, 0, 1),
      w0 = randoms(K * N, -0.05, 0.05);
    const dys = Array.from({ length: steps }, () => randoms(B * N, -0.01, 0.01));
    const px = alloc(x.length, x),
      pw = alloc(K * N, w0),
      pm = alloc(K * N),
      pv = alloc(K * N),
      pdx = alloc(B * K);
    const pw2 = alloc(K * N, w0),
      pg = alloc(K * N),
      pm2 = alloc(K * N),
      pv2 = alloc(K * N);
    const schedule = new AdamSchedule({ learningRate: 0.001 });
    const variable = tf.variable(tf.tensor2d(w0, [K, N]));
    const optimizer = tf.train.adam(0.001);
    for (const dyValues of dys) {
      const dy = tf.tensor2d(dyValues, [B, N]);
      const gw = tf.matMul(tf.tensor2d(x, [B, K]), dy, true, false);
      const refDx = tf.matMul(dy, variable, false, true);
      schedule.load(k);
      k.denseBackwardAdam(px, B, K, alloc(B * N, dyValues), N, pw, pm, pv, pdx, 0, 1);
      expectClose(read(pdx, B * K), data(refDx));
      // The generic kernel gets tfjs's own gradient, so its result must match bit for bit.
      new Float32Array(k.memory.buffer, pg, K * N).set(data(gw));
      k.adam(pw2, pg, pm2, pv2, K * N, 0, 1);
      schedule.advance();
      optimizer.applyGradients([{ name: variable.name, tensor: gw }]);
    }
    expect(read(pw2, K * N)).toEqual(data(variable));
    expectClose(read(pw, K * N), data(variable));
  });

  it('flushes Adam moments that decay below the smallest normal float to zero', () => {
    // A weight with no gradient (a dead unit) keeps decaying m by beta1 each step; subnormal
    // floats are ~100x slower to compute with on x86, so they must become exact zeros instead.
    resetHeap();
    const n = 8;
    const pw = alloc(n, new Array(n).fill(0.5)),
      pg = alloc(n),
      pm = alloc(n, new Array(n).fill(1.2e-38)),
      pv = alloc(n, new Array(n).fill(1.17e-38));
    const schedule = new AdamSchedule({ learningRate: 0.001 });
    schedule.load(k);
    k.adam(pw, pg, pm, pv, n, 0, 1);
    expect([...read(pm, n), ...read(pv, n)].every((x) => x === 0)).toBe(true);
    expect(read(pw, n)).toEqual(new Float32Array(n).fill(0.5));
  });
});
