/**
 * The one module both threads import: the training worker's API and the plain data that crosses
 * the Comlink boundary. Types and constants only, so the page bundle never pulls in engine code.
 */

/** Training paths, fastest-first is decided by calibration; this is the order of preference. */
export const BACKENDS = ['webgpu', 'webgl', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendChoice = BackendName | 'auto';

/** Keras `class_indices`: class name → output index, names sorted. */
export type ClassIndices = Record<string, number>;

export interface TrainSettings {
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  backend: BackendChoice;
}

/** The tutorial's settings: 50 epochs, batch 3, adam 1e-3, seed 3. */
export const DEFAULT_SETTINGS: TrainSettings = {
  epochs: 50,
  batchSize: 3,
  learningRate: 0.001,
  seed: 3,
  backend: 'auto',
};

export const INPUT_SIZE: readonly [number, number] = [24, 24];

/** Keras-style per-epoch log (`metrics: ['accuracy']` logs as acc / val_acc). */
export interface EpochLog {
  epoch: number;
  epochs: number;
  loss: number;
  acc: number;
  valLoss?: number;
  valAcc?: number;
  seconds: number;
}

export interface BatchProgress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
}

export interface Evaluation {
  loss: number;
  accuracy: number;
  classIndices: ClassIndices;
  /** Accuracy per class name; NaN-free: a class with no samples is left out. */
  perClass: Record<string, number>;
  /** confusion[true][predicted], indexed by class index. */
  confusion: number[][];
  count: number;
}

export interface Prediction {
  probabilities: number[];
  label: string;
}

export interface SkippedBackend {
  backend: BackendName;
  reason: string;
}

export interface BackendReport {
  active: BackendName;
  /** Adapter or renderer description, e.g. "SwiftShader (fallback adapter)". */
  device: string;
  skipped: SkippedBackend[];
}

export interface LayerSummary {
  name: string;
  type: string;
  outputShape: (number | null)[];
  params: number;
}

export interface ModelSummary {
  layers: LayerSummary[];
  totalParams: number;
  trainableParams: number;
}

/** What is stored beside a saved model. */
export interface ModelMetadata {
  classNames: string[];
  inputSize: [number, number];
  backend: BackendName;
  date: string;
  settings: TrainSettings;
  history: EpochLog[];
  evaluation?: Evaluation;
}
