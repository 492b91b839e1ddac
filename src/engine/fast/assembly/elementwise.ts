// Small vectorised helpers; counts and column counts are multiples of 4.

// d = act > 0 ? d : 0 (ReLU backward using the ReLU's output, which is > 0 exactly where its input is).
export function reluBackward(d: usize, act: usize, count: i32): void {
  const bytes = (<usize>count) << 2;
  const zero = f32x4.splat(0);
  for (let o: usize = 0; o < bytes; o += 16) {
    v128.store(d + o, v128.and(v128.load(d + o), f32x4.gt(v128.load(act + o), zero)));
  }
}

// dst[c] = sum over rows of src[r][c] (bias gradients).
export function columnSums(src: usize, rows: i32, cols: i32, dst: usize): void {
  const rowBytes = (<usize>cols) << 2;
  for (let c: usize = 0; c < rowBytes; c += 16) {
    let acc = f32x4.splat(0);
    for (let r = 0; r < rows; r++) acc = f32x4.add(acc, v128.load(src + <usize>r * rowBytes + c));
    v128.store(dst + c, acc);
  }
}

// Start of memory the module itself never uses; the host lays out its buffers from here.
export function heapBase(): usize {
  return __heap_base;
}
