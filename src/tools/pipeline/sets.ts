// Training and test sets for one split of people, through a recipe's pipeline.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dataset } from '../../engine/data/dataset';
import { cleanPhoto } from '../../engine/data/photo';
import { decodeFile, listFolder } from '../../engine/node/listing';
import type { RgbaImage } from '../../engine/data/pixels';
import { classesOf, type Recipe } from './experiment';
import { HARD_KINDS, hardSet, type HardKind } from './hard-set';
import { balanced, roundRobin, type Drawing } from './people';
import { prepare, type Labelled, type Pipeline, type Prepared } from './prepare';

/**
 * Extra test folders laid out `<class>/<file>`: mouse drawings, and the bundled tutorial-sized test
 * and hard splits (drawn by the report's default held-out people).
 */
export const FOLDER_SETS: Record<string, string> = {
  drawn: 'test/fixtures/drawn',
  'tutorial test': 'public/data/shapes/test',
  'tutorial hard': 'public/data/shapes/hard',
};

/** The made phone photos of paper drawings (test/fixtures/photos), as the app cleans them first. */
const PHOTOS = 'test/fixtures/photos';

async function loadPhotos(): Promise<Labelled[]> {
  const manifest = JSON.parse(await readFile(join(PHOTOS, 'manifest.json'), 'utf8')) as { photo: string }[];
  const photos: Labelled[] = [];
  for (const { photo } of manifest) {
    const className = /^\d+-(ellipse|circle|rectangle|triangle)\./.exec(photo)?.[1];
    if (!className) continue;
    const cleaned = cleanPhoto(await decodeFile(join(PHOTOS, photo)));
    if (!cleaned.ok) throw new Error(`${photo}: the photo cleaner found no drawing (${cleaned.reason})`);
    photos.push({ className: className === 'ellipse' ? 'circle' : className, image: cleaned.image });
  }
  return photos;
}

export async function loadFolderSets(): Promise<Record<string, Labelled[]>> {
  const sets: Record<string, Labelled[]> = {};
  for (const [name, root] of Object.entries(FOLDER_SETS)) {
    const listing = await listFolder(root);
    sets[name] = await Promise.all(
      listing.entries.map(async (e) => ({ className: e.className, image: (await decodeFile(e.path)) as RgbaImage })),
    );
  }
  sets.photos = await loadPhotos();
  return sets;
}

export interface TestOptions {
  /** Held-out drawings per class per person that are scored (and made hard). */
  perClass: number;
  seed: number;
}

export interface TestSource {
  people: Drawing[];
  hard: (Drawing & { kind: HardKind })[];
  folders: Record<string, Labelled[]>;
}

/** The raw test images of held-out people: their drawings (with `other`), a hard set of their shapes. */
export function testSource(
  heldOut: readonly Drawing[],
  folders: Record<string, Labelled[]>,
  options: TestOptions,
): TestSource {
  const people = balanced(heldOut, options.perClass);
  const hard = hardSet(
    people.filter((d) => d.className !== 'other'),
    options.seed,
  );
  return { people, hard, folders };
}

const ALL_CLASSES = ['circle', 'other', 'rectangle', 'triangle'];

/** The test images through a pipeline (sets are labelled with every class; scoring drops what a model lacks). */
export function testSets(source: TestSource, pipeline: Pipeline): { sets: Record<string, Dataset>; blank: number } {
  const sets: Record<string, Dataset> = {};
  let blank = 0;
  const add = (name: string, items: readonly Labelled[]) => {
    const prepared = prepare(items, ALL_CLASSES, pipeline);
    sets[name] = prepared.dataset;
    blank += prepared.blank;
  };
  add('people', source.people);
  add('hard', source.hard);
  for (const kind of HARD_KINDS)
    add(
      `hard/${kind}`,
      source.hard.filter((d) => d.kind === kind),
    );
  for (const [name, items] of Object.entries(source.folders)) add(name, items);
  return { sets, blank };
}

/** The recipe's training drawings from the training people (what a starter set would hold). */
export function pickTraining(drawings: readonly Drawing[], recipe: Recipe, seed: number): Drawing[] {
  const classes = classesOf(recipe);
  const usable = drawings.filter((d) => classes.includes(d.className));
  if (recipe.tutorialSplit) return roundRobin(usable, recipe.perClass, seed);
  const [shapes, others] = [
    usable.filter((d) => d.className !== 'other'),
    usable.filter((d) => d.className === 'other'),
  ];
  return [...balanced(shapes, recipe.perClass), ...balanced(others, recipe.otherPerClass ?? recipe.perClass)];
}

/** The recipe's training set, at the stored resolution. */
export function trainSet(drawings: readonly Drawing[], recipe: Recipe, seed: number): Prepared {
  return prepare(pickTraining(drawings, recipe, seed), classesOf(recipe), recipe.pipeline, true);
}
