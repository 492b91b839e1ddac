import type { ModelMetadata } from '../../../shared/api';
import { classIndicesOf } from '../../data/dataset';
import { DataError } from '../../data/errors';
import { preprocessOf } from '../../data/preprocess';
import { parseMetadata } from '../model-files';
import { INPUT_SIZE } from './architecture';

/**
 * Where our metadata rides along in an exported file: a key of the .keras archive's metadata.json,
 * a root attribute of every HDF5 file we write (the .h5, and the .keras's model.weights.h5), and a
 * `metadata_props` entry of an ONNX model. Keras reads none of these places, so the files load as
 * they are; a Keras re-save drops them.
 */
export const SIDECAR_KEY = 'shape_cnn';

/** How an image becomes the model's input, for whoever runs the file outside the app. */
export function inputDescription(metadata: ModelMetadata) {
  const { fitFrame: fit, averageTurns } = preprocessOf(metadata);
  const fitting = fit
    ? [
        `fit to frame: crop to the ink (see metadata.preprocess.fitFrame), centre it in a square with a ${fit.margin} margin`,
        ...(fit.maxAspect
          ? [
              `a drawing more than ${fit.maxAspect} times as long as it is wide: a window that narrow across it, stretched square`,
            ]
          : []),
      ]
    : [];
  return {
    layout: 'NHWC',
    shape: [null, ...INPUT_SIZE, 3],
    dtype: 'float32',
    range: [0, 1],
    steps: [
      ...fitting,
      'composite RGBA onto white',
      `resize to ${INPUT_SIZE.join('x')} by area averaging`,
      'divide by 255',
    ],
    ...(averageTurns
      ? { output: 'the mean of the probabilities of the input and of it turned by 90, 180 and 270 degrees' }
      : {}),
  } as const;
}

export interface Sidecar {
  /** Keras's `class_indices`: class name → output index. */
  classIndices: Record<string, number>;
  input: ReturnType<typeof inputDescription>;
  /** The app's own metadata.json: classes, training settings, history, preprocessing. */
  metadata: ModelMetadata;
}

export function sidecarJson(metadata: ModelMetadata): string {
  const sidecar: Sidecar = {
    classIndices: classIndicesOf(metadata.classNames),
    input: inputDescription(metadata),
    metadata,
  };
  return JSON.stringify(sidecar);
}

/** Our metadata from a sidecar's text, if there is one; `where` names it in errors. */
export function readSidecar(text: string | undefined, where: string): ModelMetadata | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DataError(where, 'notJson');
  }
  return parseMetadata((value as Partial<Sidecar> | null)?.metadata, where);
}
