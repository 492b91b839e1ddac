// FastCnn's argument checks and its accuracy count, on the plan's shapes and batch buffers.

import type { MemoryPlan } from './layout';

export const imageFloats = ({ dims }: MemoryPlan): number => dims.h * dims.w * dims.c;

export function checkImages(plan: MemoryPlan, x: Float32Array, n: number): void {
  if (!Number.isInteger(n) || n < 0 || x.length !== n * imageFloats(plan)) {
    throw new Error(`FastCnn: expected ${n} images of ${imageFloats(plan)} floats, got ${x.length} floats`);
  }
}

export function checkLabels(plan: MemoryPlan, labels: Int32Array): void {
  const classes = plan.dims.classes;
  for (const label of labels) {
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new Error(`FastCnn: label ${label} not in 0..${classes - 1}`);
    }
  }
}

export function checkBatch(plan: MemoryPlan, B: number): number {
  if (B < 1 || B > plan.maxBatch) throw new Error(`FastCnn: batch of ${B} not in 1..${plan.maxBatch}`);
  return B;
}

/** Samples in the batch buffer whose first maximal probability is at their label (tfjs argMax). */
export function countCorrect(memory: ArrayBuffer | SharedArrayBuffer, plan: MemoryPlan, B: number): number {
  const N = plan.dims.classes;
  const probs = new Float32Array(memory, plan.probs, B * N);
  const labels = new Int32Array(memory, plan.labels, B);
  let correct = 0;
  for (let b = 0; b < B; b++) {
    let best = 0;
    for (let c = 1; c < N; c++) if (probs[b * N + c]! > probs[b * N + best]!) best = c;
    if (best === labels[b]) correct++;
  }
  return correct;
}
