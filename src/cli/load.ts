import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { BundledSet, ModelMetadata, Preprocess, SampleSplit, StarterIndex } from '../shared/api';
import { loadDataset, type Dataset, type LoadOptions } from '../engine/data/dataset';
import { DataError } from '../engine/data/errors';
import { atlasTiles, starterDataset } from '../engine/data/starter';
import { planImport, type ImportPlan } from '../engine/data/import-plan';
import { ClassNamesNeeded, modelFromKeras } from '../engine/io/keras/import-keras';
import { modelFromFiles, type ModelFiles } from '../engine/io/model-files';
import { modelFromZip } from '../engine/io/model-zip';
import { datasetFiles } from '../engine/io/project';
import { readZip, writeZip } from '../engine/io/zip';
import { decodeImage } from '../engine/node/decode';
import { decodeFile, listFolder } from '../engine/node/listing';
import { readModelFolder, writeModelFolder } from '../engine/node/model-folder';
import { UsageError } from './args';

export const BUNDLED_DATA = fileURLToPath(new URL('../../public/data/shapes', import.meta.url));
export const STARTER_DATA = fileURLToPath(new URL('../../public/data/starter', import.meta.url));
export const DEFAULT_MODEL_DIR = 'models/shape-cnn';

const isZip = (path: string) => path.toLowerCase().endsWith('.zip');

async function readBytes(path: string): Promise<Uint8Array> {
  return new Uint8Array(
    await readFile(path).catch(() => {
      throw new DataError(path, 'unreadableFile');
    }),
  );
}

export interface Splits {
  train: Dataset;
  /** Empty when the data has no test images. */
  test: Dataset;
}

/** The CLI reads a dataset as Keras does: a file that cannot be used stops it, named. */
async function readPlan(path: string, testFraction: number, seed: number): Promise<ImportPlan> {
  // A project file's project.json and models/ are not images of classes: only its train/ and test/ are read.
  const plan = planImport(datasetFiles(readZip(await readBytes(path), path)), path, { testFraction, seed });
  const [refused] = plan.refused;
  if (refused) throw new DataError(refused.subject, refused.code, refused.params);
  return plan;
}

/** One split of a planned import, decoded like `flow_from_directory` would. */
function planSplit(plan: ImportPlan, split: SampleSplit, options: LoadOptions): Promise<Dataset> {
  const chosen = plan.samples.filter((s) => s.split === split);
  const bytes = new Map(chosen.map((s) => [`${plan.origin}/${s.path}`, s.bytes]));
  const entries = [...bytes.keys()].map((path, i) => ({ path, className: chosen[i]!.className }));
  const classNames = [...new Set(chosen.map((s) => s.className))].sort();
  return loadDataset({ root: plan.origin, classNames, entries }, async (p) => decodeImage(bytes.get(p)!, p), options);
}

/**
 * A dataset for training: a folder with train/ and test/ class folders, or a .zip laid out like
 * the app exports (train/<class>/…, test/<class>/…) or of bare class folders, `testFraction` of
 * which is set aside for testing.
 */
export async function loadSplits(
  path: string,
  testFraction: number,
  seed: number,
  preprocess?: Preprocess,
): Promise<Splits> {
  // Training keeps each drawing for the redraw augmentation; the test split is only scored.
  const trainOptions = { preprocess, keepSources: true };
  if (!isZip(path)) {
    const train = await loadDataset(await listFolder(join(path, 'train')), decodeFile, trainOptions);
    const testOptions = { classNames: train.classNames, preprocess };
    return { train, test: await loadDataset(await listFolder(join(path, 'test')), decodeFile, testOptions) };
  }
  const plan = await readPlan(path, testFraction, seed);
  const classNames = plan.classNames;
  return {
    train: await planSplit(plan, 'train', { ...trainOptions, classNames }),
    test: await planSplit(plan, 'test', { classNames, preprocess }),
  };
}

/** The app's real-drawing starter set (`starter`, or `starter-shapes` without `other`), as the app reads it. */
export async function loadStarter(set: Exclude<BundledSet, 'tutorial'>, preprocess: Preprocess): Promise<Splits> {
  const index = JSON.parse(await readFile(join(STARTER_DATA, 'index.json'), 'utf8')) as StarterIndex;
  const classNames = index.classes.filter((c) => set === 'starter' || c !== 'other');
  const split = async (name: SampleSplit) => {
    const atlas = await decodeFile(join(STARTER_DATA, index.splits[name].atlas));
    return starterDataset(index, name, atlasTiles(atlas, index, name), classNames, [24, 24], preprocess);
  };
  return { train: await split('train'), test: await split('test') };
}

/** Images to score a model on: a folder of class folders, or a .zip (its test/ split if it has one). */
export async function loadEvaluationData(
  path: string,
  classNames: string[],
  size: [number, number],
  preprocess?: Preprocess,
): Promise<Dataset> {
  const options = { classNames, size, preprocess };
  if (!isZip(path)) return loadDataset(await listFolder(path), decodeFile, options);
  const plan = await readPlan(path, 0, 0);
  return planSplit(plan, plan.samples.some((s) => s.split === 'test') ? 'test' : 'train', options);
}

const isKeras = (path: string) => /\.(keras|h5|hdf5)$/i.test(path);

/** `--classes a,b,c`: class names in output order (Keras's class_indices order). */
export function classList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const names = value.split(',').map((name) => name.trim());
  if (names.length < 2 || names.some((name) => name === ''))
    throw new UsageError(`--classes: expected two or more names like a,b,c, got '${value}'`);
  return names;
}

/**
 * A model saved by `shapes train` or exported by the app (a folder, or a .zip of the same files),
 * or a Keras .keras/.h5 of the tutorial's CNN, whose class names come from `classes`, else from
 * FILE.classes.txt (one per line), else from the file itself if the app wrote it.
 */
export async function loadModel(
  path: string,
  classes?: string[],
): Promise<{ model: tfl.LayersModel; metadata: ModelMetadata }> {
  if (isKeras(path)) return loadKerasModel(path, classes);
  if (classes) throw new UsageError('--classes is for Keras .keras/.h5 models: a saved model names its classes itself');
  return isZip(path) ? modelFromZip(await readBytes(path), path) : modelFromFiles(await readModelFolder(path), path);
}

async function loadKerasModel(
  path: string,
  classes?: string[],
): Promise<{ model: tfl.LayersModel; metadata: ModelMetadata }> {
  const sidecar = `${path}.classes.txt`;
  const classNames =
    classes ??
    (existsSync(sidecar)
      ? (await readFile(sidecar, 'utf8'))
          .split(/\r?\n/)
          .map((n) => n.trim())
          .filter(Boolean)
      : undefined);
  try {
    return await modelFromKeras(await readBytes(path), path, classNames ? { classNames } : {});
  } catch (error) {
    if (!(error instanceof ClassNamesNeeded)) throw error;
    throw new DataError(path, 'modelUnbuildable', {
      detail: `the file does not name its ${error.classes} classes: give them in output order with --classes a,b,c or in ${basename(sidecar)}, one per line`,
    });
  }
}

export async function saveModel(path: string, files: ModelFiles): Promise<void> {
  if (isZip(path)) await writeFile(path, writeZip(files));
  else await writeModelFolder(path, files);
}
