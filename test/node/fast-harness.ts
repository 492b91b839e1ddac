// Shared by the kernel tests: one instance of a single-thread build, bump allocation in its
// memory, seeded random data and the error measure the tolerances are stated in.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { setFlagsFromString } from 'node:v8';
import { simdFlavour, type KernelBuild } from '../../src/engine/fast/features';
import { instantiateFastKernels, type FastKernels } from '../../src/engine/fast/kernels';
import { readFastKernelsWasm } from '../../src/engine/node/fast-wasm-file';
import { expect } from 'vitest';

/** The one-thread builds every kernel test runs on. */
export const ONE_THREAD_BUILDS = ['release', 'relaxed'] as const;

/** Node 20's V8 has relaxed SIMD behind a flag (on by default from Node 22): lets the relaxed builds compile. */
export function enableRelaxedSimd(): void {
  if (simdFlavour() !== 'relaxed') setFlagsFromString('--experimental-wasm-relaxed-simd');
}

export let k: FastKernels;
let next = 0;
let seed = 1;

export async function setUpKernels(build: KernelBuild): Promise<void> {
  await tf.setBackend('cpu');
  enableRelaxedSimd();
  k = await instantiateFastKernels(readFastKernelsWasm(build));
  k.memory.grow(1024);
}

/** Starts allocating from the bottom of the heap again and restarts the random data: each test lays
 * out its own buffers, and sees the same numbers on every build. */
export function resetHeap(): void {
  next = Math.ceil(k.heapBase() / 64) * 64;
  seed = 1;
}

/** mulberry32 */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
export const randoms = (n: number, lo = -1, hi = 1): Float32Array =>
  Float32Array.from({ length: n }, () => lo + (hi - lo) * random());

/** Bump allocation in wasm memory, reset per test. */
export function alloc(floats: number, init?: ArrayLike<number>): number {
  const at = next;
  next += Math.ceil(floats / 16) * 64;
  const view = new Float32Array(k.memory.buffer, at, floats);
  view.fill(0);
  if (init) view.set(init);
  return at;
}
export const read = (at: number, floats: number): Float32Array => new Float32Array(k.memory.buffer, at, floats).slice();

/** max |actual - expected| <= rel * max |expected| (float32 sums in a different order). */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel = 1e-5): void {
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
export const data = (t: tf.Tensor): Float32Array => t.dataSync() as Float32Array;

/** HWIO [K][OC] <-> OHWI [OC][K] */
export function transpose(src: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(src.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = src[r * cols + c]!;
  return out;
}
