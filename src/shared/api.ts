/**
 * The one module both threads import: the training worker's services and the plain data that
 * crosses the Comlink boundary, gathered from its parts. Types and constants only, so the page
 * bundle never pulls in engine code.
 */
import type { ProxyMarked } from 'comlink';
import type {
  DatasetIndex,
  EncodedImage,
  ImageInput,
  ImportProgress,
  ImportSource,
  ImportSummary,
  NewSample,
  BundledSet,
  PixelImage,
  SampleInfo,
  SampleSplit,
  SplitName,
  StarterIndex,
  DatasetState,
} from './data';
import type {
  BackendReport,
  EvaluationReport,
  ModelList,
  ModelSummary,
  PendingRun,
  SavedModelInfo,
  ShownPrediction,
  TrainEvent,
  TrainResult,
} from './results';
import type { Problem } from './problems';
import type { AugmentationSettings, BackendChoice, TrainSettings } from './settings';

export * from './data';
export * from './results';
export * from './settings';

/** Everything the app shows at start, in one round trip. */
export interface OpenResult {
  bundled: DatasetIndex;
  starter: StarterIndex;
  dataset: DatasetState;
  /** Saved models; the current one is already loaded so the app can predict at once. */
  models: ModelList;
  /** What runs now: the cpu backend for prediction until training starts another path. */
  backend: BackendReport;
  /** What the person should hear about at start (e.g. files that could not be cleaned up). */
  notices: Problem[];
  /** A run that was stopped or interrupted and whose model waits to be kept or discarded. */
  pending: PendingRun | null;
}

export interface AppService {
  /**
   * Resolves once the worker holds the Web Lock named after it (its `name`), which it keeps for its
   * whole life: the page then requests the same lock and hears the moment the worker stops.
   */
  ready(): Promise<void>;
  /**
   * The first call: `appUrl` is the page's base URL (the bundled dataset sits under it). Reads the
   * dataset index through the service worker's cache and loads the current model.
   */
  open(appUrl: string): Promise<OpenResult>;
}

export interface BackendService {
  /** Initialises (or switches to) a backend and reports what runs and why others were skipped. */
  use(choice: BackendChoice): Promise<BackendReport>;
  /**
   * Measures every path now (a few seconds), remembers the fastest correct one for 'auto', then
   * starts the path `choice` asks for and reports it with the measurements.
   */
  calibrate(choice: BackendChoice): Promise<BackendReport>;
}

export interface TrainingService {
  /** The tutorial model's architecture (layers, output shapes, parameters) before any training. */
  describeModel(classes: number): Promise<ModelSummary>;
  /**
   * Trains on the effective dataset's train split, validating on its test split; evaluates on the
   * test split (with the images it gets wrong) and saves the model as the current one once it has
   * an epoch.
   */
  train(settings: TrainSettings, onEvent: (event: TrainEvent) => void): Promise<TrainResult>;
  /** Asks a running training to stop after the current batch (its model then waits, see `pending`). */
  stop(): Promise<void>;
  /** Saves the pending run's model (scored on the test split) as a model of its own, now in use. */
  keepPending(): Promise<{ saved: SavedModelInfo; evaluation?: EvaluationReport; models: ModelList }>;
  /** Forgets the pending run's model. */
  discardPending(): Promise<void>;
  /** Augmented versions of training images, as 24x24 RGBA, for a preview grid. */
  previewAugmentation(settings: AugmentationSettings, count: number, seed: number): Promise<PixelImage[]>;
}

export interface InferenceService {
  /** Classifies images with the current model; each prediction carries the model's input image. */
  predict(images: ImageInput[]): Promise<ShownPrediction[]>;
  /** Scores the current model on a split ('hard' is the bundled generalisation test). */
  evaluate(split: SplitName): Promise<EvaluationReport>;
}

/** The person's own dataset; every change answers with the dataset as now stored. */
/** What adding samples did: those stored, those refused (each with its reason), and the dataset now. */
export interface AddedSamples {
  added: SampleInfo[];
  refused: Problem[];
  dataset: DatasetState;
}

export interface SampleService {
  list(): Promise<DatasetState>;
  /** A sample's encoded image (transferred). */
  image(id: string): Promise<EncodedImage>;
  add(samples: NewSample[]): Promise<AddedSamples>;
  move(ids: string[], change: { className?: string; split?: SampleSplit }): Promise<DatasetState>;
  remove(ids: string[]): Promise<DatasetState>;
  addClass(name: string): Promise<DatasetState>;
  renameClass(from: string, to: string): Promise<DatasetState>;
  /** Removes a class and all of its samples. */
  removeClass(name: string): Promise<DatasetState>;
  includeBundled(include: boolean): Promise<DatasetState>;
  useBundledSet(set: BundledSet): Promise<DatasetState>;
}

export interface ImportService {
  /** Reads and checks a folder or .zip and summarises it, telling how far it is; nothing is stored yet. */
  prepare(
    source: ImportSource,
    testFraction: number,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<ImportSummary>;
  /** Stores a prepared import, all of it or (on any error) none of it. */
  commit(token: string): Promise<{ count: number; dataset: DatasetState }>;
  /** The person's samples as a .zip laid out like `flow_from_directory` (train/<class>/…, test/<class>/…). */
  exportDataset(): Promise<ArrayBuffer>;
}

/** The saved models; every change answers with the list as now stored, current model included. */
export interface ModelService {
  list(): Promise<ModelList>;
  /** Makes a saved model current (loads it for prediction). */
  use(id: string): Promise<ModelList>;
  rename(id: string, name: string): Promise<ModelList>;
  /** Deletes a saved model; the newest remaining one becomes current. */
  remove(id: string): Promise<ModelList>;
  /**
   * A saved model as a file of `format` (default 'zip': tfjs model.json + weights.bin +
   * metadata.json). The Keras formats load HDF5 support (about 1 MB) on their first use.
   */
  exportModel(id: string, format?: ModelFormat): Promise<ArrayBuffer>;
  /**
   * Checks and stores a model .zip, or a Keras .keras/.h5 of the tutorial's CNN, as the current
   * model (bad files are refused, nothing changes). `classNames` name a Keras model's outputs in
   * order; a Keras file that names none, given none, fails with the problem `kerasClassNames`.
   */
  importModel(name: string, bytes: ArrayBuffer, classNames?: string[]): Promise<ModelList>;
}

/** What a saved model exports to: TensorFlow.js (.zip), Keras 3 (.keras), Keras HDF5 (.h5), ONNX (.onnx). */
export const MODEL_FORMATS = ['zip', 'keras', 'h5', 'onnx'] as const;
export type ModelFormat = (typeof MODEL_FORMATS)[number];

/** The training settings a project carries: the training form's, without the device's backend. */
export type ProjectSettings = Omit<TrainSettings, 'backend'>;

/** What an opened project file holds, shown before anything is stored. */
export interface ProjectSummary {
  /** Pass back to `commit` to store exactly what was checked. */
  token: string;
  origin: string;
  savedAt: string;
  classes: string[];
  samples: number;
  models: number;
  includeBundled: boolean;
  bundledSet: BundledSet;
}

/**
 * 'replace': this device's samples, classes, starter-set choice, settings and models become the
 * project's. 'merge': the project's samples (but those already stored), classes and models (but
 * those already stored) join this device's, whose settings and model in use stay.
 */
export type ProjectMode = 'replace' | 'merge';

export interface OpenedProject {
  dataset: DatasetState;
  models: ModelList;
  /** The project's training settings when it replaced the device's data; absent when merged. */
  settings?: ProjectSettings;
  /** What was stored (duplicates of stored samples and models are skipped when merging). */
  added: { samples: number; models: number };
}

/** The person's whole work as one .zip, to carry to another device or keep. */
export interface ProjectService {
  /**
   * Samples in `flow_from_directory` layout (train/<class>/…, test/<class>/…), every saved model
   * (models/<folder>/ as a model .zip holds it), and project.json with the classes, the
   * starter-set choice, `settings` and the model in use.
   */
  save(settings: ProjectSettings): Promise<ArrayBuffer>;
  /** Reads and checks a project .zip completely (every image decoded, every model built); nothing is stored yet. */
  prepare(name: string, bytes: ArrayBuffer): Promise<ProjectSummary>;
  /** Stores a prepared project, all of it or (on any error) none of it. */
  commit(token: string, mode: ProjectMode): Promise<OpenedProject>;
}

/**
 * Tabs of the app tell each other what changed on this channel: each worker posts after it changes
 * stored data, and every other tab's page reads the new state from its own worker.
 */
export const CHANGES_CHANNEL = 'shape-cnn-changes';

export interface StoredChange {
  kind: 'dataset' | 'models';
  /** The name of the worker that made the change (its own page already has the new state). */
  from: string;
}

/**
 * The training worker: a record of small services, exposed with Comlink. The page imports only
 * this type and `Comlink.wrap`s the worker; callbacks cross as `Comlink.proxy`, image buffers as
 * transferables.
 */
export interface ShapesApi {
  app: AppService;
  backend: BackendService;
  training: TrainingService;
  inference: InferenceService;
  samples: SampleService;
  imports: ImportService;
  models: ModelService;
  projects: ProjectService;
}

/** The services as the worker exposes them: each marked with Comlink's `proxy`, so the page reaches it as a remote object. */
export type ExposedShapesApi = { [K in keyof ShapesApi]: ShapesApi[K] & ProxyMarked };
