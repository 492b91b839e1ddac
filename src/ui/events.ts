import type {
  AugmentOptions,
  BundledSet,
  EncodedImage,
  BackendChoice,
  ImageInput,
  ImportSource,
  ModelFormat,
  NewSample,
  ProjectMode,
  SampleSplit,
  SplitName,
  TrainSettings,
} from '../shared/api';

/** Settings from the training form; the backend comes from the backend picker. */
export type FormSettings = Omit<TrainSettings, 'backend'>;

/**
 * Every custom event the components send up to the app, by name → detail. They bubble and cross
 * shadow roots, so the app listens once per kind.
 */
export interface AppEventDetails {
  /** The training form was submitted. */
  'sc-train': FormSettings;
  /** The person asked a running training to stop. */
  'sc-stop': null;
  /** Keep the stopped or interrupted run's model (it becomes the model in use). */
  'sc-keep-run': null;
  /** Discard the stopped or interrupted run's model. */
  'sc-discard-run': null;
  /** A backend was picked: the worker should switch to it now. */
  'sc-backend-change': BackendChoice;
  /** Measure every backend again. */
  'sc-calibrate': null;
  /** The most threads the WebAssembly path may train on was changed (a valid whole number). */
  'sc-threads-change': number;
  /** Score the model on a split. */
  'sc-evaluate': SplitName;
  /** Classify one image (a drawing's pixels or an encoded file); its buffer will be transferred. */
  'sc-predict': ImageInput;
  /** Classify several images together (dropped or chosen at once); their buffers will be transferred. */
  'sc-predict-batch': ImageInput[];
  /** Show this tab (a step of the first run leads there). */
  'sc-show-tab': 'train' | 'predict' | 'dataset' | 'models';
  /** A still from the camera (a photo of a drawing on paper). */
  'sc-photo': EncodedImage;
  /** The drawing or chosen image was cleared: there is nothing to classify. */
  'sc-predict-clear': null;
  /** Show augmented training images for these options; the same seed shows the same images. */
  'sc-augment-preview': { options: AugmentOptions; seed: number };
  /** Reload now to run the new version of the app. */
  'sc-reload': null;
  /** A notice (error or update prompt) was closed. */
  'sc-dismiss': null;
  /** The drawing pad changed: its pixels, or null when it is empty. */
  'sc-drawing': ImageData | null;
  /** The image could not be read in the page (named in the message). */
  'sc-image-error': string;

  /** Store new samples of the person's own dataset; their buffers will be transferred. */
  'sc-add-samples': NewSample[];
  /** Move samples to another class and/or split. */
  'sc-move-samples': { ids: string[]; className?: string; split?: SampleSplit };
  /** Deletion of these samples was confirmed. */
  'sc-delete-samples': string[];
  'sc-add-class': string;
  'sc-rename-class': { from: string; to: string };
  /** Removal of a class and all its samples was confirmed. */
  'sc-remove-class': string;
  /** Whether the bundled starter set joins the person's samples in training. */
  'sc-include-bundled': boolean;
  'sc-bundled-set': BundledSet;
  /** Read and summarise a folder or .zip; its buffers will be transferred. Nothing is stored yet. */
  'sc-import-prepare': { source: ImportSource; testFraction: number };
  /** Store the summarised import (its token). */
  'sc-import-commit': string;
  /** A picked folder or .zip could not be read in the page (named in the message). */
  'sc-import-error': string;
  /** Forget the summarised import. */
  'sc-import-cancel': null;
  /** Download the person's samples as a .zip. */
  'sc-export-dataset': null;

  /** Predict with this saved model from now on. */
  'sc-use-model': string;
  'sc-rename-model': { id: string; name: string };
  /** Deletion of this saved model was confirmed. */
  'sc-delete-model': string;
  /** Download this saved model as a file of this format. */
  'sc-export-model': { id: string; format: ModelFormat };
  /** Check and store a model .zip, .keras or .h5; its buffer will be transferred. */
  'sc-import-model': { name: string; bytes: ArrayBuffer };
  /** The class names a Keras file lacked, in output order, or null when the import was cancelled. */
  'sc-model-class-names': string[] | null;

  /** Download everything as one project file. */
  'sc-save-project': null;
  /** Read and check a project file; its buffer will be transferred. Nothing is stored yet. */
  'sc-open-project': { name: string; bytes: ArrayBuffer };
  /** Store the checked project, replacing this device's data or adding to it. */
  'sc-project-commit': ProjectMode;
  /** Forget the checked project. */
  'sc-project-cancel': null;
}

export type AppEventName = keyof AppEventDetails;
export type AppEvent<K extends AppEventName> = CustomEvent<AppEventDetails[K]>;

type AppEventMap = { [K in AppEventName]: AppEvent<K> };

declare global {
  // Members come from AppEventDetails, so each event is declared once.
  interface GlobalEventHandlersEventMap extends AppEventMap {}
}

/** Sends a typed app event from `target`, bubbling out of its shadow root. */
export function emit<K extends AppEventName>(target: EventTarget, type: K, detail: AppEventDetails[K]): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
