import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { ModelMetadata, SavedModelInfo } from '../../shared/api';
import { summarize } from '../model/model';
import { readSetting, type AppDb, type ModelRecord } from './db';

const CURRENT = 'current';

/**
 * Models saved on the device. The tfjs artifacts go under a fresh key, then one transaction points
 * `current` at them; only then is the previous model removed. A save that fails at any step leaves
 * the previous model in place and loadable.
 */
export class ModelStore {
  constructor(private readonly db: AppDb) {}

  async save(model: tfl.LayersModel, metadata: ModelMetadata): Promise<SavedModelInfo> {
    const id = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const url = `indexeddb://shape-cnn/${id}`;
    const record: ModelRecord = { id, url, metadata, summary: summarize(model) };
    try {
      await model.save(url);
      const tx = this.db.transaction(['models', 'settings'], 'readwrite');
      const previous = (await tx.objectStore('settings').get(CURRENT)) as string | undefined;
      await tx.objectStore('models').put(record);
      await tx.objectStore('settings').put(id, CURRENT);
      await tx.done;
      if (previous) await this.remove(previous);
    } catch (error) {
      await tf.io.removeModel(url).catch(() => undefined);
      throw new Error(`Could not save the model on this device: ${(error as Error).message}`);
    }
    return { metadata: record.metadata, summary: record.summary };
  }

  /** The current saved model, or null when none was saved. */
  async load(): Promise<{ model: tfl.LayersModel; info: SavedModelInfo } | null> {
    const id = await readSetting(this.db, CURRENT);
    const record = id ? await this.db.get('models', id) : undefined;
    if (!record) return null;
    try {
      const model = await tfl.loadLayersModel(record.url);
      return { model, info: { metadata: record.metadata, summary: record.summary } };
    } catch (error) {
      throw new Error(`The model saved on this device cannot be loaded (${(error as Error).message}); delete it and train again`);
    }
  }

  async deleteCurrent(): Promise<void> {
    const id = await readSetting(this.db, CURRENT);
    if (!id) return;
    await this.db.delete('settings', CURRENT);
    await this.remove(id);
  }

  private async remove(id: string): Promise<void> {
    const record = await this.db.get('models', id);
    await this.db.delete('models', id);
    if (record) await tf.io.removeModel(record.url).catch(() => undefined);
  }
}
