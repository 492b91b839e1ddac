// conv2's filters in the form winogradConvForward multiplies by: U = G g Gt for every (input,
// output) channel pair, G = [[1, 0, 0], [1/2, 1/2, 1/2], [1/2, -1/2, 1/2], [0, 0, 1]], laid out
// [position 4i + j][output channels / 16][input channel][16]. Made on the calling thread whenever
// the weights have changed since the last forward pass that needed it (0.1 ms once compiled; 11 ms the first time, in the interpreter).

import { WEIGHT, type MemoryPlan } from './layout';

const f = Math.fround;

export function transformConv2Filters(memory: ArrayBuffer, plan: MemoryPlan): void {
  const { c1: C, c2: OC } = plan.dims;
  // The parameter block keeps conv2's kernel OHWI: filter o, tap (kh, kw), channel c at o*9C + (3kh + kw)*C + c.
  const src = new Float32Array(memory, plan.param[WEIGHT.conv2Kernel]!, 9 * C * OC);
  const dst = new Float32Array(memory, plan.wino, 16 * C * OC);
  // G g: the kernel's three rows (kh) become four, column by column (kw); row i, column kw at s[3i + kw].
  const s = new Float32Array(12);
  for (let o = 0; o < OC; o++) {
    for (let c = 0; c < C; c++) {
      const at = o * 9 * C + c;
      for (let kw = 0; kw < 3; kw++) {
        const a = src[at + kw * C]!;
        const b = src[at + (3 + kw) * C]!;
        const d = src[at + (6 + kw) * C]!;
        s[kw] = a;
        s[3 + kw] = f(f(f(a + b) + d) * 0.5);
        s[6 + kw] = f(f(f(a - b) + d) * 0.5);
        s[9 + kw] = d;
      }
      // (G g) Gt: each of the four rows' three columns become four, in float32 as the kernels compute.
      const to = (o >> 4) * 16 * C + c * 16 + (o & 15);
      for (let i = 0; i < 4; i++) {
        const a = s[3 * i]!;
        const b = s[3 * i + 1]!;
        const d = s[3 * i + 2]!;
        const row = 4 * i * OC * C + to;
        dst[row] = a;
        dst[row + OC * C] = f(f(f(a + b) + d) * 0.5);
        dst[row + 2 * OC * C] = f(f(f(a - b) + d) * 0.5);
        dst[row + 3 * OC * C] = d;
      }
    }
  }
}
