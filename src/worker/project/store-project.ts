import * as tf from '@tensorflow/tfjs-core';
import { decodeImage } from '../../engine/browser/decode';
import { DataError } from '../../engine/data/errors';
import { readImageHeader } from '../../engine/data/image-header';
import { pixelHash } from '../../engine/data/pixel-hash';
import { modelFromFiles } from '../../engine/io/model-files';
import { summarize } from '../../engine/model/model';
import type { Mistake, ProjectMode } from '../../shared/api';
import { ownBuffer } from '../buffers';
import type { LoadedModel } from '../services/current-model';
import type { ModelRecord } from '../stores/db';
import { confirmStored } from '../stores/model-store';
import type { StoredSample } from '../stores/sample-store';
import type { Workspace } from '../stores/workspace';
import type { CheckedProject } from './check-project';

/** What storing a project did; `current` is the model to predict with now (undefined: unchanged). */
export interface StoredProject {
  added: { samples: number; models: number };
  current: LoadedModel | null | undefined;
  /** Samples whose decoded pixels training must read again. */
  changedSamples: string[];
}

const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

/**
 * The project's samples as this device will store them, and the id each project sample has here:
 * when merging, a sample already stored (the same pixels) is not stored again but known by the
 * stored one's id, and an id already taken gets a fresh one.
 */
async function planSamples(workspace: Workspace, { project, hashes }: CheckedProject, mode: ProjectMode) {
  const known = new Map<string, string>();
  const taken = new Set<string>();
  for (const sample of mode === 'merge' ? (await workspace.samples.list()).samples : []) {
    const bytes = async () => new Uint8Array((await workspace.samples.image(sample.id)).bytes);
    known.set(sample.hash ?? (await pixelHash(await decodeImage(await bytes(), sample.name))), sample.id);
    taken.add(sample.id);
  }
  const stored: StoredSample[] = [];
  const ids = new Map<string, string>();
  for (const [i, { id: given, path, className, split, name, addedAt, bytes }] of project.samples.entries()) {
    const hash = hashes[i]!;
    const id = known.get(hash) ?? (given && !taken.has(given) ? given : crypto.randomUUID());
    if (given) ids.set(given, id);
    if (known.has(hash)) continue;
    if (mode === 'merge') known.set(hash, id);
    taken.add(id);
    const type = `image/${readImageHeader(bytes, path).format}`;
    stored.push({ info: { id, className, split, name, addedAt, hash }, image: { bytes: ownBuffer(bytes), type } });
  }
  return { stored, ids };
}

/** Mistakes naming the project's samples by their ids here; one naming no sample of it is dropped. */
const remapped = (mistakes: Mistake[], ids: Map<string, string>): Mistake[] =>
  mistakes.flatMap((m) => {
    if (m.source.kind !== 'sample') return [m];
    const id = ids.get(m.source.id);
    return id ? [{ ...m, source: { kind: 'sample', id } }] : [];
  });

/** A file left behind (its removal failed too) is swept at the next start, as every orphan is. */
const removeArtifacts = (urls: string[]) =>
  Promise.all(urls.map((url) => tf.io.removeModel(url).catch(() => undefined)));

/**
 * Stores a checked project. The models' tfjs files are written first under fresh keys, then one
 * transaction writes samples, classes, settings and model records (and, replacing, removes this
 * device's): any failure leaves everything as it was and removes the files written.
 */
export async function storeProject(
  workspace: Workspace,
  checked: CheckedProject,
  mode: ProjectMode,
): Promise<StoredProject> {
  const { project, origin } = checked;
  const { db } = workspace;
  const before = await workspace.models.list();
  const wanted = mode === 'replace' || !before.current ? project.current : before.current;
  const { stored, ids } = await planSamples(workspace, checked, mode);
  const fresh = project.models.filter((m) => mode === 'replace' || !before.models.some((b) => b.id === m.id));
  const records: ModelRecord[] = [];
  let current: LoadedModel | null = null;
  let replaced: ModelRecord[] = [];
  try {
    for (const { id, name, mistakes, files, origin: folder } of fresh) {
      const { model, metadata } = await modelFromFiles(files, folder);
      const url = `indexeddb://shape-cnn/${id}-${Math.random().toString(36).slice(2, 8)}`;
      const record: ModelRecord = { id, url, name, metadata, summary: summarize(model) };
      if (mistakes) record.mistakes = remapped(mistakes, ids);
      records.push(record);
      try {
        await model.save(url);
        await confirmStored(url).catch(() => {
          throw new DataError(origin, 'projectNoSpace');
        });
      } catch (error) {
        model.dispose();
        throw error;
      }
      const { url: _, ...info } = record;
      if (mode === 'replace' && id === wanted) current = { model, info };
      else model.dispose();
    }
    const tx = db.transaction(['models', 'settings', 'samples', 'sampleBytes'], 'readwrite');
    const settings = tx.objectStore('settings');
    const classes = mode === 'replace' ? [] : (((await settings.get('classes')) as string[] | undefined) ?? []);
    if (mode === 'replace') {
      replaced = await tx.objectStore('models').getAll();
      await tx.objectStore('models').clear();
      await tx.objectStore('samples').clear();
      await tx.objectStore('sampleBytes').clear();
      await settings.put(project.includeBundled, 'includeBundled');
      await settings.put(project.bundledSet, 'bundledSet');
    }
    for (const { info, image } of stored) {
      await tx.objectStore('samples').put(info);
      await tx.objectStore('sampleBytes').put(image, info.id);
    }
    for (const record of records) await tx.objectStore('models').put(record);
    await settings.put(sorted([...classes, ...project.classes]), 'classes');
    if (wanted) await settings.put(wanted, 'current');
    else await settings.delete('current');
    await tx.done;
  } catch (error) {
    current?.model.dispose();
    await removeArtifacts(records.map((r) => r.url));
    if (error instanceof DataError) throw error;
    if (error instanceof DOMException && error.name === 'QuotaExceededError')
      throw new DataError(origin, 'projectNoSpace');
    throw new DataError(origin, 'projectNotOpened', { detail: (error as Error).message });
  }
  // Files of replaced models no record owns any more: should removing one fail, the next start's sweep does.
  await removeArtifacts(replaced.map((r) => r.url));
  const becameCurrent = mode === 'merge' && !before.current && wanted ? await workspace.models.load(wanted) : undefined;
  return {
    added: { samples: stored.length, models: records.length },
    current: mode === 'replace' ? current : becameCurrent,
    changedSamples: stored.map((s) => s.info.id),
  };
}
