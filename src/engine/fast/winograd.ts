// conv2's filters in the form winogradConvForward multiplies by: U = G g Gt for every (input,
// output) channel pair, G = [[1, 0, 0], [1/2, 1/2, 1/2], [1/2, -1/2, 1/2], [0, 0, 1]], laid out
// [position 4i + j][output channels / 16][input channel][16]. Made on the calling thread whenever
// the weights have changed since the last forward pass that needed it (a few hundred µs).

import { WEIGHT, type MemoryPlan } from './layout';

/** G times a column (a, b, c) of three, in float32 as the kernels compute. */
const g = (a: number, b: number, c: number): [number, number, number, number] => [
  a,
  Math.fround(Math.fround(Math.fround(a + b) + c) * 0.5),
  Math.fround(Math.fround(Math.fround(a - b) + c) * 0.5),
  c,
];

export function transformConv2Filters(memory: ArrayBuffer, plan: MemoryPlan): void {
  const { c1: C, c2: OC } = plan.dims;
  // The parameter block keeps conv2's kernel OHWI: filter o, tap (kh, kw), channel c at o*9C + (3kh + kw)*C + c.
  const src = new Float32Array(memory, plan.param[WEIGHT.conv2Kernel]!, 9 * C * OC);
  const dst = new Float32Array(memory, plan.wino, 16 * C * OC);
  const rows: number[][] = [[], [], []];
  for (let o = 0; o < OC; o++) {
    for (let c = 0; c < C; c++) {
      const at = (kh: number, kw: number) => src[o * 9 * C + (3 * kh + kw) * C + c]!;
      // G g: the kernel's three rows (kh) become four, column by column (kw).
      for (let kw = 0; kw < 3; kw++) rows[kw] = g(at(0, kw), at(1, kw), at(2, kw));
      for (let i = 0; i < 4; i++) {
        // (G g) Gt: each of the four rows' three columns become four.
        const u = g(rows[0]![i]!, rows[1]![i]!, rows[2]![i]!);
        for (let j = 0; j < 4; j++) dst[(4 * i + j) * OC * C + (o >> 4) * 16 * C + c * 16 + (o & 15)] = u[j]!;
      }
    }
  }
}
