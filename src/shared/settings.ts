/** Training paths and settings, shared by both threads (see api.ts). */

import { shapedLike } from './shaped-like';

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
  /**
   * As in Keras: a number z draws zoom factors from [1 - z, 1 + z], a pair from [lower, upper].
   * Factors above 1 shrink the drawing (the transform maps output pixels to input positions).
   */
  zoomRange: number | [lower: number, upper: number];
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

/** How a drawing is found on its paper and fitted to the model's square frame. */
export interface FitFrameOptions {
  /** Blank space left on each side, as a fraction of the output square's side. */
  margin: number;
  /** Darkness below the paper (0–255) that a pixel needs before it can count as ink at all. */
  minContrast: number;
  /** A pixel is ink once it is this fraction as dark as the darkest ink (anti-aliased edges are not). */
  inkFraction: number;
  /** Ink blobs with fewer pixels than this fraction of the largest blob are specks, not drawing. */
  speckFraction: number;
  /** Maps the paper to white and the darkest ink to black (grey output), so faint or photographed ink looks drawn. */
  levels: boolean;
  /**
   * The most elongated the drawing may reach the model: a drawing whose ink box is longer than this
   * many times its width is stretched across, so a thin ellipse or rectangle still shows its outline
   * at 24 × 24 instead of becoming a line. Absent: never stretched (models saved before it).
   */
  maxAspect?: number;
}

export const FIT_FRAME_DEFAULTS: FitFrameOptions = {
  margin: 0.08,
  minContrast: 40,
  inkFraction: 0.35,
  speckFraction: 0.03,
  levels: true,
  maxAspect: 2,
};

/**
 * Fit-to-frame options read back from stored settings, a model's metadata or a project, or
 * undefined if they are not ones fitFrame can repeat; those saved before `maxAspect` lack it.
 */
export function fitFrameFrom(value: unknown): FitFrameOptions | undefined {
  const options = shapedLike(value, FIT_FRAME_DEFAULTS, ['maxAspect']);
  return options && !(options.maxAspect! < 1) ? options : undefined;
}

/** Random stroke width per training image: people draw with thin pens, fat markers and everything between. */
export interface StrokeWidthOptions {
  /**
   * Radius range in input pixels, drawn uniformly per image: a positive radius r thickens every
   * stroke by about 2r (grey-level dilation of the ink), a negative one thins it by as much.
   */
  radius: [min: number, max: number];
}

/**
 * Augmentation that redraws each training drawing at its stored resolution, then fits and resizes
 * it exactly as a drawing is at prediction time (it needs `fitFrame`).
 */
export interface RedrawSettings {
  /** Stroke radius change in model-input pixels (scaled to the stored resolution). */
  strokeWidth: StrokeWidthOptions;
  /** Degrees either way; 180 turns drawings to any angle. */
  rotationRange: number;
  /** Degrees either way, as Keras's shear. */
  shearRange: number;
  /** Width / height stretch factors drawn log-uniformly from [1 / s, s]: wider or taller drawings. */
  stretch: number;
  horizontalFlip: boolean;
  verticalFlip: boolean;
}

export interface TrainSettings {
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  backend: BackendChoice;
  /** On-the-fly augmentation of each training batch; validation images are never augmented. */
  augment?: AugmentOptions;
  /**
   * Fit every drawing to the frame (crop to its ink, centre it in a square with a margin) before the
   * resize, in training, evaluation and prediction; absent: the tutorial's plain resize.
   */
  fitFrame?: FitFrameOptions;
  /** Redraw training drawings instead of `augment` (only with `fitFrame`). */
  redraw?: RedrawSettings;
  /**
   * At most this many threads for the WebAssembly path (default: every core). More than one needs
   * shared memory: always there in Node, in a browser only on a cross-origin isolated page.
   */
  threads?: number;
}

/** What the augmentation preview needs: the training settings that change what a batch looks like. */
export type AugmentationSettings = Pick<TrainSettings, 'augment' | 'fitFrame' | 'redraw'>;

/** What happens to an image before the model sees it, recorded in the model so every program repeats it. */
export interface Preprocess {
  fitFrame: FitFrameOptions | null;
  /** Predictions are the mean over the input and its turns by 90°, 180° and 270° (absent: the input alone). */
  averageTurns?: boolean;
}

export const PLAIN_RESIZE: Preprocess = { fitFrame: null };

/** The tutorial's settings: 50 epochs, batch 3, adam 1e-3, seed 3, no augmentation. */
export const TUTORIAL_SETTINGS: TrainSettings = {
  epochs: 50,
  batchSize: 3,
  learningRate: 0.001,
  seed: 3,
  backend: 'auto',
};

/**
 * Named Keras-style augmentation settings, for the tutorial's pipeline (plain resize): the app's
 * defaults redraw the training drawings instead (DEFAULT_REDRAW), which measured better on people
 * not in the training data (README, "Drawings by other people").
 */
export const AUGMENT_PRESETS = {
  none: NO_AUGMENTATION,
  light: {
    ...NO_AUGMENTATION,
    rotationRange: 15,
    widthShiftRange: 0.1,
    heightShiftRange: 0.1,
    zoomRange: [0.95, 1.3],
    horizontalFlip: true,
  },
  drawings: {
    ...NO_AUGMENTATION,
    rotationRange: 30,
    widthShiftRange: 0.2,
    heightShiftRange: 0.2,
    zoomRange: [1, 1.8],
    horizontalFlip: true,
    verticalFlip: true,
  },
  strong: {
    ...NO_AUGMENTATION,
    rotationRange: 45,
    widthShiftRange: 0.25,
    heightShiftRange: 0.25,
    shearRange: 15,
    zoomRange: [1, 2.2],
    horizontalFlip: true,
    verticalFlip: true,
  },
} as const satisfies Record<string, AugmentOptions>;
export type AugmentPreset = keyof typeof AUGMENT_PRESETS;

/** The redrawing the app trains with: any angle, thin to thick pens, a little slant and stretch, flips. */
export const DEFAULT_REDRAW: RedrawSettings = {
  strokeWidth: { radius: [-0.35, 1.05] },
  rotationRange: 180,
  shearRange: 10,
  stretch: 1.3,
  horizontalFlip: true,
  verticalFlip: true,
};

/**
 * The app's defaults, chosen by measurement on people not in the training data (README, "Drawings
 * by other people"): every drawing fitted to the frame, training drawings redrawn, batches of 16,
 * 20 epochs (cross-validated over the training people: 15 → 20 epochs gained 3 points on unseen
 * people and 6 on the hard set; 25 gained a little more but trains past 60 s on one thread).
 */
export const DEFAULT_SETTINGS: TrainSettings = {
  ...TUTORIAL_SETTINGS,
  epochs: 20,
  batchSize: 16,
  fitFrame: FIT_FRAME_DEFAULTS,
  redraw: DEFAULT_REDRAW,
};

export const INPUT_SIZE: readonly [number, number] = [24, 24];
