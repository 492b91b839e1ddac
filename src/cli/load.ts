import { fileURLToPath } from 'node:url';
import type { ModelMetadata } from '../shared/api';
import { loadDataset, type Dataset } from '../worker/data/dataset';
import { modelFromFiles } from '../worker/io/model-files';
import { decodeFile, listFolder } from '../worker/node/listing';
import { readModelFolder } from '../worker/node/model-folder';
import type * as tfl from '@tensorflow/tfjs-layers';

export const BUNDLED_DATA = fileURLToPath(new URL('../../public/data/shapes', import.meta.url));
export const DEFAULT_MODEL_DIR = 'models/shape-cnn';

export async function loadFolder(dir: string, classNames?: string[], size?: [number, number]): Promise<Dataset> {
  return loadDataset(await listFolder(dir), decodeFile, { classNames, size });
}

export async function loadModel(dir: string): Promise<{ model: tfl.LayersModel; metadata: ModelMetadata }> {
  return modelFromFiles(await readModelFolder(dir), dir);
}
