import type { SampleSplit } from '../../shared/api';
import { DataError } from './errors';
import { createRng } from './random';

/** One file of a folder or zip being imported; `path` is relative to what the user picked. */
export interface ImportFile {
  path: string;
  bytes: Uint8Array;
}

export interface PlannedSample {
  path: string;
  className: string;
  split: SampleSplit;
  bytes: Uint8Array;
}

/** What an import will add, before anything is stored: the user sees this summary first. */
export interface ImportPlan {
  origin: string;
  /** `split`: train/ and test/ folders as Keras expects; `classes`: class folders, test set drawn by fraction. */
  layout: 'split' | 'classes';
  classNames: string[];
  samples: PlannedSample[];
}

export const IMAGE_PATTERN = /\.(png|jpe?g)$/i;
const IGNORED = /(^|\/)(__MACOSX|\.[^/]*|Thumbs\.db|desktop\.ini)(\/|$)/i;
const SPLITS: SampleSplit[] = ['train', 'test'];

/** Class names compare in NFC: macOS writes Korean folder names decomposed (NFD) into zips. */
const normalize = (name: string) => name.normalize('NFC');

/** Drops a single wrapping folder (`shapes/train/…` → `train/…`), as zips of a folder have. */
function stripWrapper(paths: string[][]): string[][] {
  const first = paths[0]?.[0];
  const wrapped =
    first !== undefined && paths.every((p) => p.length > 2 && p[0] === first) && !SPLITS.includes(first as SampleSplit);
  const inner = wrapped ? paths.map((p) => p.slice(1)) : paths;
  const looksLikeClasses = inner.every((p) => p.length === 2);
  return wrapped && (inner.some((p) => SPLITS.includes(p[0] as SampleSplit)) || looksLikeClasses) ? inner : paths;
}

/**
 * Reads a `flow_from_directory` layout out of a list of files: `train/<class>/*` and `test/<class>/*`,
 * or just `<class>/*` with a seeded `testFraction` of each class set aside for testing. Refuses,
 * naming the file or folder, anything Keras would misread: no class folders, a single class, an
 * empty class, files outside class folders, nested folders, two folders with the same name.
 */
export function planImport(
  files: ImportFile[],
  origin: string,
  options: { testFraction: number; seed: number },
): ImportPlan {
  const kept = files.filter((f) => !IGNORED.test(f.path));
  const paths = stripWrapper(kept.map((f) => f.path.split('/').filter(Boolean).map(normalize)));
  const layout = paths.some((p) => SPLITS.includes(p[0] as SampleSplit)) ? 'split' : 'classes';
  const samples: PlannedSample[] = [];
  const seen = new Set<string>();
  paths.forEach((parts, i) => {
    const path = parts.join('/');
    const [split, className, name] = layout === 'split' ? parts : ['train', ...parts];
    if (layout === 'split' && !SPLITS.includes(split as SampleSplit)) {
      throw new DataError(`${origin}/${path}`, 'outsideSplits');
    }
    if (!name) throw new DataError(`${origin}/${path}`, 'notInClass');
    if (parts.length > (layout === 'split' ? 3 : 2)) throw new DataError(`${origin}/${path}`, 'nestedFolder');
    if (/\.svg$/i.test(name)) throw new DataError(`${origin}/${path}`, 'svgImage');
    if (!IMAGE_PATTERN.test(name))
      throw new DataError(`${origin}/${path}`, 'notImageFile', { extensions: '.png, .jpg, .jpeg' });
    if (seen.has(path)) throw new DataError(`${origin}/${path}`, 'appearsTwice');
    seen.add(path);
    samples.push({ path, className: className!, split: split as SampleSplit, bytes: kept[i]!.bytes });
  });
  const classNames = [...new Set(samples.map((s) => s.className))].sort();
  if (classNames.length === 0) throw new DataError(origin, 'noClasses');
  if (classNames.length < 2) throw new DataError(origin, 'oneClass', { name: classNames[0]! });
  for (const name of classNames) {
    if (!samples.some((s) => s.className === name && s.split === 'train')) {
      throw new DataError(layout === 'split' ? `${origin}/train/${name}` : `${origin}/${name}`, 'noTrainingImages');
    }
  }
  if (layout === 'classes') assignTestSplit(samples, classNames, options);
  return { origin, layout, classNames, samples };
}

/** Moves a seeded fraction of each class (at least one image when the class has two or more) to test. */
function assignTestSplit(
  samples: PlannedSample[],
  classNames: string[],
  { testFraction, seed }: { testFraction: number; seed: number },
) {
  if (!(testFraction >= 0 && testFraction < 1))
    throw new RangeError(`testFraction must be in [0, 1), got ${testFraction}`);
  const rng = createRng(seed);
  for (const name of classNames) {
    const members = samples.filter((s) => s.className === name).sort((a, b) => (a.path < b.path ? -1 : 1));
    const count = testFraction > 0 && members.length > 1 ? Math.max(1, Math.round(members.length * testFraction)) : 0;
    for (const sample of rng.shuffle(members).slice(0, Math.min(count, members.length - 1))) sample.split = 'test';
  }
}

/** "Found 45 images belonging to 3 classes." for each split, as Keras prints. */
export function describePlan(plan: ImportPlan): Record<SampleSplit, string> {
  const line = (split: SampleSplit) => {
    const chosen = plan.samples.filter((s) => s.split === split);
    return `Found ${chosen.length} images belonging to ${new Set(chosen.map((s) => s.className)).size} classes.`;
  };
  return { train: line('train'), test: line('test') };
}
