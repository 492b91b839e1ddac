import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ModelMetadata, SampleSplit } from '../shared/api';
import { loadDataset, type Dataset, type LoadOptions } from '../engine/data/dataset';
import { DataError } from '../engine/data/errors';
import { planImport, type ImportPlan } from '../engine/data/import-plan';
import { modelFromFiles, type ModelFiles } from '../engine/io/model-files';
import { modelFromZip } from '../engine/io/model-zip';
import { readZip, writeZip } from '../engine/io/zip';
import { decodeImage } from '../engine/node/decode';
import { decodeFile, listFolder } from '../engine/node/listing';
import { readModelFolder, writeModelFolder } from '../engine/node/model-folder';

export const BUNDLED_DATA = fileURLToPath(new URL('../../public/data/shapes', import.meta.url));
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
  const plan = planImport(readZip(await readBytes(path), path), path, { testFraction, seed });
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
export async function loadSplits(path: string, testFraction: number, seed: number): Promise<Splits> {
  if (!isZip(path)) {
    const train = await loadDataset(await listFolder(join(path, 'train')), decodeFile);
    const test = await loadDataset(await listFolder(join(path, 'test')), decodeFile, { classNames: train.classNames });
    return { train, test };
  }
  const plan = await readPlan(path, testFraction, seed);
  const options = { classNames: plan.classNames };
  return { train: await planSplit(plan, 'train', options), test: await planSplit(plan, 'test', options) };
}

/** Images to score a model on: a folder of class folders, or a .zip (its test/ split if it has one). */
export async function loadEvaluationData(path: string, classNames: string[], size: [number, number]): Promise<Dataset> {
  if (!isZip(path)) return loadDataset(await listFolder(path), decodeFile, { classNames, size });
  const plan = await readPlan(path, 0, 0);
  return planSplit(plan, plan.samples.some((s) => s.split === 'test') ? 'test' : 'train', { classNames, size });
}

/** A model saved by `shapes train` or exported by the app: a folder, or a .zip of the same files. */
export async function loadModel(path: string): Promise<{ model: tfl.LayersModel; metadata: ModelMetadata }> {
  return isZip(path) ? modelFromZip(await readBytes(path), path) : modelFromFiles(await readModelFolder(path), path);
}

export async function saveModel(path: string, files: ModelFiles): Promise<void> {
  if (isZip(path)) await writeFile(path, writeZip(files));
  else await writeModelFolder(path, files);
}
