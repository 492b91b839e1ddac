import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Mistake, ModelMetadata, SavedModelInfo } from '../../shared/api';
import { DataError } from '../../engine/data/errors';
import { summarize } from '../../engine/model/model';
import { readSetting, type AppDb, type ModelRecord } from './db';

const CURRENT = 'current';

const info = ({ url: _url, ...record }: ModelRecord): SavedModelInfo => record;

/**
 * Named models saved on the device, one of them current (the one the app predicts with). Saving
 * writes the tfjs artifacts under a fresh key first, then one transaction records the model and
 * makes it current: a save that fails at any step leaves every earlier model in place and loadable.
 */
export class ModelStore {
  constructor(private readonly db: AppDb) {}

  /** `mistakes` are the test images it got wrong here, kept on this device only. */
  async save(
    model: tfl.LayersModel,
    metadata: ModelMetadata,
    extra: { name?: string; mistakes?: Mistake[] } = {},
  ): Promise<SavedModelInfo> {
    const id = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const url = `indexeddb://shape-cnn/${id}`;
    const record: ModelRecord = { id, url, name: extra.name?.trim() ?? '', metadata, summary: summarize(model) };
    if (extra.mistakes) record.mistakes = extra.mistakes;
    try {
      await model.save(url);
      const tx = this.db.transaction(['models', 'settings'], 'readwrite');
      await tx.objectStore('models').put(record);
      await tx.objectStore('settings').put(id, CURRENT);
      await tx.done;
    } catch (error) {
      await tf.io.removeModel(url).catch(() => undefined);
      throw new DataError('', 'modelNotSaved', { detail: (error as Error).message });
    }
    return info(record);
  }

  /** Every saved model, newest first. */
  async list(): Promise<{ models: SavedModelInfo[]; current: string | null }> {
    const records = await this.db.getAll('models');
    records.sort((a, b) => (a.metadata.date < b.metadata.date ? 1 : -1));
    return { models: records.map(info), current: (await readSetting(this.db, CURRENT)) ?? null };
  }

  /** A saved model (the current one by default), or null when there is none. */
  async load(id?: string): Promise<{ model: tfl.LayersModel; info: SavedModelInfo } | null> {
    const key = id ?? (await readSetting(this.db, CURRENT));
    const record = key ? await this.db.get('models', key) : undefined;
    if (!record) {
      if (id) throw new DataError('', 'modelMissing', { id });
      return null;
    }
    try {
      return { model: await tfl.loadLayersModel(record.url), info: info(record) };
    } catch (error) {
      throw new DataError('', 'modelUnloadable', { name: record.name, detail: (error as Error).message });
    }
  }

  async setCurrent(id: string): Promise<void> {
    if (!(await this.db.get('models', id))) throw new DataError('', 'modelMissing', { id });
    await this.db.put('settings', id, CURRENT);
  }

  async rename(id: string, name: string): Promise<SavedModelInfo> {
    const record = await this.db.get('models', id);
    if (!record) throw new DataError('', 'modelMissing', { id });
    if (!name.trim()) throw new DataError('', 'modelNameEmpty');
    const renamed = { ...record, name: name.trim() };
    await this.db.put('models', renamed);
    return info(renamed);
  }

  /** Deletes a model; if it was current, the newest remaining one becomes current. */
  async remove(id: string): Promise<string | null> {
    const record = await this.db.get('models', id);
    const tx = this.db.transaction(['models', 'settings'], 'readwrite');
    await tx.objectStore('models').delete(id);
    let current = ((await tx.objectStore('settings').get(CURRENT)) as string | undefined) ?? null;
    if (current === id) {
      const rest = (await tx.objectStore('models').getAll()).sort((a, b) =>
        a.metadata.date < b.metadata.date ? 1 : -1,
      );
      current = rest[0]?.id ?? null;
      if (current) await tx.objectStore('settings').put(current, CURRENT);
      else await tx.objectStore('settings').delete(CURRENT);
    }
    await tx.done;
    if (record) await tf.io.removeModel(record.url).catch(() => undefined);
    return current;
  }
}
