// Loads the WebAssembly SIMD kernels (built from ./assembly by `npm run build:wasm`).
// Takes a compiled module or the raw bytes so each platform fetches the file its own way:
// Node reads it from disk (../node/fast-wasm-file.ts), a worker fetches its bundled URL.

export type WasmSource = WebAssembly.Module | BufferSource;

/**
 * The module's exports; pointers are byte addresses into `memory`, flags are 0/1. A kernel ending
 * in (part, parts) computes thread `part`'s share of its output; (0, 1) computes all of it.
 */
export interface FastKernels {
  memory: WebAssembly.Memory;
  heapBase(): number;
  packConvWeights(
    src: number,
    K: number,
    OC: number,
    kStride: number,
    nStride: number,
    dst: number,
    part: number,
    parts: number,
  ): void;
  convForward(
    x: number,
    B: number,
    H: number,
    W: number,
    C: number,
    wp: number,
    bias: number,
    y: number,
    OC: number,
    part: number,
    parts: number,
  ): void;
  winogradConvForward(
    x: number,
    B: number,
    H: number,
    W: number,
    C: number,
    u: number,
    bias: number,
    y: number,
    OC: number,
    scratch: number,
    part: number,
    parts: number,
  ): void;
  maxPoolForward(
    a: number,
    B: number,
    H: number,
    W: number,
    C: number,
    out: number,
    arg: number,
    part: number,
    parts: number,
  ): void;
  poolBackward(
    dflat: number,
    pooled: number,
    arg: number,
    B: number,
    H: number,
    W: number,
    C: number,
    a1: number,
    inC: number,
    wt: number,
    chanLists: number,
    chanCounts: number,
    cap: number,
    pixLists: number,
    biasGrad: number,
    part: number,
    parts: number,
  ): void;
  convPoolBackpropFilter(
    chanLists: number,
    chanCounts: number,
    cap: number,
    OC: number,
    W: number,
    C: number,
    dWt: number,
    part: number,
    parts: number,
  ): void;
  /** Also applies the ReLU mask of `act` (conv2's input) to the gradient it writes. */
  convPoolBackpropInput(
    pixLists: number,
    recordWords: number,
    B: number,
    H: number,
    W: number,
    C: number,
    act: number,
    dx: number,
    part: number,
    parts: number,
  ): void;
  convBackpropFilter(
    x: number,
    B: number,
    H: number,
    W: number,
    C: number,
    dy: number,
    OC: number,
    dw: number,
    part: number,
    parts: number,
  ): void;
  denseForward(
    x: number,
    B: number,
    K: number,
    w: number,
    bias: number,
    N: number,
    y: number,
    relu: number,
    part: number,
    parts: number,
  ): void;
  denseBackwardAdam(
    x: number,
    B: number,
    K: number,
    dy: number,
    N: number,
    w: number,
    m: number,
    v: number,
    dx: number,
    part: number,
    parts: number,
  ): void;
  headForward(h: number, B: number, D: number, w: number, bias: number, N: number, probs: number): void;
  softmaxCrossEntropy(probs: number, labels: number, B: number, N: number, lo: number, hi: number, dz: number): number;
  headBackward(
    h: number,
    dz: number,
    B: number,
    D: number,
    w: number,
    N: number,
    gW: number,
    gBias: number,
    dh: number,
  ): void;
  /** Stores the step's constants in linear memory, where every thread's instance reads them. */
  setAdamStep(
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    oneMinusAccBeta1: number,
    oneMinusAccBeta2: number,
    epsilon: number,
    negLearningRate: number,
  ): void;
  adam(w: number, g: number, m: number, v: number, count: number, part: number, parts: number): void;
  columnSums(src: number, rows: number, cols: number, dst: number, part: number, parts: number): void;
}

/**
 * Instantiates the kernels. The single-thread build owns its memory; the threaded builds import a
 * shared `memory`, the same for every thread's instance.
 */
export async function instantiateFastKernels(source: WasmSource, memory?: WebAssembly.Memory): Promise<FastKernels> {
  // AssemblyScript's abort is compiled out (`use: abort=`): the memory is the only possible import.
  const imports: WebAssembly.Imports = memory ? { env: { memory } } : {};
  const instance =
    source instanceof WebAssembly.Module
      ? await WebAssembly.instantiate(source, imports)
      : (await WebAssembly.instantiate(source, imports)).instance;
  return instance.exports as unknown as FastKernels;
}
