/** Training paths and settings, shared by both threads (see api.ts). */

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

export interface TrainSettings {
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  backend: BackendChoice;
  /** On-the-fly augmentation of each training batch; validation images are never augmented. */
  augment?: AugmentOptions;
  /**
   * At most this many threads for the WebAssembly path (default: every core). More than one needs
   * shared memory: always there in Node, in a browser only on a cross-origin isolated page.
   */
  threads?: number;
}

/** The tutorial's settings: 50 epochs, batch 3, adam 1e-3, seed 3, no augmentation. */
export const TUTORIAL_SETTINGS: TrainSettings = {
  epochs: 50,
  batchSize: 3,
  learningRate: 0.001,
  seed: 3,
  backend: 'auto',
};

/**
 * Named augmentation settings. 'drawings' is what the app trains with by default: measured on the
 * bundled hard split (small, off-centre, rotated, skewed, thin drawings), it lifts accuracy from
 * about 30% to about 60% while test accuracy stays above 90% (README, "Augmentation").
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

/**
 * The app's defaults: the tutorial's, plus augmentation for drawings, which needs more epochs to
 * converge (the fast CPU path trains 100 epochs in about 7 s).
 */
export const DEFAULT_SETTINGS: TrainSettings = {
  ...TUTORIAL_SETTINGS,
  epochs: 100,
  augment: AUGMENT_PRESETS.drawings,
};

export const INPUT_SIZE: readonly [number, number] = [24, 24];
