import type { SampleSplit } from '../../shared/api';
import type { Problem } from '../../shared/problems';
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
  /** Files left out, each with its reason: a batch is judged file by file. */
  refused: Problem[];
}

export const IMAGE_PATTERN = /\.(png|jpe?g)$/i;
const IGNORED = /(^|\/)(__MACOSX|\.[^/]*|Thumbs\.db|desktop\.ini)(\/|$)/i;
const SPLITS: SampleSplit[] = ['train', 'test'];

/** Class names compare in NFC: macOS writes Korean folder names decomposed (NFD) into zips. */
const normalize = (name: string) => name.normalize('NFC');

/** A path that could point outside the folder it is unpacked into, or is not a relative path. */
const unsafe = (path: string) =>
  path.startsWith('/') ||
  path.includes('\\') ||
  /^[a-z]:/i.test(path) ||
  path.split('/').some((p) => p === '..' || p === '.');

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
 * or just `<class>/*` with a seeded `testFraction` of each class set aside for testing. Each file
 * Keras would misread (outside class folders, nested, not an image, twice, an unsafe path) is
 * refused with its reason, the rest kept; a layout that cannot train at all (no class, a single
 * class, a class without training images) is refused as a whole, naming the folder.
 */
export function planImport(
  files: ImportFile[],
  origin: string,
  options: { testFraction: number; seed: number },
): ImportPlan {
  const refused: Problem[] = [];
  const safe = files.filter((f) => {
    if (unsafe(f.path)) refused.push(new DataError(`${origin}/${f.path}`, 'unsafePath').problem);
    return !unsafe(f.path) && !IGNORED.test(f.path);
  });
  const paths = stripWrapper(safe.map((f) => f.path.split('/').filter(Boolean).map(normalize)));
  const layout = paths.some((p) => SPLITS.includes(p[0] as SampleSplit)) ? 'split' : 'classes';
  const samples: PlannedSample[] = [];
  const seen = new Set<string>();
  for (const [i, parts] of paths.entries()) {
    const path = parts.join('/');
    const problem = fileProblem(parts, layout, seen);
    if (problem) refused.push(new DataError(`${origin}/${path}`, problem.code, problem.params).problem);
    else
      samples.push({
        path,
        className: parts.at(-2)!,
        split: (layout === 'split' ? parts[0] : 'train') as SampleSplit,
        bytes: safe[i]!.bytes,
      });
    seen.add(path);
  }
  const plan: ImportPlan = { origin, layout, classNames: [], samples, refused };
  checkClasses(plan);
  if (layout === 'classes') assignTestSplit(samples, plan.classNames, options);
  return plan;
}

/** Why one file of the layout cannot be imported, if it cannot. */
function fileProblem(
  parts: string[],
  layout: ImportPlan['layout'],
  seen: Set<string>,
): Pick<Problem, 'code' | 'params'> | undefined {
  const depth = layout === 'split' ? 3 : 2;
  const name = parts.at(-1)!;
  if (layout === 'split' && !SPLITS.includes(parts[0] as SampleSplit)) return { code: 'outsideSplits', params: {} };
  if (parts.length < depth) return { code: 'notInClass', params: {} };
  if (parts.length > depth) return { code: 'nestedFolder', params: {} };
  if (/\.svg$/i.test(name)) return { code: 'svgImage', params: {} };
  if (!IMAGE_PATTERN.test(name)) return { code: 'notImageFile', params: { extensions: '.png, .jpg, .jpeg' } };
  if (seen.has(parts.join('/'))) return { code: 'appearsTwice', params: {} };
  return undefined;
}

/**
 * Sets the plan's classes from the samples it keeps (sorted, like Keras) and refuses a layout that
 * cannot train: call it again after leaving out more samples (those that do not decode, duplicates).
 */
export function checkClasses(plan: ImportPlan): void {
  const classNames = [...new Set(plan.samples.map((s) => s.className))].sort();
  const structural = structuralProblem(plan, classNames);
  if (!structural) {
    plan.classNames = classNames;
    return;
  }
  if (!classNames.length && plan.refused.length && plan.refused.every((p) => p.code === 'duplicateImage')) {
    throw new DataError(plan.origin, 'nothingNew', { count: plan.refused.length });
  }
  // A class that vanished because its files were left out is best explained by the first of them.
  const vanished = plan.refused.find((p) => !classNames.includes(p.subject.split('/').at(-2) ?? ''));
  if (vanished) throw new DataError(vanished.subject, vanished.code, vanished.params);
  throw structural;
}

function structuralProblem({ origin, layout, samples }: ImportPlan, classNames: string[]): DataError | undefined {
  if (classNames.length === 0) return new DataError(origin, 'noClasses');
  // Windows and macOS would see one folder: the export, and a person's own copy, would merge them.
  const clash = classNames.find((name, i) =>
    classNames.some((o, j) => j < i && o.toLowerCase() === name.toLowerCase()),
  );
  if (clash) {
    const other = classNames.find((o) => o !== clash && o.toLowerCase() === clash.toLowerCase())!;
    return new DataError(origin, 'classCase', { name: clash, other });
  }
  if (classNames.length < 2) return new DataError(origin, 'oneClass', { name: classNames[0]! });
  for (const name of classNames) {
    if (!samples.some((s) => s.className === name && s.split === 'train')) {
      return new DataError(layout === 'split' ? `${origin}/train/${name}` : `${origin}/${name}`, 'noTrainingImages');
    }
  }
  return undefined;
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
