import type { Problem } from './problems';

/** Images and datasets as they cross the worker boundary, shared by both threads (see api.ts). */

/** A user's own sample belongs to the training or the test set. */
export type SampleSplit = 'train' | 'test';

/** A sample of the user's own dataset, kept on the device (its image bytes are fetched separately). */
export interface SampleInfo {
  id: string;
  className: string;
  split: SampleSplit;
  /** File name, e.g. `circle001.png` or `drawing-2026-11-27T10-00-00.png`. */
  name: string;
  addedAt: string;
  /** A fingerprint of its pixels, to recognise the same image added again (absent on old samples). */
  hash?: string;
}

/** The user's dataset: their classes (even empty ones), their samples, and whether the bundled set joins in. */
export interface UserDataset {
  classes: string[];
  samples: SampleInfo[];
  includeBundled: boolean;
  /** Which bundled images join in (absent in projects saved before there was a choice: the starter set). */
  bundledSet: BundledSet;
}

/** A new sample: a drawing (pixels) or a file (encoded), assigned to a class and a split. */
export interface NewSample {
  image: ImageInput;
  className: string;
  split: SampleSplit;
}

/** What an import would add, shown before anything is stored. */
export interface ImportSummary {
  /** Pass back to `commitImport` to store exactly what was summarised. */
  token: string;
  origin: string;
  layout: 'split' | 'classes';
  classNames: string[];
  /** Keras's "Found 45 images belonging to 3 classes." for each split. */
  found: Record<SampleSplit, string>;
  counts: Record<string, Record<SampleSplit, number>>;
  /** Files that will not be imported, each with its reason (duplicates of stored or earlier images among them). */
  refused: Problem[];
}

/** How far the check of an import has come: images decoded and compared, of all. */
export interface ImportProgress {
  done: number;
  total: number;
}

/** Files of a picked or dropped folder (paths relative to it), or a .zip; buffers are transferred. */
export type ImportSource =
  | { kind: 'files'; name: string; files: { path: string; bytes: ArrayBuffer }[] }
  | { kind: 'zip'; name: string; bytes: ArrayBuffer };

/** The bundled dataset's `index.json`: a browser cannot list a folder. Paths are relative to it. */
export type SplitName = 'train' | 'test' | 'hard';
export interface DatasetIndex {
  version: 1;
  imageSize: [number, number];
  classes: string[];
  splits: Record<SplitName, Record<string, string[]>>;
}

/** Where the bundled dataset is served, relative to the app's base URL. */
export const DATASET_ROOT = 'data/shapes/';

/** One split of the starter set: an atlas PNG of grey tiles, in class order then file order. */
export interface StarterSplit {
  atlas: string;
  /** Tiles per atlas row. */
  columns: number;
  /** Class → `<person>/<file>` names, in tile order. */
  files: Record<string, string[]>;
}

/** The real-drawing starter set's `index.json` (under STARTER_ROOT): training and test people differ. */
export interface StarterIndex {
  version: 1;
  /** Side of each tile, in pixels. */
  tile: number;
  classes: string[];
  /** Whose drawings these are, and under which licence: shown wherever the set is. */
  attribution: string;
  splits: Record<SampleSplit, StarterSplit>;
}

export const STARTER_ROOT = 'data/starter/';

/**
 * Which bundled images join training (when included): the real-drawing starter set with its `other`
 * class ("not a shape"), the same without it, or the tutorial-sized split (45 training images).
 */
export const BUNDLED_SETS = ['starter', 'starter-shapes', 'tutorial'] as const;
export type BundledSet = (typeof BUNDLED_SETS)[number];

/** An encoded PNG or JPEG file; its buffer is transferred to the worker, not copied. */
export interface EncodedImage {
  kind: 'encoded';
  name: string;
  bytes: ArrayBuffer;
  /** A photo of a drawing on paper: the worker finds the drawing in it (lighting, paper and all removed) first. */
  photo?: boolean;
}

/** Raw RGBA pixels, e.g. from the drawing canvas; the buffer is transferred. */
export interface PixelImage {
  kind: 'pixels';
  name: string;
  width: number;
  height: number;
  rgba: ArrayBuffer;
}

export type ImageInput = EncodedImage | PixelImage;

/** The dataset training would use, as the worker computes it: the page never re-derives it. */
export interface DatasetState {
  /** The person's own classes and samples, and whether the starter set joins in. */
  user: UserDataset;
  /** The classes a new model gets, sorted like Keras: the person's and, when included, the starter set's. */
  classes: string[];
  /** Images per split that training and evaluation would read, the starter set's included when it is in. */
  counts: Record<SampleSplit, number>;
}
