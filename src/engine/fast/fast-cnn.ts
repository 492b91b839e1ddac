// FastCnn: trains the tutorial CNN with the WebAssembly SIMD kernels, matching tfjs-layers
// (cpu backend) semantics: same layers, categorical cross-entropy, tfjs Adam. Weights go in and
// out in tfjs order and layout, so a tfjs model can be initialised from and updated with them.

import { AdamSchedule, type AdamConfig } from './adam-schedule';
import { checkBatch, checkImages, checkLabels, countCorrect, imageFloats } from './checks';
import type { FastKernels, WasmSource } from './kernels';
import type { MemoryPlan } from './layout';
import { backwardAndUpdate, CLIP_HI, CLIP_LO, forward } from './passes';
import { reserve, setUp, type ThreadedKernels } from './setup';
import type { Team } from './team';
import { readWeights, writeWeights } from './weights';
import { transformConv2Filters } from './winograd';

export interface FastCnnOptions extends AdamConfig {
  /** The compiled kernels (fast-kernels.wasm) as a module or its bytes. */
  wasm: WasmSource;
  inputShape: readonly [number, number, number];
  classes: number;
  /** Initial weights in tfjs model.getWeights() order and layout. */
  weights: readonly Float32Array[];
  /** Largest batch trainBatch accepts; predict/evaluate work in chunks of it. Default 32. */
  maxBatch?: number;
  /** Threads that compute every step together (default 1: `wasm` alone, on this thread). */
  threads?: number;
  /** The threaded kernels and how to start helper threads; required for more than one thread. */
  threaded?: ThreadedKernels;
  /** If given (one thread only), receives the accumulated milliseconds spent in each kernel. */
  profile?: Map<string, number>;
}

export interface EvaluateResult {
  loss: number;
  correct: number;
  probabilities: Float32Array;
}

export class FastCnn {
  private data = { at: 0, images: 0 };
  /** Whether plan.wino holds the current conv2 filters, transformed (see forward). */
  private transformed = false;
  private labels = new Int32Array(0);
  private disposed = false;

  private constructor(
    private readonly k: FastKernels,
    private readonly plan: MemoryPlan,
    private readonly team: Team,
    private readonly adam: AdamSchedule,
  ) {}

  static async create(options: FastCnnOptions): Promise<FastCnn> {
    const maxBatch = options.maxBatch ?? 32;
    if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new Error('FastCnn: maxBatch must be a positive integer');
    const { k, plan, team } = await setUp({ ...options, maxBatch, threads: options.threads ?? 1 });
    try {
      writeWeights(k.memory.buffer, plan, options.weights);
    } catch (error) {
      team.dispose();
      throw error;
    }
    return new FastCnn(k, plan, team, new AdamSchedule(options));
  }

  /** Threads computing each step (1 when it runs on the caller's thread alone). */
  get threads(): number {
    return this.team.threads;
  }

  /** Current size of the wasm memory in bytes (constant across training steps). */
  get memoryBytes(): number {
    return this.k.memory.buffer.byteLength;
  }

  /** Copies the training set into wasm memory: x is N*h*w*c floats, labels N class indices. */
  setTrainingData(x: Float32Array, labels: Int32Array): void {
    this.live();
    const n = labels.length;
    checkImages(this.plan, x, n);
    checkLabels(this.plan, labels);
    reserve(this.k.memory, this.plan.end + x.byteLength);
    new Float32Array(this.k.memory.buffer, this.plan.end, x.length).set(x);
    this.data = { at: this.plan.end, images: n };
    this.labels = labels.slice();
  }

  /** One Adam step on the given training rows; returns their mean loss and correct count before the step. */
  trainBatch(indices: Int32Array | readonly number[]): { loss: number; correct: number } {
    this.live();
    const { plan } = this;
    const B = checkBatch(plan, indices.length);
    const size = imageFloats(plan);
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
    const B = checkBatch(this.plan, labels.length);
    checkImages(this.plan, x, B);
    checkLabels(this.plan, labels);
    new Float32Array(this.k.memory.buffer, this.plan.x, x.length).set(x);
    new Int32Array(this.k.memory.buffer, this.plan.labels, B).set(labels);
    return this.step(B);
  }

  /** Forward, loss, backward and Adam on the B images and labels already in the batch buffers. */
  private step(B: number): { loss: number; correct: number } {
    const { plan } = this;
    forward(this.k, plan, B, this.team);
    const loss = this.k.softmaxCrossEntropy(plan.probs, plan.labels, B, plan.dims.classes, CLIP_LO, CLIP_HI, plan.dz);
    const correct = countCorrect(this.k.memory.buffer, plan, B);
    this.adam.load(this.k);
    backwardAndUpdate(this.k, plan, B, this.team);
    this.transformed = false;
    this.adam.advance();
    return { loss: Math.fround(loss), correct };
  }

  /** Class probabilities (n*classes) for n images. */
  predict(x: Float32Array, n: number): Float32Array {
    return this.run(x, n, null).probabilities;
  }

  /** Mean loss, correct count and probabilities over labelled images. */
  evaluate(x: Float32Array, labels: Int32Array): EvaluateResult {
    checkLabels(this.plan, labels);
    return this.run(x, labels.length, labels);
  }

  /** Copies of the current weights in tfjs order and layout. */
  getWeights(): Float32Array[] {
    this.live();
    return readWeights(this.k.memory.buffer, this.plan);
  }

  /** Stops its helper threads; its memory is released with the last reference. */
  dispose(): void {
    if (!this.disposed) this.team.dispose();
    this.disposed = true;
    this.labels = new Int32Array(0);
  }

  private run(x: Float32Array, n: number, labels: Int32Array | null): EvaluateResult {
    this.live();
    const { plan } = this;
    checkImages(plan, x, n);
    const N = plan.dims.classes;
    const size = imageFloats(plan);
    const probabilities = new Float32Array(n * N);
    let lossSum = 0;
    let correct = 0;
    if (!this.transformed) transformConv2Filters(this.k.memory.buffer, plan);
    this.transformed = true;
    for (let start = 0; start < n; start += plan.maxBatch) {
      const B = Math.min(plan.maxBatch, n - start);
      const buffer = this.k.memory.buffer;
      new Float32Array(buffer, plan.x, B * size).set(x.subarray(start * size, (start + B) * size));
      forward(this.k, plan, B, this.team, true);
      probabilities.set(new Float32Array(buffer, plan.probs, B * N), start * N);
      if (labels) {
        new Int32Array(buffer, plan.labels, B).set(labels.subarray(start, start + B));
        lossSum += B * this.k.softmaxCrossEntropy(plan.probs, plan.labels, B, N, CLIP_LO, CLIP_HI, plan.dz);
        correct += countCorrect(buffer, plan, B);
      }
    }
    return { loss: n > 0 ? Math.fround(lossSum / n) : 0, correct, probabilities };
  }

  private live(): void {
    if (this.disposed) throw new Error('FastCnn: used after dispose()');
  }
}
