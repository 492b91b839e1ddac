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

/** A user's own sample belongs to the training or the test set. */
export type SampleSplit = 'train' | 'test';

/** A sample of the user's own dataset, kept on the device (its image bytes are fetched separately). */
export interface SampleInfo {
  id: string;
  className: string;
  split: SampleSplit;
  /** File name, e.g. `circle001.png` or `drawing-2026-11-27T10-00-00.png`. */
  name: string;
  addedAt: string;
}

/** The user's dataset: their classes (even empty ones), their samples, and whether the bundled set joins in. */
export interface UserDataset {
  classes: string[];
  samples: SampleInfo[];
  includeBundled: boolean;
}

/** A new sample: a drawing (pixels) or a file (encoded), assigned to a class and a split. */
export interface NewSample {
  image: ImageInput;
  className: string;
  split: SampleSplit;
}

/** What an import would add, shown before anything is stored. */
export interface ImportSummary {
  /** Pass back to `commitImport` to store exactly what was summarised. */
  token: string;
  origin: string;
  layout: 'split' | 'classes';
  classNames: string[];
  /** Keras's "Found 45 images belonging to 3 classes." for each split. */
  found: Record<SampleSplit, string>;
  counts: Record<string, Record<SampleSplit, number>>;
}

/** Files of a picked or dropped folder (paths relative to it), or a .zip; buffers are transferred. */
export type ImportSource =
  | { kind: 'files'; name: string; files: { path: string; bytes: ArrayBuffer }[] }
  | { kind: 'zip'; name: string; bytes: ArrayBuffer };

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
  id: string;
  /** Shown in the model list; defaults to the training date. */
  name: string;
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

/** Where a test image comes from: the bundled set (a URL under DATASET_ROOT) or the user's samples. */
export type ImageSource = { kind: 'bundled'; path: string } | { kind: 'sample'; id: string };

/** A test image the model got wrong, with what it predicted. */
export interface Mistake {
  source: ImageSource;
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

/**
 * The training worker's API, exposed with Comlink. The page imports only this type and
 * `Comlink.wrap`s the worker; callbacks cross as `Comlink.proxy`, image buffers as transferables.
 */
export interface ShapesApi {
  /**
   * The first call: `appUrl` is the page's base URL (the bundled dataset sits under it). Reads the
   * dataset index through the service worker's cache and loads the current model, in one round trip.
   */
  open(appUrl: string): Promise<OpenResult>;

  /** Initialises (or switches to) a backend and reports what runs and why others were skipped. */
  useBackend(choice: BackendChoice): Promise<BackendReport>;
  /** Measures every path now (a few seconds) and remembers the fastest correct one for 'auto'. */
  calibrate(): Promise<Calibration>;

  /** The tutorial model's architecture (layers, output shapes, parameters) before any training. */
  describeModel(classes: number): Promise<ModelSummary>;
  /**
   * Trains on the user's samples plus, if included, the bundled starter set (train split),
   * validating on their test split; saves the model as the current one once it has an epoch.
   */
  train(settings: TrainSettings, onEvent: (event: TrainEvent) => void): Promise<TrainResult>;
  /** Asks a running training to stop after the current batch. */
  stop(): Promise<void>;
  /** Scores the current model on a split ('hard' is the bundled generalisation test). */
  evaluate(split: SplitName): Promise<EvaluationReport>;
  /** Classifies images with the current model. */
  predict(images: ImageInput[]): Promise<Prediction[]>;
  /** Augmented versions of training images, as 24x24 RGBA, for a preview grid. */
  previewAugmentation(options: AugmentOptions, count: number, seed: number): Promise<PixelImage[]>;

  /** The user's own dataset. */
  samples(): Promise<UserDataset>;
  /** A sample's encoded image (transferred). */
  sampleImage(id: string): Promise<EncodedImage>;
  addSamples(samples: NewSample[]): Promise<SampleInfo[]>;
  moveSamples(ids: string[], change: { className?: string; split?: SampleSplit }): Promise<void>;
  deleteSamples(ids: string[]): Promise<void>;
  addClass(name: string): Promise<void>;
  renameClass(from: string, to: string): Promise<void>;
  /** Removes a class and all of its samples. */
  removeClass(name: string): Promise<void>;
  includeBundled(include: boolean): Promise<void>;
  /** Reads and checks a folder or .zip and summarises it; nothing is stored yet. */
  prepareImport(source: ImportSource, testFraction: number): Promise<ImportSummary>;
  /** Stores a prepared import, all of it or (on any error) none of it; returns how many samples. */
  commitImport(token: string): Promise<number>;
  /** The user's samples as a .zip laid out like `flow_from_directory` (train/<class>/…, test/<class>/…). */
  exportDataset(): Promise<ArrayBuffer>;

  /** Saved models, newest first, and which one is current. */
  models(): Promise<ModelList>;
  /** Makes a saved model current (loads it for prediction). */
  useModel(id: string): Promise<SavedModelInfo>;
  renameModel(id: string, name: string): Promise<SavedModelInfo>;
  /** Deletes a saved model; the newest remaining one becomes current. */
  deleteModel(id: string): Promise<ModelList>;
  /** A saved model as a .zip: tfjs model.json + weights.bin + metadata.json. */
  exportModel(id: string): Promise<ArrayBuffer>;
  /** Checks and stores a model .zip (wrong shapes, missing weights, bad files are refused, nothing changes). */
  importModel(name: string, bytes: ArrayBuffer): Promise<SavedModelInfo>;
  /** Deletes the current model (kept for the simple one-model flow; same as deleteModel(current)). */
  deleteSavedModel(): Promise<void>;
}
