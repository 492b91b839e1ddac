/**
 * The one module both threads import: the training worker's API and the plain data that crosses
 * the Comlink boundary, gathered from its three parts. Types and constants only, so the page
 * bundle never pulls in engine code.
 */
import type {
  DatasetIndex,
  EncodedImage,
  ImageInput,
  ImportSource,
  ImportSummary,
  NewSample,
  PixelImage,
  SampleInfo,
  SampleSplit,
  SplitName,
  UserDataset,
} from './data';
import type {
  BackendReport,
  EvaluationReport,
  ModelList,
  ModelSummary,
  SavedModelInfo,
  ShownPrediction,
  TrainEvent,
  TrainResult,
} from './results';
import type { AugmentOptions, BackendChoice, Calibration, TrainSettings } from './settings';

export * from './data';
export * from './results';
export * from './settings';

/**
 * The training worker's API, exposed with Comlink. The page imports only this type and
 * `Comlink.wrap`s the worker; callbacks cross as `Comlink.proxy`, image buffers as transferables.
 */
export interface OpenResult {
  dataset: DatasetIndex;
  /** The model saved on this device, already loaded so the app can predict at once; null if none. */
  saved: SavedModelInfo | null;
  /** What runs now: the cpu backend for prediction until training starts another path. */
  report: BackendReport;
}

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
  /** Classifies images with the current model; each prediction carries the model's input image. */
  predict(images: ImageInput[]): Promise<ShownPrediction[]>;
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
}
