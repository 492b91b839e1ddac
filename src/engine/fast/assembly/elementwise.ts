// Small vectorised helpers.
import { shareStart } from './share';

// dst[c] = sum over rows of src[r][c] (bias gradients); cols a multiple of 4, split by column vectors.
export function columnSums(src: usize, rows: i32, cols: i32, dst: usize, part: i32, parts: i32): void {
  const rowBytes = (<usize>cols) << 2;
  const end = (<usize>shareStart(cols >> 2, part + 1, parts)) << 4;
  for (let c = (<usize>shareStart(cols >> 2, part, parts)) << 4; c < end; c += 16) {
    let acc = f32x4.splat(0);
    for (let r = 0; r < rows; r++) acc = f32x4.add(acc, v128.load(src + <usize>r * rowBytes + c));
    v128.store(dst + c, acc);
  }
}

// Start of memory the module itself never uses; the host lays out its buffers from here.
export function heapBase(): usize {
  return __heap_base;
}
