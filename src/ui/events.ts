import type { BackendChoice, ImageInput, SplitName, TrainSettings } from '../shared/api';

/** Settings from the training form; the backend comes from the backend picker. */
export type TrainRequest = Omit<TrainSettings, 'backend'>;

/**
 * Every custom event the components send up to the app, by name → detail. They bubble and cross
 * shadow roots, so the app listens once per kind.
 */
export interface AppEventDetails {
  /** The training form was submitted. */
  'sc-train': TrainRequest;
  /** The person asked a running training to stop. */
  'sc-stop': null;
  /** A backend was picked: the worker should switch to it now. */
  'sc-backend-change': BackendChoice;
  /** Measure every backend again. */
  'sc-calibrate': null;
  /** Score the model on a bundled split. */
  'sc-evaluate': SplitName;
  /** Classify one image (a drawing's pixels or an encoded file); its buffer will be transferred. */
  'sc-predict': ImageInput;
  /** The drawing or chosen image was cleared: there is nothing to classify. */
  'sc-predict-clear': null;
  /** Deletion of the saved model was confirmed. */
  'sc-delete-model': null;
  /** Reload now to run the new version of the app. */
  'sc-reload': null;
  /** A notice (error or update prompt) was closed. */
  'sc-dismiss': null;
  /** The drawing pad changed: its pixels, or null when it is empty. */
  'sc-drawing': ImageData | null;
  /** The image could not be read in the page (named in the message). */
  'sc-image-error': string;
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
