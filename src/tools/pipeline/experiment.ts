// One training recipe, trained once from one seed on the fast WebAssembly path, scored on test sets.
import type { AugmentOptions } from '../../shared/api';
import type { Dataset } from '../../engine/data/dataset';
import type { RedrawOptions } from '../../engine/data/redraw';
import type { StrokeWidthOptions } from '../../engine/data/stroke-width';
import { preprocessFor } from '../../engine/data/preprocess';
import { predictTurned } from '../../engine/data/turns';
import { FastCnn } from '../../engine/fast/fast-cnn';
import { FastSession } from '../../engine/fast/session';
import { createModel } from '../../engine/model/model';
import { trainModel } from '../../engine/train/run';
import type { Pipeline, Prepared } from './prepare';

export interface Recipe {
  name: string;
  /** Train the fourth class `other` (non-shapes) too. */
  other: boolean;
  /** Training drawings per class per person; or, with `tutorialSplit`, per class in all. */
  perClass: number;
  /** Drawings of `other` per person, if not `perClass` (non-shapes vary more than shapes). */
  otherPerClass?: number;
  /** Take `perClass` drawings per class in all, in turns from each person (a tutorial-sized split). */
  tutorialSplit?: boolean;
  pipeline: Pipeline;
  /** Keras-style augmentation of the 24 × 24 inputs, and stroke width changed on them. */
  augment: AugmentOptions;
  strokeWidth?: StrokeWidthOptions;
  /** Augmentation by redrawing at the stored resolution instead (replaces `augment`, `strokeWidth`). */
  redraw?: RedrawOptions;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Predict each drawing once even where the app would average its quarter turns (an ablation). */
  singleView?: boolean;
}

export const SHAPES = ['circle', 'rectangle', 'triangle'];
/** Sorted, as Keras orders class folders. */
export const classesOf = (recipe: Pick<Recipe, 'other'>): string[] =>
  recipe.other ? [...SHAPES, 'other'].sort() : SHAPES;

/** A scored test set: accuracy on its shapes, and how often shapes / non-shapes were called `other`. */
export interface Score {
  accuracy: number;
  /** Shapes called `other` (NaN when the model has no `other` class). */
  falseRejection: number;
  /** Non-shapes called `other` (NaN when the set has none or the model has no `other` class). */
  rejection: number;
}

export interface RunResult {
  scores: Record<string, Score>;
  /** Wall-clock seconds of the training run (augmentation and per-epoch validation included). */
  seconds: number;
  /** CPU seconds of this process during the run: less disturbed than wall time by other jobs on the machine. */
  cpuSeconds: number;
  trainSize: number;
}

/** Scores a set labelled with the model's classes (a 3-class model is not scored on non-shapes). */
function score(probabilities: Float32Array, { classNames, labels }: Dataset): Score {
  const k = classNames.length;
  const otherIndex = classNames.indexOf('other');
  let shapes = 0;
  let correct = 0;
  let falseRejections = 0;
  let others = 0;
  let rejections = 0;
  for (let i = 0; i < labels.length; i++) {
    const row = probabilities.subarray(i * k, (i + 1) * k);
    const guess = classNames[row.indexOf(Math.max(...row))];
    const truth = classNames[labels[i]!];
    if (truth === 'other') {
      others++;
      if (guess === 'other') rejections++;
    } else {
      shapes++;
      if (guess === truth) correct++;
      if (guess === 'other') falseRejections++;
    }
  }
  return {
    accuracy: correct / shapes,
    falseRejection: otherIndex < 0 ? NaN : falseRejections / shapes,
    rejection: otherIndex < 0 || others === 0 ? NaN : rejections / others,
  };
}

/** The first `limit` images of a set whose classes the model has, labelled with the model's class indices. */
export function forModel(set: Dataset, classNames: readonly string[], limit = Infinity): Dataset {
  const keep = [...set.labels.keys()]
    .filter((i) => classNames.includes(set.classNames[set.labels[i]!]!))
    .slice(0, limit);
  const pixels = set.size[0] * set.size[1] * 3;
  const images = new Float32Array(keep.length * pixels);
  keep.forEach((i, j) => {
    images.set(set.images.subarray(i * pixels, (i + 1) * pixels), j * pixels);
  });
  const labels = Int32Array.from(keep, (i) => classNames.indexOf(set.classNames[set.labels[i]!]!));
  return { classNames: [...classNames], size: set.size, files: [], labels, images };
}

export async function runRecipe(
  recipe: Recipe,
  { dataset: train, sources }: Prepared,
  tests: Record<string, Dataset>,
  seed: number,
  wasm: Uint8Array,
  validation?: Dataset,
): Promise<RunResult> {
  const classes = train.classNames;
  const model = createModel({
    inputSize: train.size,
    classes: classes.length,
    seed,
    learningRate: recipe.learningRate,
  });
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    await trainModel(model, {
      train,
      test: validation,
      settings: { epochs: recipe.epochs, batchSize: recipe.batchSize, seed, augment: recipe.augment },
      strokeWidth: recipe.strokeWidth,
      redraw: recipe.redraw && { sources, options: recipe.redraw },
      session: (m, a, b) => FastSession.create(m, a, b, { wasm, learningRate: recipe.learningRate }),
    });
    const seconds = (performance.now() - started) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    // Scores on the fast kernels too: tfjs's cpu backend would take minutes for thousands of images.
    const weights = model.getWeights().map((w) => w.dataSync() as Float32Array);
    const cnn = await FastCnn.create({
      wasm,
      inputShape: [...train.size, 3],
      classes: classes.length,
      learningRate: 1,
      weights,
    });
    const scores: Record<string, Score> = {};
    // Predicted as the app would predict with this recipe's model (preprocessFor, on its settings).
    const turns =
      !recipe.singleView &&
      !!preprocessFor({ fitFrame: recipe.pipeline.fit ?? undefined, redraw: recipe.redraw }).averageTurns;
    for (const [name, set] of Object.entries(tests)) {
      const subset = forModel(set, classes);
      const n = subset.labels.length;
      const probabilities = await predictTurned((x, m) => cnn.predict(x, m), subset.images, n, train.size, turns);
      scores[name] = score(probabilities, subset);
    }
    cnn.dispose();
    return { scores, seconds, cpuSeconds: (user + system) / 1e6, trainSize: train.labels.length };
  } finally {
    model.dispose();
  }
}
