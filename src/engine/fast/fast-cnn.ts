// FastCnn: trains the tutorial CNN with the WebAssembly SIMD kernels, matching tfjs-layers
// (cpu backend) semantics: same layers, categorical cross-entropy, tfjs Adam. Weights go in and
// out in tfjs order and layout, so a tfjs model can be initialised from and updated with them.

import { AdamSchedule, type AdamConfig } from './adam-schedule';
import { instantiateFastKernels, type FastKernels, type WasmSource } from './kernels';
import { cnnDims, planMemory, type MemoryPlan } from './layout';
import { backwardAndUpdate, CLIP_HI, CLIP_LO, forward } from './passes';
import { profileKernels } from './profile';
import { readWeights, writeWeights } from './weights';

export interface FastCnnOptions extends AdamConfig {
  /** The compiled kernels (fast-kernels.wasm) as a module or its bytes. */
  wasm: WasmSource;
  inputShape: readonly [number, number, number];
  classes: number;
  /** Initial weights in tfjs model.getWeights() order and layout. */
  weights: readonly Float32Array[];
  /** Largest batch trainBatch accepts; predict/evaluate work in chunks of it. Default 32. */
  maxBatch?: number;
  /** If given, receives the accumulated milliseconds spent in each kernel. */
  profile?: Map<string, number>;
}

export interface EvaluateResult {
  loss: number;
  correct: number;
  probabilities: Float32Array;
}

const PAGE = 65536;

export class FastCnn {
  private data = { at: 0, images: 0 };
  private labels = new Int32Array(0);
  private disposed = false;

  private constructor(
    private readonly k: FastKernels,
    private readonly plan: MemoryPlan,
    private readonly adam: AdamSchedule,
  ) {}

  static async create(options: FastCnnOptions): Promise<FastCnn> {
    const raw = await instantiateFastKernels(options.wasm);
    const k = options.profile ? profileKernels(raw, options.profile) : raw;
    const maxBatch = options.maxBatch ?? 32;
    if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new Error('FastCnn: maxBatch must be a positive integer');
    const plan = planMemory(cnnDims(options.inputShape, options.classes), maxBatch, k.heapBase());
    const cnn = new FastCnn(k, plan, new AdamSchedule(options));
    cnn.reserve(plan.end);
    writeWeights(k.memory.buffer, plan, options.weights);
    return cnn;
  }

  /** Current size of the wasm memory in bytes (constant across training steps). */
  get memoryBytes(): number {
    return this.k.memory.buffer.byteLength;
  }

  /** Copies the training set into wasm memory: x is N*h*w*c floats, labels N class indices. */
  setTrainingData(x: Float32Array, labels: Int32Array): void {
    this.live();
    const n = labels.length;
    this.checkImages(x, n);
    for (const label of labels) this.checkLabel(label);
    this.reserve(this.plan.end + x.byteLength);
    new Float32Array(this.k.memory.buffer, this.plan.end, x.length).set(x);
    this.data = { at: this.plan.end, images: n };
    this.labels = labels.slice();
  }

  /** One Adam step on the given training rows; returns their mean loss and correct count before the step. */
  trainBatch(indices: Int32Array | readonly number[]): { loss: number; correct: number } {
    this.live();
    const B = this.checkBatch(indices.length);
    const { plan } = this;
    const size = this.imageFloats();
    const mem = new Float32Array(this.k.memory.buffer);
    const labels = new Int32Array(this.k.memory.buffer, plan.labels, B);
    for (let b = 0; b < B; b++) {
      const i = indices[b]!;
      if (!Number.isInteger(i) || i < 0 || i >= this.data.images)
        throw new Error(`FastCnn: sample index ${i} out of range`);
      const from = this.data.at / 4 + i * size;
      mem.copyWithin(plan.x / 4 + b * size, from, from + size);
      labels[b] = this.labels[i]!;
    }
    return this.step(B);
  }

  /** One Adam step on images given directly (e.g. an augmented batch), x is B*h*w*c floats. */
  trainOnImages(x: Float32Array, labels: Int32Array): { loss: number; correct: number } {
    this.live();
    const B = this.checkBatch(labels.length);
    this.checkImages(x, B);
    for (const label of labels) this.checkLabel(label);
    new Float32Array(this.k.memory.buffer, this.plan.x, x.length).set(x);
    new Int32Array(this.k.memory.buffer, this.plan.labels, B).set(labels);
    return this.step(B);
  }

  /** Forward, loss, backward and Adam on the B images and labels already in the batch buffers. */
  private step(B: number): { loss: number; correct: number } {
    const { plan } = this;
    forward(this.k, plan, B);
    const loss = this.k.softmaxCrossEntropy(plan.probs, plan.labels, B, plan.dims.classes, CLIP_LO, CLIP_HI, plan.dz);
    const correct = this.countCorrect(B);
    this.adam.load(this.k);
    backwardAndUpdate(this.k, plan, B);
    this.adam.advance();
    return { loss: Math.fround(loss), correct };
  }

  private checkBatch(B: number): number {
    if (B < 1 || B > this.plan.maxBatch) throw new Error(`FastCnn: batch of ${B} not in 1..${this.plan.maxBatch}`);
    return B;
  }

  /** Class probabilities (n*classes) for n images. */
  predict(x: Float32Array, n: number): Float32Array {
    return this.run(x, n, null).probabilities;
  }

  /** Mean loss, correct count and probabilities over labelled images. */
  evaluate(x: Float32Array, labels: Int32Array): EvaluateResult {
    for (const label of labels) this.checkLabel(label);
    return this.run(x, labels.length, labels);
  }

  /** Copies of the current weights in tfjs order and layout. */
  getWeights(): Float32Array[] {
    this.live();
    return readWeights(this.k.memory.buffer, this.plan);
  }

  /** Drops the instance; its memory is released with the last reference. */
  dispose(): void {
    this.disposed = true;
    this.labels = new Int32Array(0);
  }

  private run(x: Float32Array, n: number, labels: Int32Array | null): EvaluateResult {
    this.live();
    this.checkImages(x, n);
    const { plan } = this;
    const N = plan.dims.classes;
    const size = this.imageFloats();
    const probabilities = new Float32Array(n * N);
    let lossSum = 0;
    let correct = 0;
    for (let start = 0; start < n; start += plan.maxBatch) {
      const B = Math.min(plan.maxBatch, n - start);
      const buffer = this.k.memory.buffer;
      new Float32Array(buffer, plan.x, B * size).set(x.subarray(start * size, (start + B) * size));
      forward(this.k, plan, B);
      probabilities.set(new Float32Array(buffer, plan.probs, B * N), start * N);
      if (labels) {
        new Int32Array(buffer, plan.labels, B).set(labels.subarray(start, start + B));
        lossSum += B * this.k.softmaxCrossEntropy(plan.probs, plan.labels, B, N, CLIP_LO, CLIP_HI, plan.dz);
        correct += this.countCorrect(B);
      }
    }
    return { loss: n > 0 ? Math.fround(lossSum / n) : 0, correct, probabilities };
  }

  /** Samples in the batch buffer whose first maximal probability is at their label (tfjs argMax). */
  private countCorrect(B: number): number {
    const N = this.plan.dims.classes;
    const probs = new Float32Array(this.k.memory.buffer, this.plan.probs, B * N);
    const labels = new Int32Array(this.k.memory.buffer, this.plan.labels, B);
    let correct = 0;
    for (let b = 0; b < B; b++) {
      let best = 0;
      for (let c = 1; c < N; c++) if (probs[b * N + c]! > probs[b * N + best]!) best = c;
      if (best === labels[b]) correct++;
    }
    return correct;
  }

  private imageFloats(): number {
    const d = this.plan.dims;
    return d.h * d.w * d.c;
  }

  private checkImages(x: Float32Array, n: number): void {
    if (!Number.isInteger(n) || n < 0 || x.length !== n * this.imageFloats()) {
      throw new Error(`FastCnn: expected ${n} images of ${this.imageFloats()} floats, got ${x.length} floats`);
    }
  }

  private checkLabel(label: number): void {
    if (!Number.isInteger(label) || label < 0 || label >= this.plan.dims.classes) {
      throw new Error(`FastCnn: label ${label} not in 0..${this.plan.dims.classes - 1}`);
    }
  }

  /** Grows wasm memory (never shrinks) so that `bytes` bytes are addressable. */
  private reserve(bytes: number): void {
    const have = this.k.memory.buffer.byteLength;
    if (bytes > have) this.k.memory.grow(Math.ceil((bytes - have) / PAGE));
  }

  private live(): void {
    if (this.disposed) throw new Error('FastCnn: used after dispose()');
  }
}
