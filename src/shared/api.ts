/**
 * The one module both threads import: the training worker's API and the plain data that crosses
 * the Comlink boundary. Types and constants only, so the page bundle never pulls in engine code.
 */

/**
 * Training paths: three TensorFlow.js backends and our WebAssembly SIMD kernels on the CPU.
 * 'auto' trains on the fastest path a calibration found to train correctly on this device.
 */
export const BACKENDS = ['webgpu', 'webgl', 'wasm-simd', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendChoice = BackendName | 'auto';

/** One path's calibration: a few identical training steps, timed and checked against a reference. */
export interface CalibrationResult {
  backend: BackendName;
  ok: boolean;
  /** Median milliseconds per training step of the tutorial's batch size, after a warm-up step. */
  msPerStep?: number;
  device?: string;
  /** Why the path cannot be used (did not start, or its loss disagrees with the reference). */
  reason?: string;
}

export interface Calibration {
  date: string;
  results: CalibrationResult[];
  /** The fastest path that trains correctly: what 'auto' uses until the next calibration. */
  chosen: BackendName;
}

/** Keras `class_indices`: class name → output index, names sorted. */
export type ClassIndices = Record<string, number>;

/** Keras `ImageDataGenerator` options that matter for drawings; ranges are ± around zero. */
export interface AugmentOptions {
  /** Degrees. */
  rotationRange: number;
  /** A fraction of the width (< 1) or pixels (≥ 1), as in Keras. */
  widthShiftRange: number;
  heightShiftRange: number;
  /** Degrees, counter-clockwise. */
  shearRange: number;
  /** Zoom factors are drawn from [1 - zoomRange, 1 + zoomRange]; above 1 shrinks the drawing. */
  zoomRange: number;
  horizontalFlip: boolean;
  verticalFlip: boolean;
  fillMode: 'constant' | 'nearest' | 'reflect' | 'wrap';
  /** The fill value for 'constant', in 0–255 (255 is white paper). */
  cval: number;
}

export const NO_AUGMENTATION: AugmentOptions = {
  rotationRange: 0,
  widthShiftRange: 0,
  heightShiftRange: 0,
  shearRange: 0,
  zoomRange: 0,
  horizontalFlip: false,
  verticalFlip: false,
  fillMode: 'constant',
  cval: 255,
};

export interface TrainSettings {
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  backend: BackendChoice;
  /** On-the-fly augmentation of each training batch; validation images are never augmented. */
  augment?: AugmentOptions;
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
  /** The measurements behind an 'auto' choice, when there are any. */
  calibration?: Calibration;
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

/** The bundled dataset's `index.json`: a browser cannot list a folder. Paths are relative to it. */
export type SplitName = 'train' | 'test' | 'hard';
export interface DatasetIndex {
  version: 1;
  imageSize: [number, number];
  classes: string[];
  splits: Record<SplitName, Record<string, string[]>>;
}

/** Where the bundled dataset is served, relative to the app's base URL. */
export const DATASET_ROOT = 'data/shapes/';

export type TrainEvent =
  | { type: 'backend'; report: BackendReport }
  | { type: 'batch'; progress: BatchProgress }
  | { type: 'epoch'; log: EpochLog };

export interface SavedModelInfo {
  metadata: ModelMetadata;
  summary: ModelSummary;
}

export interface TrainResult {
  stopped: boolean;
  history: EpochLog[];
  evaluation?: Evaluation;
  /** The model now saved on the device, or null when the run was stopped before its first epoch. */
  saved: SavedModelInfo | null;
}

/** An encoded PNG or JPEG file; its buffer is transferred to the worker, not copied. */
export interface EncodedImage {
  kind: 'encoded';
  name: string;
  bytes: ArrayBuffer;
}

/** Raw RGBA pixels, e.g. from the drawing canvas; the buffer is transferred. */
export interface PixelImage {
  kind: 'pixels';
  name: string;
  width: number;
  height: number;
  rgba: ArrayBuffer;
}

export type ImageInput = EncodedImage | PixelImage;

/**
 * The training worker's API, exposed with Comlink. The page imports only this type and
 * `Comlink.wrap`s the worker; callbacks cross as `Comlink.proxy`, image buffers as transferables.
 */
export interface OpenResult {
  dataset: DatasetIndex;
  /** The model saved on this device, already loaded so the app can predict at once; null if none. */
  saved: SavedModelInfo | null;
}

export interface ShapesApi {
  /**
   * The first call: `appUrl` is the page's base URL (the bundled dataset sits under it). Reads the
   * dataset index through the service worker's cache and loads the saved model, in one round trip.
   */
  open(appUrl: string): Promise<OpenResult>;
  /** Initialises (or switches to) a backend and reports what runs and why others were skipped. */
  useBackend(choice: BackendChoice): Promise<BackendReport>;
  /** Measures every path now (a few seconds) and remembers the fastest correct one for 'auto'. */
  calibrate(): Promise<Calibration>;
  /** The tutorial model's architecture (layers, output shapes, parameters) before any training. */
  describeModel(classes: number): Promise<ModelSummary>;
  /** Trains on the bundled train split, validating on test; saves the model when it has at least one epoch. */
  train(settings: TrainSettings, onEvent: (event: TrainEvent) => void): Promise<TrainResult>;
  /** Asks a running training to stop after the current batch. */
  stop(): Promise<void>;
  /** Scores the current model on a bundled split. */
  evaluate(split: SplitName): Promise<Evaluation>;
  /** Classifies images with the current model. */
  predict(images: ImageInput[]): Promise<Prediction[]>;
  /** Deletes the model saved on this device (the app has no model until the next training). */
  deleteSavedModel(): Promise<void>;
}
