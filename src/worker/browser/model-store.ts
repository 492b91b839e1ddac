import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ModelMetadata, SavedModelInfo } from '../../shared/api';
import { summarize } from '../model/model';

/** Our own database: tfjs keeps model artifacts in its own `tensorflowjs` database. */
const DB_NAME = 'shape-cnn';

interface ModelRecord extends SavedModelInfo {
  id: string;
  /** Where tfjs keeps this model's topology and weights, e.g. `indexeddb://shape-cnn/1700000000000`. */
  url: string;
}

interface StoreSchema extends DBSchema {
  models: { key: string; value: ModelRecord };
  pointers: { key: string; value: string };
}

const CURRENT = 'current';

/**
 * Models saved on the device. The tfjs artifacts go under a fresh key, then one transaction points
 * `current` at them; only then is the previous model removed. A save that fails at any step leaves
 * the previous model in place and loadable.
 */
export class ModelStore {
  private constructor(private readonly db: IDBPDatabase<StoreSchema>) {}

  static async open(): Promise<ModelStore> {
    const db = await openDB<StoreSchema>(DB_NAME, 1, {
      upgrade(database) {
        database.createObjectStore('models', { keyPath: 'id' });
        database.createObjectStore('pointers');
      },
    });
    return new ModelStore(db);
  }

  async save(model: tfl.LayersModel, metadata: ModelMetadata): Promise<SavedModelInfo> {
    const id = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const url = `indexeddb://shape-cnn/${id}`;
    const record: ModelRecord = { id, url, metadata, summary: summarize(model) };
    try {
      await model.save(url);
      const tx = this.db.transaction(['models', 'pointers'], 'readwrite');
      const previous = await tx.objectStore('pointers').get(CURRENT);
      await tx.objectStore('models').put(record);
      await tx.objectStore('pointers').put(id, CURRENT);
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
    const id = await this.db.get('pointers', CURRENT);
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
    const id = await this.db.get('pointers', CURRENT);
    if (!id) return;
    await this.db.delete('pointers', CURRENT);
    await this.remove(id);
  }

  private async remove(id: string): Promise<void> {
    const record = await this.db.get('models', id);
    await this.db.delete('models', id);
    if (record) await tf.io.removeModel(record.url).catch(() => undefined);
  }
}
