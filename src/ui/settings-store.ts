import {
  BACKENDS,
  DEFAULT_REDRAW,
  DEFAULT_SETTINGS,
  fitFrameFrom,
  NO_AUGMENTATION,
  type AugmentOptions,
  type BackendChoice,
} from '../shared/api';
import { shapedLike } from '../shared/shaped-like';
import type { FormSettings } from './events';

const SETTINGS_KEY = 'shape-cnn.settings';
const BACKEND_KEY = 'shape-cnn.backend';
const THREADS_KEY = 'shape-cnn.threads';

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

/** The app's defaults (fit to frame, redrawing, 15 epochs of 16), without the backend. */
export const APP_DEFAULTS: FormSettings = (({ backend: _, ...rest }) => rest)(DEFAULT_SETTINGS);

/** Stored augmentation options, each field checked (the shape may come from an older version). */
function readAugment(stored: unknown): AugmentOptions | undefined {
  if (!stored || typeof stored !== 'object') return undefined;
  const value = stored as Record<string, unknown>;
  const zoom = value.zoomRange;
  const valid =
    (Object.keys(NO_AUGMENTATION) as (keyof AugmentOptions)[]).every((key) =>
      key === 'zoomRange' ? true : typeof value[key] === typeof NO_AUGMENTATION[key],
    ) &&
    (typeof zoom === 'number' ||
      (Array.isArray(zoom) && zoom.length === 2 && zoom.every((z) => typeof z === 'number')));
  return valid ? (value as unknown as AugmentOptions) : undefined;
}

/** The last training settings used on this device, or the app's defaults. */
export function loadSettings(): FormSettings {
  const stored = read(SETTINGS_KEY) as Partial<Record<keyof FormSettings, unknown>> | null;
  if (!stored) return APP_DEFAULTS;
  const pick = (key: 'epochs' | 'batchSize' | 'learningRate' | 'seed') =>
    typeof stored[key] === 'number' ? stored[key] : APP_DEFAULTS[key];
  const augment = readAugment(stored.augment);
  const fitFrame = fitFrameFrom(stored.fitFrame);
  const redraw = shapedLike(stored.redraw, DEFAULT_REDRAW);
  return {
    epochs: pick('epochs'),
    batchSize: pick('batchSize'),
    learningRate: pick('learningRate'),
    seed: pick('seed'),
    ...(augment ? { augment } : {}),
    ...(fitFrame ? { fitFrame } : {}),
    ...(redraw ? { redraw } : {}),
  };
}

export const saveSettings = (settings: FormSettings): void => write(SETTINGS_KEY, settings);

/** The backend picked last time on this device, or 'auto'. */
export function loadBackendChoice(): BackendChoice {
  const stored = read(BACKEND_KEY);
  return BACKENDS.find((name) => name === stored) ?? 'auto';
}

export const saveBackendChoice = (choice: BackendChoice): void => write(BACKEND_KEY, choice);

/**
 * The most threads the WebAssembly path may train on, as set on this device, or undefined for
 * every core. Kept beside the backend, not in the training settings: it is this device's, and a
 * project file carries the settings to other devices.
 */
export function loadThreadLimit(): number | undefined {
  const stored = read(THREADS_KEY);
  return Number.isInteger(stored) && (stored as number) >= 1 ? (stored as number) : undefined;
}

export const saveThreadLimit = (threads: number): void => write(THREADS_KEY, threads);
