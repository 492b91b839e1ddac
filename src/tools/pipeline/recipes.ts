// The recipes the report compares: the tutorial's, the proposed app defaults, and the defaults
// with one step taken out or swapped at a time (the ablation).
import { NO_AUGMENTATION, TUTORIAL_SETTINGS, type AugmentOptions } from '../../shared/api';
import { FIT_FRAME_DEFAULTS } from '../../engine/data/fit-frame';
import type { RedrawOptions } from '../../engine/data/redraw';
import type { Recipe } from './experiment';

/** Proposed augmentation: redrawn at the stored resolution with any angle, pen, slant, proportions. */
export const PROPOSED_REDRAW: RedrawOptions = {
  strokeWidth: { radius: [-0.35, 1.05] },
  rotationRange: 180,
  shearRange: 10,
  stretch: 1.3,
  horizontalFlip: true,
  verticalFlip: true,
  fit: FIT_FRAME_DEFAULTS,
};

/** The nearest Keras-style augmentation on the 24 × 24 inputs, for comparison. */
export const INPUT_AUGMENT: AugmentOptions = {
  ...NO_AUGMENTATION,
  rotationRange: 180,
  shearRange: 10,
  zoomRange: [0.9, 1.25],
  horizontalFlip: true,
  verticalFlip: true,
};

export const PROPOSED: Recipe = {
  name: 'proposed defaults',
  other: true,
  perClass: 20,
  pipeline: { fit: FIT_FRAME_DEFAULTS },
  augment: NO_AUGMENTATION,
  redraw: PROPOSED_REDRAW,
  epochs: 15,
  batchSize: 16,
  learningRate: 0.001,
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
  proposed: PROPOSED,
  'no-fit': variant('− fit to frame (augmented on 24 × 24, shifts and zoom)', {
    ...onInputs,
    pipeline: { fit: null },
    augment: { ...INPUT_AUGMENT, widthShiftRange: 0.15, heightShiftRange: 0.15, zoomRange: [0.9, 2] },
  }),
  'no-levels': variant('− levels in fit to frame', {
    pipeline: { fit: { ...FIT_FRAME_DEFAULTS, levels: false } },
    redraw: { ...PROPOSED_REDRAW, fit: { ...FIT_FRAME_DEFAULTS, levels: false } },
  }),
  'on-inputs': variant('augmented on 24 × 24 inputs instead of redrawn', onInputs),
  'no-stroke': redrawing('− stroke width', { strokeWidth: { radius: [0, 0] } }),
  'no-rotation': redrawing('− rotation', { rotationRange: 0 }),
  'no-shear': redrawing('− shear', { shearRange: 0 }),
  'no-stretch': redrawing('− stretch', { stretch: 1 }),
  'no-flips': redrawing('− flips', { horizontalFlip: false, verticalFlip: false }),
  'no-augment': variant('− all augmentation', { redraw: undefined }),
  'no-other': variant('− the other class', { other: false }),
  'store-48': variant('stored at 48 × 48', { pipeline: { ...PROPOSED.pipeline, store: 48 } }),
  'store-32': variant('stored at 32 × 32', { pipeline: { ...PROPOSED.pipeline, store: 32 } }),
};
