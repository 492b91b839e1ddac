// Drawings grouped by the person who drew them: a folder `<root>/<person>/<class>/<file>`, like
// the HDS dataset, so every measurement can hold out whole people.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createRng } from '../../engine/data/random';
import { decodeFile } from '../../engine/node/listing';
import { toGrey, type GreyImage } from './grey';

export interface Drawing {
  person: string;
  className: string;
  file: string;
  image: GreyImage;
}

export interface LoadPeopleOptions {
  /** At most this many drawings per class per person, picked at random (`if8` alone drew 6,396). */
  cap: number;
  /** Seeds which drawings the cap keeps; independent of the training seeds. */
  seed: number;
  /** Folder name → class name, e.g. HDS's `ellipse` → `circle`. */
  rename: Record<string, string>;
}

/** Sorted visible subfolders, following symbolic links (a test group can be a folder of links). */
async function subfolders(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => !name.startsWith('.')).sort();
  const isFolder = await Promise.all(names.map(async (name) => (await stat(join(dir, name))).isDirectory()));
  return names.filter((_, i) => isFolder[i]);
}

/** Every person's drawings (capped), people and classes sorted, each class's files in seeded random order. */
export async function loadPeople(root: string, options: LoadPeopleOptions): Promise<Drawing[]> {
  const drawings: Drawing[] = [];
  const rng = createRng(options.seed);
  for (const person of await subfolders(root)) {
    for (const folder of await subfolders(join(root, person))) {
      const files = (await readdir(join(root, person, folder))).filter((f) => /\.(png|jpe?g)$/i.test(f)).sort();
      const picked = rng.shuffle(files).slice(0, options.cap);
      for (const file of picked) {
        const path = join(root, person, folder, file);
        drawings.push({
          person,
          className: options.rename[folder] ?? folder,
          file: path,
          image: toGrey(await decodeFile(path)),
        });
      }
    }
  }
  return drawings;
}

/** Up to `perClass` drawings of each class of each person (the first of its random order). */
export function balanced(drawings: readonly Drawing[], perClass: number): Drawing[] {
  const counts = new Map<string, number>();
  return drawings.filter((d) => {
    const key = `${d.person}/${d.className}`;
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    return n < perClass;
  });
}

/**
 * `perClass` drawings of each class in all, taken in turn from each person (seeded order), so a
 * tutorial-sized split is spread across people instead of coming from one or two of them.
 */
export function roundRobin(drawings: readonly Drawing[], perClass: number, seed: number): Drawing[] {
  const rng = createRng(seed);
  const picked: Drawing[] = [];
  for (const className of [...new Set(drawings.map((d) => d.className))].sort()) {
    const queues = rng
      .shuffle(peopleOf(drawings))
      .map((p) => drawings.filter((d) => d.person === p && d.className === className));
    const taken: Drawing[] = [];
    for (let turn = 0; taken.length < perClass && queues.some((q) => q.length > turn); turn++) {
      for (const q of queues) if (q.length > turn && taken.length < perClass) taken.push(q[turn]!);
    }
    picked.push(...taken);
  }
  return picked;
}

export const peopleOf = (drawings: readonly Drawing[]): string[] => [...new Set(drawings.map((d) => d.person))].sort();

/**
 * Splits people into `folds` groups of similar size, seeded. People who drew the `other` class are
 * dealt out separately, so every group holds some of them.
 */
export function personFolds(drawings: readonly Drawing[], folds: number, seed: number): string[][] {
  const rng = createRng(seed);
  const withOther = new Set(drawings.filter((d) => d.className === 'other').map((d) => d.person));
  const people = peopleOf(drawings);
  const order = [
    ...rng.shuffle(people.filter((p) => withOther.has(p))),
    ...rng.shuffle(people.filter((p) => !withOther.has(p))),
  ];
  const groups: string[][] = Array.from({ length: folds }, () => []);
  order.forEach((person, i) => {
    groups[i % folds]!.push(person);
  });
  return groups.map((g) => g.sort());
}
