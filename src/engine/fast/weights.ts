// Moves weights between tfjs order/layout and the parameter block in wasm memory.
// Internal layouts equal tfjs's except conv2's kernel, kept as OHWI ([64][3*3*32]) because both
// sparse backward kernels read and write whole per-output-channel rows.

import { tfjsWeightShapes, type MemoryPlan } from './layout';

const CONV2_KERNEL = 2;

function checkShapes(plan: MemoryPlan, weights: readonly Float32Array[]): void {
  const shapes = tfjsWeightShapes(plan.dims);
  if (weights.length !== shapes.length) {
    throw new Error(`FastCnn: expected ${shapes.length} weight arrays, got ${weights.length}`);
  }
  shapes.forEach((shape, i) => {
    const size = shape.reduce((a, b) => a * b, 1);
    if (weights[i]!.length !== size) {
      throw new Error(
        `FastCnn: weight ${i} has ${weights[i]!.length} values, expected ${size} for [${shape.join(',')}]`,
      );
    }
  });
}

/** Swaps the last two axes of a [rows][cols] matrix: HWIO <-> OHWI with rows = 3*3*in. */
function transpose(src: Float32Array, rows: number, cols: number, dst: Float32Array): void {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) dst[c * rows + r] = src[r * cols + c]!;
  }
}

/** Writes tfjs-ordered weights into the parameter block. */
export function writeWeights(memory: ArrayBuffer, plan: MemoryPlan, weights: readonly Float32Array[]): void {
  checkShapes(plan, weights);
  const { c1, c2 } = plan.dims;
  weights.forEach((w, i) => {
    const dst = new Float32Array(memory, plan.param[i]!, w.length);
    if (i === CONV2_KERNEL) transpose(w, 9 * c1, c2, dst);
    else dst.set(w);
  });
}

/** Copies the parameter block out in tfjs order and layout. */
export function readWeights(memory: ArrayBuffer, plan: MemoryPlan): Float32Array[] {
  const { c1, c2 } = plan.dims;
  return tfjsWeightShapes(plan.dims).map((shape, i) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const src = new Float32Array(memory, plan.param[i]!, size);
    if (i !== CONV2_KERNEL) return src.slice();
    const out = new Float32Array(size);
    transpose(src, c2, 9 * c1, out);
    return out;
  });
}
