// Shapes of the tutorial CNN and the fixed layout of every buffer in wasm memory.
// Everything is sized once for maxBatch images so training steps never allocate or grow memory.

export interface CnnDims {
  h: number;
  w: number;
  c: number;
  /** conv1 output (relu) */ h1: number;
  w1: number;
  c1: number;
  /** conv2 output (relu) */ h2: number;
  w2: number;
  c2: number;
  /** max-pool output, flattened to `flat` */ h3: number;
  w3: number;
  flat: number;
  dense: number;
  classes: number;
}

/** Filter and unit counts fixed by the tutorial's architecture (the kernels rely on them being multiples of 16). */
export const CONV1_FILTERS = 32;
export const CONV2_FILTERS = 64;
export const DENSE_UNITS = 128;

export function cnnDims(inputShape: readonly [number, number, number], classes: number): CnnDims {
  const [h, w, c] = inputShape;
  if (!(h >= 6 && w >= 6 && c >= 1) || ![h, w, c].every(Number.isInteger)) {
    throw new Error(`FastCnn: input shape ${inputShape.join('x')} is too small for two 3x3 convs and a 2x2 pool`);
  }
  if (!Number.isInteger(classes) || classes < 2) throw new Error(`FastCnn: classes must be an integer >= 2`);
  const h3 = (h - 4) >> 1,
    w3 = (w - 4) >> 1;
  return {
    h,
    w,
    c,
    h1: h - 2,
    w1: w - 2,
    c1: CONV1_FILTERS,
    h2: h - 4,
    w2: w - 4,
    c2: CONV2_FILTERS,
    h3,
    w3,
    flat: h3 * w3 * CONV2_FILTERS,
    dense: DENSE_UNITS,
    classes,
  };
}

/** tfjs weight shapes in model.getWeights() order. */
export function tfjsWeightShapes(d: CnnDims): number[][] {
  return [
    [3, 3, d.c, d.c1],
    [d.c1],
    [3, 3, d.c1, d.c2],
    [d.c2],
    [d.flat, d.dense],
    [d.dense],
    [d.dense, d.classes],
    [d.classes],
  ];
}

/** Each weight's index in tfjs's `model.getWeights()` order, which every buffer list follows. */
export const WEIGHT = {
  conv1Kernel: 0,
  conv1Bias: 1,
  conv2Kernel: 2,
  conv2Bias: 3,
  /** Its gradient is fused into its Adam update: it has no gradient buffer. */
  dense1Kernel: 4,
  dense1Bias: 5,
  dense2Kernel: 6,
  dense2Bias: 7,
} as const;

const pad16 = (n: number): number => Math.ceil(n / 16) * 16;

export interface MemoryPlan {
  dims: CnnDims;
  maxBatch: number;
  /** Byte address of each weight (tfjs order) inside the parameter block. */
  param: number[];
  /** Byte address of each weight's gradient; the dense1 kernel has none (-1). */
  grad: number[];
  /** Byte distance from a parameter to its Adam first / second moment. */
  mOffset: number;
  vOffset: number;
  /** The parameters updated by the generic Adam kernel: one contiguous run. */
  smallParams: number;
  smallFloats: number;
  smallGrads: number;
  w1p: number;
  w2p: number;
  /** conv2's filters transformed for winogradConvForward, [16][c2/16][c1][16]. */
  wino: number;
  /** Every thread's scratch for winogradConvForward (winogradScratchFloats each). */
  winoScratch: number;
  x: number;
  labels: number;
  a1: number;
  a2: number;
  pooled: number;
  arg: number;
  h: number;
  probs: number;
  dz: number;
  dh: number;
  dflat: number;
  dA1: number;
  chanLists: number;
  chanCounts: number;
  chanCap: number;
  pixLists: number;
  pixRecordWords: number;
  /** First byte after the plan; training data goes here. */
  end: number;
}

/** Floats of one thread's scratch in winogradConvForward: 16 positions x 12 tiles x (c1 + c2). */
export const winogradScratchFloats = (d: CnnDims): number => 16 * 12 * (d.c1 + d.c2);

/**
 * Lays out all buffers from `base` (64-byte aligned, every buffer a multiple of 64 bytes), with
 * scratch for `threads` threads.
 */
export function planMemory(dims: CnnDims, maxBatch: number, base: number, threads = 1): MemoryPlan {
  let next = Math.ceil(base / 64) * 64;
  const take = (floats: number): number => {
    const at = next;
    next += pad16(floats) * 4;
    return at;
  };
  const shapes = tfjsWeightShapes(dims);
  const sizes = shapes.map((s) => s.reduce((a, b) => a * b, 1));
  // Parameter block: dense1 kernel first, then the rest contiguously for the generic Adam pass.
  const order = [WEIGHT.dense1Kernel, ...Object.values(WEIGHT).filter((i) => i !== WEIGHT.dense1Kernel)];
  const relative: number[] = new Array<number>(sizes.length).fill(0);
  let blockFloats = 0;
  for (const i of order) {
    relative[i] = blockFloats * 4;
    blockFloats += pad16(sizes[i]!);
  }
  const params = take(blockFloats);
  const smallStart = relative[WEIGHT.conv1Kernel]!;
  const smallFloats = blockFloats - smallStart / 4;
  const smallGrads = take(smallFloats);
  const m = take(blockFloats);
  const v = take(blockFloats);
  const B = maxBatch;
  const pooledPositions = dims.h3 * dims.w3;
  const pixRecordWords = 4 + 2 * dims.c2;
  return {
    dims,
    maxBatch,
    param: relative.map((r) => params + r),
    grad: relative.map((r, i) => (i === WEIGHT.dense1Kernel ? -1 : smallGrads + r - smallStart)),
    mOffset: m - params,
    vOffset: v - params,
    smallParams: params + smallStart,
    smallFloats,
    smallGrads,
    w1p: take(9 * dims.c * dims.c1),
    w2p: take(9 * dims.c1 * dims.c2),
    wino: take(16 * dims.c1 * dims.c2),
    winoScratch: take(threads * winogradScratchFloats(dims)),
    x: take(B * dims.h * dims.w * dims.c),
    labels: take(B),
    a1: take(B * dims.h1 * dims.w1 * dims.c1),
    a2: take(B * dims.h2 * dims.w2 * dims.c2),
    pooled: take(B * dims.flat),
    arg: take(B * dims.flat),
    h: take(B * dims.dense),
    probs: take(B * dims.classes),
    dz: take(B * dims.classes),
    dh: take(B * dims.dense),
    dflat: take(B * dims.flat),
    dA1: take(B * dims.h1 * dims.w1 * dims.c1),
    chanLists: take(2 * dims.c2 * B * pooledPositions),
    chanCounts: take(dims.c2),
    chanCap: B * pooledPositions,
    pixLists: take(B * pooledPositions * pixRecordWords),
    pixRecordWords,
    end: next,
  };
}
