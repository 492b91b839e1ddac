import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Evaluation, Prediction, Preprocess } from '../../shared/api';
import { classIndicesOf, type Dataset } from '../data/dataset';
import { predictTurned } from '../data/turns';

const CHUNK = 64;
/** Keras clips probabilities by its epsilon before taking the log. */
const EPSILON = 1e-7;

/**
 * Probability rows for N images (NHWC float32 in [0, 1]), read back once; with the model's
 * `averageTurns`, each row is the mean over the image's four quarter turns.
 */
export function predictProbabilities(
  model: tfl.LayersModel,
  images: Float32Array,
  size: readonly [number, number],
  { averageTurns = false }: Pick<Preprocess, 'averageTurns'> = {},
): Promise<Float32Array> {
  const n = images.length / (size[0] * size[1] * 3);
  return predictTurned((x) => predictOnce(model, x, size), images, n, size, averageTurns);
}

async function predictOnce(model: tfl.LayersModel, images: Float32Array, size: readonly [number, number]) {
  const [h, w] = size;
  const n = images.length / (h * w * 3);
  if (n === 0) return new Float32Array(0);
  const probabilities = tf.tidy(() => {
    const rows: tf.Tensor[] = [];
    for (let start = 0; start < n; start += CHUNK) {
      const count = Math.min(CHUNK, n - start);
      const x = tf.tensor4d(images.subarray(start * h * w * 3, (start + count) * h * w * 3), [count, h, w, 3]);
      rows.push(model.predict(x) as tf.Tensor);
    }
    return tf.concat(rows);
  });
  const values = (await probabilities.data()) as Float32Array;
  probabilities.dispose();
  return values;
}

export function toPredictions(probabilities: Float32Array, classNames: readonly string[]): Prediction[] {
  const k = classNames.length;
  return Array.from({ length: probabilities.length / k }, (_, i) => {
    const row = Array.from(probabilities.subarray(i * k, (i + 1) * k));
    return { probabilities: row, label: classNames[argMax(row)]! };
  });
}

/** Keras's `evaluate` plus what it leaves out: per-class accuracy and the confusion matrix. */
export function scorePredictions(
  probabilities: Float32Array,
  labels: Int32Array,
  classNames: readonly string[],
): Evaluation {
  const k = classNames.length;
  const confusion = classNames.map(() => new Array<number>(k).fill(0));
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    const row = Array.from(probabilities.subarray(i * k, (i + 1) * k));
    const truth = labels[i]!;
    const guess = argMax(row);
    confusion[truth]![guess]! += 1;
    if (guess === truth) correct++;
    const total = row.reduce((a, b) => a + b, 0);
    loss -= Math.log(Math.min(1 - EPSILON, Math.max(EPSILON, row[truth]! / total)));
  }
  const perClass: Record<string, number> = {};
  classNames.forEach((name, c) => {
    const count = confusion[c]!.reduce((a, b) => a + b, 0);
    if (count > 0) perClass[name] = confusion[c]![c]! / count;
  });
  const n = labels.length;
  return {
    loss: n ? loss / n : 0,
    accuracy: n ? correct / n : 0,
    classIndices: classIndicesOf(classNames),
    perClass,
    confusion,
    count: n,
  };
}

/** An image the model got wrong; `file` is its entry in `Dataset.files`. */
export interface Miss extends Prediction {
  file: string;
  truth: string;
}

export interface Scored extends Evaluation {
  /** The images it got wrong, in the dataset's order. */
  misses: Miss[];
}

/** Keras's `evaluate` on a whole split, with the images the model gets wrong; predicted as `preprocess` says. */
export async function evaluate(
  model: tfl.LayersModel,
  data: Dataset,
  preprocess: Pick<Preprocess, 'averageTurns'> = {},
): Promise<Scored> {
  const probabilities = await predictProbabilities(model, data.images, data.size, preprocess);
  const misses = toPredictions(probabilities, data.classNames).flatMap((p, i) => {
    const truth = data.classNames[data.labels[i]!]!;
    return p.label === truth ? [] : [{ ...p, file: data.files[i]!, truth }];
  });
  return { ...scorePredictions(probabilities, data.labels, data.classNames), misses };
}

function argMax(row: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < row.length; i++) if (row[i]! > row[best]!) best = i;
  return best;
}
