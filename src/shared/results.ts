/** What training, evaluation and the model store report back, shared by both threads (see api.ts). */
import type { BundledSet, PixelImage, SampleSplit } from './data';
import type { BackendName, Calibration, ClassIndices, Preprocess, TrainSettings } from './settings';

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

/** A prediction of the app's worker, with the 24x24 image the model actually saw (RGBA, transferred). */
export interface ShownPrediction extends Prediction {
  input: PixelImage;
}

export interface SkippedBackend {
  backend: BackendName;
  reason: string;
}

export interface BackendReport {
  active: BackendName;
  /** The measurements behind an 'auto' choice, when there are any. */
  calibration?: Calibration;
  /** Adapter or renderer description, e.g. "SwiftShader (fallback adapter)". */
  device: string;
  skipped: SkippedBackend[];
  /**
   * Threads the WebAssembly path trains on here when nothing limits it (TrainSettings.threads can
   * lower it): every core where memory can be shared, else 1. Set when that path is active.
   */
  threads?: number;
  /** Whether the worker can share memory between threads (cross-origin isolated; always in Node). */
  isolated?: boolean;
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

/** What a model was trained and tested on, recorded by the app (absent on imported and older models). */
export interface TrainingDataInfo {
  train: number;
  test: number;
  /** How many of those images are the person's own samples. */
  own: number;
  /** The bundled set that joined in, or null when only the person's samples were used. */
  bundled: BundledSet | null;
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
  /** What every image goes through before the model (absent on older models: the plain resize). */
  preprocess?: Preprocess;
  data?: TrainingDataInfo;
  /** Accuracy on the bundled hard split (small, turned, thick or thin drawings), when it was scored. */
  hardAccuracy?: number;
}

export type TrainEvent =
  | { type: 'backend'; report: BackendReport }
  | { type: 'batch'; progress: BatchProgress }
  | { type: 'epoch'; log: EpochLog };

export interface SavedModelInfo {
  id: string;
  /** The name the user gave it, or '' (the app then shows its classes, date and accuracy). */
  name: string;
  metadata: ModelMetadata;
  summary: ModelSummary;
  /**
   * The test images it got wrong when it was trained on this device (not exported: they name this
   * device's samples); absent for an imported model.
   */
  mistakes?: Mistake[];
}

/**
 * A run that did not finish: stopped by the person, or interrupted (the page closed or the worker
 * stopped) after a checkpoint. Its model is kept aside until the person keeps or discards it: it
 * never replaces the model in use on its own.
 */
export interface PendingRun {
  reason: 'stopped' | 'interrupted';
  /** The last epoch it completed, of the epochs it was to run. */
  epoch: number;
  epochs: number;
  date: string;
  history: EpochLog[];
  /** The test split's evaluation when it was stopped (an interrupted run is scored when kept). */
  evaluation?: Evaluation;
}

export interface TrainResult {
  stopped: boolean;
  history: EpochLog[];
  /** The test split's evaluation with the images it got wrong; absent without test images. */
  evaluation?: EvaluationReport;
  /** A stopped run's model, waiting for the person to keep or discard it. */
  pending?: PendingRun;
  /** The model now saved on the device, or null when the run was stopped before its first epoch. */
  saved: SavedModelInfo | null;
}

/**
 * Where a test image comes from: the tutorial-sized set (a URL under DATASET_ROOT), a tile of the
 * starter set's atlas for a split (STARTER_ROOT), or the user's samples.
 */
export type ImageSource =
  | { kind: 'bundled'; path: string }
  | { kind: 'starter'; split: SampleSplit; tile: number }
  | { kind: 'sample'; id: string };

/** A test image the model got wrong, with what it predicted. */
export interface Mistake {
  source: ImageSource;
  /** Its file name, as the person knows it (absent in mistakes stored by earlier versions). */
  name?: string;
  truth: string;
  predicted: string;
  probabilities: number[];
}

export interface EvaluationReport extends Evaluation {
  mistakes: Mistake[];
}

export interface ModelList {
  models: SavedModelInfo[];
  /** The model the app predicts with, or null. */
  current: string | null;
}
