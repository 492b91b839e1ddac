// Op-by-op checks of the WebAssembly SIMD kernels against tfjs (cpu backend) on seeded random data.
// Tolerance: max |wasm - tfjs| <= 1e-5 * max |tfjs| (float32 sums in a different order); Adam is bit-exact.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { metrics } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { AdamSchedule } from '../../src/engine/fast/adam-schedule';
import { instantiateFastKernels, type FastKernels } from '../../src/engine/fast/kernels';
import { CLIP_HI, CLIP_LO } from '../../src/engine/fast/passes';
import { readFastKernelsWasm } from '../../src/engine/node/fast-wasm-file';

let k: FastKernels;
let next = 0;
let seed = 1;

beforeAll(async () => {
  await tf.setBackend('cpu');
  k = await instantiateFastKernels(readFastKernelsWasm());
  k.memory.grow(1024);
});

/** mulberry32 */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const randoms = (n: number, lo = -1, hi = 1): Float32Array =>
  Float32Array.from({ length: n }, () => lo + (hi - lo) * random());

/** Bump allocation in wasm memory, reset per test. */
function alloc(floats: number, init?: ArrayLike<number>): number {
  const at = next;
  next += Math.ceil(floats / 16) * 64;
  const view = new Float32Array(k.memory.buffer, at, floats);
  view.fill(0);
  if (init) view.set(init);
  return at;
}
const read = (at: number, floats: number): Float32Array => new Float32Array(k.memory.buffer, at, floats).slice();

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  let scale = 0;
  let err = 0;
  for (let i = 0; i < expected.length; i++) {
    scale = Math.max(scale, Math.abs(expected[i]!));
    err = Math.max(err, Math.abs(actual[i]! - expected[i]!));
  }
  expect(scale).toBeGreaterThan(0);
  expect(err).toBeLessThanOrEqual(rel * scale);
}
const data = (t: tf.Tensor): Float32Array => t.dataSync() as Float32Array;

/** HWIO [K][OC] <-> OHWI [OC][K] */
function transpose(src: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(src.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = src[r * cols + c]!;
  return out;
}

describe('fast kernels vs tfjs cpu', () => {
  beforeAll(() => {
    next = Math.ceil(k.heapBase() / 64) * 64;
  });

  it.each([
    [2, 9, 11, 3, 32],
    [3, 12, 10, 32, 64],
    [1, 7, 6, 1, 16],
  ])('conv2d + bias + relu forward (B=%i %ix%ix%i -> %i)', (B, H, W, C, OC) => {
    next = Math.ceil(k.heapBase() / 64) * 64;
    const x = randoms(B * H * W * C, 0, 1),
      w = randoms(9 * C * OC, -0.3, 0.3),
      b = randoms(OC, -0.2, 0.2);
    const px = alloc(x.length, x),
      pw = alloc(w.length, w),
      pb = alloc(OC, b);
    const wp = alloc(w.length),
      y = alloc(B * (H - 2) * (W - 2) * OC);
    k.packConvWeights(pw, 9 * C, OC, OC, 1, wp);
    k.convForward(px, B, H, W, C, wp, pb, y, OC);
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
    next = Math.ceil(k.heapBase() / 64) * 64;
    const a = randoms(B * H * W * 64).map((v) => Math.max(0, v));
    const pa = alloc(a.length, a),
      n = B * (H >> 1) * (W >> 1) * 64;
    const out = alloc(n),
      arg = alloc(n);
    k.maxPoolForward(pa, B, H, W, 64, out, arg);
    expect(read(out, n)).toEqual(data(tf.maxPool(tf.tensor4d(a, [B, H, W, 64]), 2, 2, 'valid')));
  });

  it('conv2 backward through relu + maxPool: filter, bias and input gradients (sparse kernels)', () => {
    next = Math.ceil(k.heapBase() / 64) * 64;
    const B = 3,
      H = 12,
      W = 14,
      C = 32,
      OC = 64,
      oh = H - 2,
      ow = W - 2,
      P = (oh >> 1) * (ow >> 1);
    const a1 = randoms(B * H * W * C, 0, 1),
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
    k.packConvWeights(pwt, 9 * C, OC, 1, 9 * C, wp);
    k.convForward(pa1, B, H, W, C, wp, pb, a2, OC);
    k.maxPoolForward(a2, B, oh, ow, OC, pooled, arg);
    const pd = alloc(dflat.length, dflat),
      chan = alloc(2 * OC * B * P),
      counts = alloc(OC);
    const rec = 4 + 2 * OC,
      pix = alloc(B * P * rec),
      gb = alloc(OC),
      gwt = alloc(w.length),
      dx = alloc(a1.length);
    k.poolBackward(pd, pooled, arg, B, oh, ow, OC, pa1, C, pwt, chan, counts, B * P, pix, gb);
    k.convPoolBackpropFilter(chan, counts, B * P, OC, W, C, gwt);
    k.convPoolBackpropInput(pix, rec, B, oh, ow, C, dx);
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
    expectClose(read(dx, a1.length), data(rx!));
  });

  it.each([
    [2, 10, 9, 3, 32],
    [1, 6, 7, 1, 16],
  ])('conv1 filter gradient, relu backward, bias gradient (B=%i %ix%ix%i -> %i)', (B, H, W, C, OC) => {
    next = Math.ceil(k.heapBase() / 64) * 64;
    const M = (H - 2) * (W - 2);
    const x = randoms(B * H * W * C, 0, 1),
      dy = randoms(B * M * OC),
      act = randoms(B * M * OC).map((v) => Math.max(0, v));
    const px = alloc(x.length, x),
      pdy = alloc(dy.length, dy),
      pact = alloc(act.length, act);
    const dw = alloc(9 * C * OC),
      db = alloc(OC);
    k.reluBackward(pdy, pact, dy.length);
    k.columnSums(pdy, B * M, OC, db);
    k.convBackpropFilter(px, B, H, W, C, pdy, OC, dw);
    const masked = tf.mul(tf.tensor4d(dy, [B, H - 2, W - 2, OC]), tf.step(tf.tensor4d(act, [B, H - 2, W - 2, OC])));
    const rw = tf.grad((f: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(tf.tensor4d(x, [B, H, W, C]), f as tf.Tensor4D, 1, 'valid'), masked)),
    );
    expectClose(read(dw, 9 * C * OC), data(rw(tf.zeros([3, 3, C, OC]))));
    expectClose(read(db, OC), data(tf.sum(masked, [0, 1, 2])));
  });

  it('cross-entropy gradient is zero for a sample whose probability is clipped, as in tfjs', () => {
    next = Math.ceil(k.heapBase() / 64) * 64;
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

  it('dense + relu forward (matmul), with a partial row tile', () => {
    next = Math.ceil(k.heapBase() / 64) * 64;
    const B = 5,
      K = 6400,
      N = 128;
    const x = randoms(B * K, 0, 1),
      w = randoms(K * N, -0.03, 0.03),
      b = randoms(N, -0.1, 0.1);
    const y = alloc(B * N);
    k.denseForward(alloc(x.length, x), B, K, alloc(w.length, w), alloc(N, b), N, y, 1);
    expectClose(
      read(y, B * N),
      data(tf.relu(tf.add(tf.matMul(tf.tensor2d(x, [B, K]), tf.tensor2d(w, [K, N])), tf.tensor1d(b)))),
    );
  });

  it('dense backward (both matmul gradients) fused with Adam, and the generic Adam kernel', () => {
    next = Math.ceil(k.heapBase() / 64) * 64;
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
      k.denseBackwardAdam(px, B, K, alloc(B * N, dyValues), N, pw, pm, pv, pdx);
      expectClose(read(pdx, B * K), data(refDx));
      // The generic kernel gets tfjs's own gradient, so its result must match bit for bit.
      new Float32Array(k.memory.buffer, pg, K * N).set(data(gw));
      k.adam(pw2, pg, pm2, pv2, K * N);
      schedule.advance();
      optimizer.applyGradients([{ name: variable.name, tensor: gw }]);
    }
    expect(read(pw2, K * N)).toEqual(data(variable));
    expectClose(read(pw, K * N), data(variable));
  });

  it('flushes Adam moments that decay below the smallest normal float to zero', () => {
    // A weight with no gradient (a dead unit) keeps decaying m by beta1 each step; subnormal
    // floats are ~100x slower to compute with on x86, so they must become exact zeros instead.
    next = Math.ceil(k.heapBase() / 64) * 64;
    const n = 8;
    const pw = alloc(n, new Array(n).fill(0.5)),
      pg = alloc(n),
      pm = alloc(n, new Array(n).fill(1.2e-38)),
      pv = alloc(n, new Array(n).fill(1.17e-38));
    const schedule = new AdamSchedule({ learningRate: 0.001 });
    schedule.load(k);
    k.adam(pw, pg, pm, pv, n);
    expect([...read(pm, n), ...read(pv, n)].every((x) => x === 0)).toBe(true);
    expect(read(pw, n)).toEqual(new Float32Array(n).fill(0.5));
  });

  it('dense + softmax head, categorical cross-entropy and their gradients', () => {
    next = Math.ceil(k.heapBase() / 64) * 64;
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
