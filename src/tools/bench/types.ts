// The records every part of the bench produces; report.ts turns them into the table and targets.
import type { MainThreadStats } from './main-thread-probe';

/** A row's name: the backend, and for the fast path the threads it trained on. */
export const pathLabel = (backend: string, threads: number): string =>
  backend === 'wasm-simd' ? `wasm-simd, ${threads} thread${threads === 1 ? '' : 's'}` : backend;

/** Where a training path runs. */
export type Runtime = 'chromium worker' | 'node' | 'pytorch';

export interface MemorySample {
  epoch: number;
  /** tf.memory() in the training thread. */
  numTensors: number;
  numBytes: number;
  /** WebAssembly memory of the fast kernels (0 on tfjs paths). */
  wasmBytes: number;
}

/** One training run of one path. */
export interface TrainRun {
  path: string;
  runtime: Runtime;
  /** Epoch seconds as the trainer logged them (EpochLog.seconds: steps + validation). */
  seconds: number[];
  /** Train and validation loss of the last epoch run, and test accuracy after it. */
  loss: number;
  valLoss?: number;
  testAccuracy: number;
  /** Whole training call, including backend start, dataset decode, evaluation and saving. */
  wallSeconds: number;
  peakMemoryBytes: number;
  memory: MemorySample[];
  device?: string;
  mainThread?: MainThreadStats;
}

/** A path's runs summarised; `projected` when fewer than the tutorial's epochs were run. */
export interface PathSummary {
  path: string;
  runtime: Runtime;
  device?: string;
  runs: number;
  epochsRun: number;
  medianEpochSeconds: number;
  firstEpochSeconds: number;
  totalSeconds: number;
  projected: boolean;
  ratioToPytorch?: number;
  stepsPerSecond: number;
  peakMemoryMiB: number;
  memoryNote: string;
  loss: number;
  testAccuracy: number;
}
