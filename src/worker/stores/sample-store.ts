import { BUNDLED_SETS, type BundledSet, type SampleInfo, type SampleSplit, type UserDataset } from '../../shared/api';
import { DataError } from '../../engine/data/errors';
import type { AppDb, SampleBytes } from './db';

export interface StoredSample {
  info: SampleInfo;
  image: SampleBytes;
}

const MAX_CLASS_NAME = 64;

/** A class name is a folder name in exported zips: trimmed, NFC, no slashes, not empty. */
export function checkClassName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  if (!name) throw new DataError('', 'classNameEmpty');
  if (name.length > MAX_CLASS_NAME) throw new DataError('', 'classNameTooLong', { name, limit: MAX_CLASS_NAME });
  if (/[/\\]/.test(name) || name === '.' || name === '..') throw new DataError('', 'classNameFolder', { name });
  return name;
}

const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

/** Whether `name` is, or differs only in case from, one of `classes`: one folder on Windows and macOS. */
const sameFolder = (classes: string[], name: string) => classes.some((c) => c.toLowerCase() === name.toLowerCase());

/**
 * The user's own samples and classes. Every change is one IndexedDB transaction, so a failure (a
 * full disk, a closed tab) leaves the dataset exactly as it was before that change.
 */
export class SampleStore {
  /** `onChange` hears of every change, once it is stored (other tabs are told). */
  constructor(
    private readonly db: AppDb,
    private readonly onChange: () => void = () => undefined,
  ) {}

  async list(): Promise<UserDataset> {
    const tx = this.db.transaction(['samples', 'settings']);
    const samples = await tx.objectStore('samples').getAll();
    const classes = ((await tx.objectStore('settings').get('classes')) as string[] | undefined) ?? [];
    const includeBundled = ((await tx.objectStore('settings').get('includeBundled')) as boolean | undefined) ?? true;
    const bundledSet = ((await tx.objectStore('settings').get('bundledSet')) as BundledSet | undefined) ?? 'starter';
    samples.sort((a, b) => (a.className + a.name < b.className + b.name ? -1 : 1));
    const all = sorted([...classes, ...samples.map((s) => s.className)]);
    return { classes: all, samples, includeBundled, bundledSet };
  }

  async image(id: string): Promise<SampleBytes> {
    const image = await this.db.get('sampleBytes', id);
    if (!image) throw new DataError('', 'sampleMissing', { id });
    return image;
  }

  /** Adds samples and their classes together: all of them are stored, or none. */
  async add(samples: StoredSample[]): Promise<void> {
    const tx = this.db.transaction(['samples', 'sampleBytes', 'settings'], 'readwrite');
    const classes = ((await tx.objectStore('settings').get('classes')) as string[] | undefined) ?? [];
    for (const { info, image } of samples) {
      await tx.objectStore('samples').put(info);
      await tx.objectStore('sampleBytes').put(image, info.id);
    }
    await tx.objectStore('settings').put(sorted([...classes, ...samples.map((s) => s.info.className)]), 'classes');
    await tx.done;
    this.onChange();
  }

  /** Moves samples to another class and/or split. */
  async update(ids: string[], change: { className?: string; split?: SampleSplit }): Promise<void> {
    const className = change.className === undefined ? undefined : checkClassName(change.className);
    const tx = this.db.transaction(['samples', 'settings'], 'readwrite');
    for (const id of ids) {
      const info = await tx.objectStore('samples').get(id);
      if (!info) throw new DataError('', 'sampleMissing', { id });
      await tx
        .objectStore('samples')
        .put({ ...info, ...(className ? { className } : {}), ...(change.split ? { split: change.split } : {}) });
    }
    if (className) {
      const classes = ((await tx.objectStore('settings').get('classes')) as string[] | undefined) ?? [];
      await tx.objectStore('settings').put(sorted([...classes, className]), 'classes');
    }
    await tx.done;
    this.onChange();
  }

  async remove(ids: string[]): Promise<void> {
    const tx = this.db.transaction(['samples', 'sampleBytes'], 'readwrite');
    for (const id of ids) {
      await tx.objectStore('samples').delete(id);
      await tx.objectStore('sampleBytes').delete(id);
    }
    await tx.done;
    this.onChange();
  }

  async addClass(raw: string): Promise<void> {
    const name = checkClassName(raw);
    const { classes } = await this.list();
    if (sameFolder(classes, name)) throw new DataError('', 'classExists', { name });
    await this.db.put('settings', sorted([...classes, name]), 'classes');
    this.onChange();
  }

  /** Renames a class and relabels its samples in one transaction. */
  async renameClass(from: string, raw: string): Promise<void> {
    const to = checkClassName(raw);
    const { classes, samples } = await this.list();
    if (!classes.includes(from)) throw new DataError('', 'classMissing', { name: from });
    if (to.toLowerCase() !== from.toLowerCase() && sameFolder(classes, to))
      throw new DataError('', 'classExists', { name: to });
    const tx = this.db.transaction(['samples', 'settings'], 'readwrite');
    for (const info of samples.filter((s) => s.className === from))
      await tx.objectStore('samples').put({ ...info, className: to });
    await tx.objectStore('settings').put(sorted(classes.map((c) => (c === from ? to : c))), 'classes');
    await tx.done;
    this.onChange();
  }

  /** Removes a class with all its samples. */
  async removeClass(name: string): Promise<void> {
    const { classes, samples } = await this.list();
    const tx = this.db.transaction(['samples', 'sampleBytes', 'settings'], 'readwrite');
    for (const info of samples.filter((s) => s.className === name)) {
      await tx.objectStore('samples').delete(info.id);
      await tx.objectStore('sampleBytes').delete(info.id);
    }
    await tx.objectStore('settings').put(
      classes.filter((c) => c !== name),
      'classes',
    );
    await tx.done;
    this.onChange();
  }

  async setIncludeBundled(include: boolean): Promise<void> {
    await this.db.put('settings', include, 'includeBundled');
    this.onChange();
  }

  async setBundledSet(set: BundledSet): Promise<void> {
    if (!BUNDLED_SETS.includes(set)) throw new DataError('', 'unknownBundledSet', { name: String(set) });
    await this.db.put('settings', set, 'bundledSet');
    this.onChange();
  }
}
