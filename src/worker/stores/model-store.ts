import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Mistake, ModelMetadata, SavedModelInfo } from '../../shared/api';
import { DataError } from '../../engine/data/errors';
import { summarize } from '../../engine/model/model';
import { readSetting, type AppDb, type ModelRecord } from './db';

const CURRENT = 'current';

const info = ({ url: _url, ...record }: ModelRecord): SavedModelInfo => record;

/** Said for a full disk, in the app's words (the browser's are empty or technical). */
const NO_SPACE = 'not enough storage space';

/** tfjs keeps each model's artifacts under this prefix, in its own database. */
const ARTIFACTS = 'indexeddb://shape-cnn/';
/** Artifacts without a record older than this are left over from a failed save; younger ones may be another tab's save under way. */
const ORPHAN_AGE_MS = 10 * 60 * 1000;

/** Removes a model's tfjs artifacts if there are any; a failure to remove them is the caller's to report. */
async function removeArtifacts(url: string): Promise<void> {
  if (url in (await tf.io.listModels())) await tf.io.removeModel(url);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * tfjs answers a save once IndexedDB has taken the write, before it commits it: a write refused at
 * commit (for want of space) shows only when the model is read back. Throws if it cannot be.
 */
export async function confirmStored(url: string): Promise<void> {
  const [handler] = tf.io.getLoadHandlers(url);
  await handler!.load!().catch(() => {
    throw new DOMException(`${url} was not stored`, 'QuotaExceededError');
  });
}

/** IndexedDB reports a full disk as QuotaExceededError, often with no message; tfjs may wrap it in its own words. */
const isQuota = (error: unknown) =>
  (error instanceof DOMException && error.name === 'QuotaExceededError') || /quota/i.test(messageOf(error));

/**
 * Named models saved on the device, one of them current (the one the app predicts with). Saving
 * writes the tfjs artifacts under a fresh key first, then one transaction records the model and
 * makes it current: a save that fails at any step leaves every earlier model in place and loadable.
 */
export class ModelStore {
  /** `onChange` hears of every change, once it is stored (other tabs are told). */
  constructor(
    private readonly db: AppDb,
    private readonly onChange: () => void = () => undefined,
  ) {}

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
      await confirmStored(url);
      const tx = this.db.transaction(['models', 'settings'], 'readwrite');
      await tx.objectStore('models').put(record);
      await tx.objectStore('settings').put(id, CURRENT);
      await tx.done;
      this.onChange();
    } catch (error) {
      const detail = isQuota(error) ? NO_SPACE : messageOf(error);
      const cleanup = await removeArtifacts(url).then(
        () => '',
        (failure: unknown) => messageOf(failure),
      );
      if (cleanup) throw new DataError('', 'modelNotSavedFilesLeft', { detail, cleanup });
      throw new DataError('', 'modelNotSaved', { detail });
    }
    return info(record);
  }

  /**
   * Removes artifacts that no saved model owns (left by a save that failed and could not clean
   * up, or a deletion whose files could not be removed); returns how many were removed.
   */
  async sweep(now = Date.now()): Promise<number> {
    const owned = new Set((await this.db.getAll('models')).map((r) => r.url));
    const stored = Object.entries(await tf.io.listModels());
    const orphans = stored.filter(
      ([url, artifacts]) =>
        url.startsWith(ARTIFACTS) && !owned.has(url) && now - new Date(artifacts.dateSaved).getTime() > ORPHAN_AGE_MS,
    );
    for (const [url] of orphans) await tf.io.removeModel(url);
    return orphans.length;
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
    this.onChange();
  }

  async rename(id: string, name: string): Promise<SavedModelInfo> {
    const record = await this.db.get('models', id);
    if (!record) throw new DataError('', 'modelMissing', { id });
    if (!name.trim()) throw new DataError('', 'modelNameEmpty');
    const renamed = { ...record, name: name.trim() };
    await this.db.put('models', renamed);
    this.onChange();
    return info(renamed);
  }

  /**
   * Deletes a model; if it was current, the newest remaining one becomes current. `leftover` says
   * why its files could not be removed (the next `sweep` removes them).
   */
  async remove(id: string): Promise<{ current: string | null; leftover?: DataError }> {
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
    this.onChange();
    if (!record) return { current };
    try {
      await removeArtifacts(record.url);
      return { current };
    } catch (error) {
      return {
        current,
        leftover: new DataError('', 'modelFilesLeft', { name: record.name, detail: messageOf(error) }),
      };
    }
  }
}
