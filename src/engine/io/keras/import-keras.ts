import type * as tfl from '@tensorflow/tfjs-layers';
import { TUTORIAL_SETTINGS, type ModelMetadata } from '../../../shared/api';
import { DataError } from '../../data/errors';
import { parseMetadata } from '../model-files';
import { checkArchitecture, checkInputShape, INPUT_SIZE, unsupported, type Architecture } from './architecture';
import { corrupt } from './h5';
import { readKerasArchive, readKerasH5, type KerasContents } from './read-keras';
import { readSidecar } from './sidecar';
import { modelWithWeights, tutorialShapes, WEIGHTED_LAYERS } from './weights';

/** The file names no classes and none were given: the caller has to ask for them (`classes` of them). */
export class ClassNamesNeeded extends DataError {
  constructor(
    origin: string,
    readonly classes: number,
  ) {
    super(origin, 'kerasClassNames', { classes });
  }
}

export interface KerasImportOptions {
  /** The class names in output order (Keras's `class_indices`); they win over names in the file. */
  classNames?: readonly string[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const HDF5 = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * A Keras model file, a Keras 3 `.keras` archive or a legacy `.h5` of Keras 2 or 3, as a tfjs model
 * the app runs: it must be the tutorial's CNN on 24x24 RGB inputs, any class count; everything
 * else is refused naming the layer and what differs. Class names come from `options`, else from
 * our metadata in the file, else `ClassNamesNeeded` is thrown.
 */
export async function modelFromKeras(
  bytes: Uint8Array,
  origin: string,
  options: KerasImportOptions = {},
): Promise<{ model: tfl.LayersModel; metadata: ModelMetadata }> {
  if (bytes.length === 0) throw new DataError(origin, 'emptyFile');
  let contents: KerasContents;
  if (startsWith(bytes, ZIP)) contents = await readKerasArchive(bytes, origin);
  else if (startsWith(bytes, HDF5)) contents = await readKerasH5(bytes, origin);
  else throw corrupt(origin, 'not a Keras model (neither a .keras zip archive nor an HDF5 .h5 file)');
  checkInputShape(origin, contents.inputShape);
  const architecture = checkArchitecture(origin, contents.layers);
  const weights = checkedWeights(origin, contents, architecture);
  const metadata = metadataFor(origin, contents, architecture.classes, options);
  return { model: modelWithWeights(architecture.classes, weights, metadata.settings.learningRate), metadata };
}

/** The kernels and biases in `tutorialShapes` order, each checked for shape and finite values. */
function checkedWeights(origin: string, contents: KerasContents, architecture: Architecture): Float32Array[] {
  const shapes = tutorialShapes(architecture.classes);
  return WEIGHTED_LAYERS.flatMap((position, i) => {
    const layer = contents.layers[position]!;
    const stored = contents.weights.get(layer.name) ?? [];
    const expected = [shapes[2 * i]!, shapes[2 * i + 1]!];
    const describe = (list: number[][]) => list.map((s) => `[${s.join(', ')}]`).join(' and ');
    if (stored.length !== 2 || stored.some((w, j) => w.shape.join() !== expected[j]!.join())) {
      const found = stored.length === 0 ? 'none' : describe(stored.map((w) => w.shape));
      throw unsupported(
        origin,
        layer,
        `weights ${found} do not match the expected kernel and bias ${describe(expected)}`,
      );
    }
    return stored.map((w, j) => {
      if (!w.values.every(Number.isFinite))
        throw corrupt(origin, `layer '${layer.name}': its ${j === 0 ? 'kernel' : 'bias'} holds NaN or infinite values`);
      return w.values;
    });
  });
}

function metadataFor(
  origin: string,
  contents: KerasContents,
  classes: number,
  options: KerasImportOptions,
): ModelMetadata {
  const ours = contents.sidecar ? readSidecar(contents.sidecar.text, contents.sidecar.where) : undefined;
  const classNames = options.classNames ? [...options.classNames] : ours?.classNames;
  if (!classNames) throw new ClassNamesNeeded(origin, classes);
  if (classNames.length !== classes) {
    throw new DataError(origin, 'kerasClassCount', { given: classNames.length, classes });
  }
  if (new Set(classNames).size !== classNames.length || classNames.some((name) => name.trim() === '')) {
    throw corrupt(
      origin,
      `class names must be distinct and non-empty (got ${classNames.map((n) => `'${n}'`).join(', ')})`,
    );
  }
  const learningRate = contents.learningRate ?? TUTORIAL_SETTINGS.learningRate;
  const metadata: ModelMetadata = ours
    ? { ...ours, classNames }
    : {
        classNames,
        inputSize: [...INPUT_SIZE],
        backend: 'cpu',
        date: kerasDateToIso(contents.date) ?? new Date().toISOString(),
        settings: { ...TUTORIAL_SETTINGS, learningRate },
        history: [],
      };
  return parseMetadata(metadata, origin);
}

/** Keras's "2026-12-01@22:34:35" (local time of the machine that saved it) as an ISO date. */
function kerasDateToIso(date: string | undefined): string | undefined {
  const match = date?.match(/^(\d{4}-\d\d-\d\d)@(\d\d:\d\d:\d\d)$/);
  return match ? `${match[1]}T${match[2]}` : undefined;
}
