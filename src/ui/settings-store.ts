import { BACKENDS, DEFAULT_SETTINGS, NO_AUGMENTATION, type AugmentOptions, type BackendChoice } from '../shared/api';
import type { TrainRequest } from './events';

const SETTINGS_KEY = 'shape-cnn.settings';
const BACKEND_KEY = 'shape-cnn.backend';

function read(key: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    // Blocked storage or a damaged value: fall back to the defaults.
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Not remembered for next time; the current run is unaffected.
  }
}

export const TUTORIAL_SETTINGS: TrainRequest = {
  epochs: DEFAULT_SETTINGS.epochs,
  batchSize: DEFAULT_SETTINGS.batchSize,
  learningRate: DEFAULT_SETTINGS.learningRate,
  seed: DEFAULT_SETTINGS.seed,
};

/** Mild Keras `ImageDataGenerator` settings for drawings: a little rotation, shift and zoom. */
export const DRAWING_AUGMENTATION: AugmentOptions = {
  ...NO_AUGMENTATION,
  rotationRange: 10,
  widthShiftRange: 0.1,
  heightShiftRange: 0.1,
  zoomRange: 0.1,
};

/** The last training settings used on this device, or the tutorial's. */
export function loadSettings(): TrainRequest {
  const stored = read(SETTINGS_KEY) as Partial<TrainRequest> | null;
  const pick = (key: 'epochs' | 'batchSize' | 'learningRate' | 'seed') =>
    typeof stored?.[key] === 'number' ? stored[key] : TUTORIAL_SETTINGS[key];
  return {
    epochs: pick('epochs'),
    batchSize: pick('batchSize'),
    learningRate: pick('learningRate'),
    seed: pick('seed'),
    ...(stored?.augment ? { augment: DRAWING_AUGMENTATION } : {}),
  };
}

export const saveSettings = (settings: TrainRequest): void => write(SETTINGS_KEY, settings);

/** The backend picked last time on this device, or 'auto'. */
export function loadBackendChoice(): BackendChoice {
  const stored = read(BACKEND_KEY);
  return BACKENDS.find((name) => name === stored) ?? 'auto';
}

export const saveBackendChoice = (choice: BackendChoice): void => write(BACKEND_KEY, choice);
