import type * as tfl from '@tensorflow/tfjs-layers';
import type { ModelMetadata } from '../../shared/api';
import { DataError } from '../data/errors';
import { modelFromFiles, modelToFiles, type ModelFiles } from './model-files';
import { readZip, writeZip } from './zip';

/** A model as a .zip: model.json, weights.bin and metadata.json at the top (or in one folder). */
export async function modelToZip(model: tfl.LayersModel, metadata: ModelMetadata): Promise<Uint8Array> {
  return writeZip(await modelToFiles(model, metadata));
}

export async function modelFromZip(
  bytes: Uint8Array,
  origin: string,
): Promise<{ model: tfl.LayersModel; metadata: ModelMetadata }> {
  const entries = readZip(bytes, origin).filter((f) => !/(^|\/)(__MACOSX|\.)/.test(f.path));
  const folders = new Set(entries.map((f) => (f.path.includes('/') ? f.path.slice(0, f.path.indexOf('/') + 1) : '')));
  const prefix = folders.size === 1 ? [...folders][0]! : '';
  const files: ModelFiles = new Map();
  for (const { path, bytes: data } of entries) {
    const name = path.slice(prefix.length);
    if (name.includes('/')) throw new DataError(`${origin}/${path}`, 'modelZipFolder');
    files.set(name, data);
  }
  return modelFromFiles(files, origin);
}
