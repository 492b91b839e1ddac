// The recipes the report compares: the tutorial's, the app's defaults, and the defaults
// with one step taken out or swapped at a time (the ablation).
import {
  DEFAULT_REDRAW,
  DEFAULT_SETTINGS,
  NO_AUGMENTATION,
  TUTORIAL_SETTINGS,
  type AugmentOptions,
} from '../../shared/api';
import { FIT_FRAME_DEFAULTS } from '../../engine/data/fit-frame';
import type { RedrawOptions } from '../../engine/data/redraw';
import type { Recipe } from './experiment';

/** The app's augmentation: redrawn at the stored resolution with any angle, pen, slant, proportions. */
export const PROPOSED_REDRAW: RedrawOptions = { ...DEFAULT_REDRAW, fit: FIT_FRAME_DEFAULTS };

/** The nearest Keras-style augmentation on the 24 × 24 inputs, for comparison. */
export const INPUT_AUGMENT: AugmentOptions = {
  ...NO_AUGMENTATION,
  rotationRange: 180,
  shearRange: 10,
  zoomRange: [0.9, 1.25],
  horizontalFlip: true,
  verticalFlip: true,
};

/** The app's defaults (DEFAULT_SETTINGS) on a starter set like the bundled one: 20 drawings per class per person. */
export const PROPOSED: Recipe = {
  name: 'app defaults',
  other: true,
  perClass: 20,
  pipeline: { fit: FIT_FRAME_DEFAULTS, store: 48 },
  augment: NO_AUGMENTATION,
  redraw: PROPOSED_REDRAW,
  epochs: DEFAULT_SETTINGS.epochs,
  batchSize: DEFAULT_SETTINGS.batchSize,
  learningRate: DEFAULT_SETTINGS.learningRate,
};

export const TUTORIAL: Recipe = {
  name: 'tutorial (45 images)',
  other: false,
  perClass: 15,
  tutorialSplit: true,
  pipeline: { fit: null },
  augment: NO_AUGMENTATION,
  epochs: TUTORIAL_SETTINGS.epochs,
  batchSize: TUTORIAL_SETTINGS.batchSize,
  learningRate: TUTORIAL_SETTINGS.learningRate,
};

/** Fit to frame without `maxAspect`: a drawing is never stretched across. */
const { maxAspect: _, ...FIT_AS_BEFORE } = FIT_FRAME_DEFAULTS;

const variant = (name: string, change: Partial<Recipe>): Recipe => ({ ...PROPOSED, name, ...change });
const redrawing = (name: string, change: Partial<RedrawOptions>): Recipe =>
  variant(name, { redraw: { ...PROPOSED_REDRAW, ...change } });
const onInputs = { redraw: undefined, augment: INPUT_AUGMENT, strokeWidth: PROPOSED_REDRAW.strokeWidth };

/** Recipes by key, in report order. `tutorial` trains on the tutorial-sized split, the others on all training people. */
export const RECIPES: Record<string, Recipe> = {
  tutorial: TUTORIAL,
  'tutorial-settings': {
    ...TUTORIAL,
    name: 'tutorial settings, all training people',
    perClass: PROPOSED.perClass,
    tutorialSplit: false,
  },
  app: PROPOSED,
  'no-fit': variant('− fit to frame (augmented on 24 × 24, shifts and zoom)', {
    ...onInputs,
    pipeline: { fit: null, store: 48 },
    augment: { ...INPUT_AUGMENT, widthShiftRange: 0.15, heightShiftRange: 0.15, zoomRange: [0.9, 2] },
  }),
  'no-levels': variant('− levels in fit to frame', {
    pipeline: { fit: { ...FIT_FRAME_DEFAULTS, levels: false }, store: 48 },
    redraw: { ...PROPOSED_REDRAW, fit: { ...FIT_FRAME_DEFAULTS, levels: false } },
  }),
  'on-inputs': variant('augmented on 24 × 24 inputs instead of redrawn', onInputs),
  'no-stroke': redrawing('− stroke width', { strokeWidth: { radius: [0, 0] } }),
  'no-rotation': redrawing('− rotation', { rotationRange: 0 }),
  'no-shear': redrawing('− shear', { shearRange: 0 }),
  'no-stretch': redrawing('− stretch', { stretch: 1 }),
  'no-flips': redrawing('− flips', { horizontalFlip: false, verticalFlip: false }),
  'no-augment': variant('− all augmentation', { redraw: undefined }),
  'no-aspect': variant('− stretched across (thin drawings kept thin)', {
    pipeline: { fit: FIT_AS_BEFORE, store: 48 },
    redraw: { ...PROPOSED_REDRAW, fit: FIT_AS_BEFORE },
  }),
  'no-turns': variant('− mean over quarter turns (each drawing predicted once)', { singleView: true }),
  'no-other': variant('− the other class', { other: false }),
  'store-70': variant('stored at 70 × 70 (as drawn)', { pipeline: { ...PROPOSED.pipeline, store: undefined } }),
  'store-32': variant('stored at 32 × 32', { pipeline: { ...PROPOSED.pipeline, store: 32 } }),
};
