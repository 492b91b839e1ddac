import { type ClassIndices, PLAIN_RESIZE, type Preprocess } from '../../shared/api';
import { DataError } from './errors';
import { type GreyImage, storedDrawing } from './grey';
import { batchOf, type RgbaImage } from './pixels';
import { modelInput } from './preprocess';

/** One image file of a `flow_from_directory` layout: `<root>/<class>/<file>`. */
export interface ImageEntry {
  path: string;
  className: string;
}

/** A split as found on disk, in a zip or in the bundled index: sorted classes, sorted files. */
export interface Listing {
  root: string;
  classNames: string[];
  entries: ImageEntry[];
}

/** A whole split in memory: images NHWC float32 in [0, 1], labels as class indices. */
export interface Dataset {
  classNames: string[];
  size: [number, number];
  files: string[];
  labels: Int32Array;
  images: Float32Array;
  /** Each image's drawing before preprocessing, small and grey, for the redraw augmentation (when kept). */
  sources?: GreyImage[];
}

export interface LoadOptions {
  /** Use these classes (the training split's) instead of the listing's own; extra classes are an error. */
  classNames?: string[];
  size?: readonly [number, number];
  preprocess?: Preprocess;
  /** Keep each image's drawing (`Dataset.sources`). */
  keepSources?: boolean;
}

export type Decoder = (path: string) => Promise<RgbaImage>;

export const classIndicesOf = (classNames: readonly string[]): ClassIndices =>
  Object.fromEntries(classNames.map((name, index) => [name, index]));

/** Keras prints exactly this line from `flow_from_directory`. */
export const foundMessage = (dataset: Pick<Dataset, 'files' | 'classNames'>): string =>
  `Found ${dataset.files.length} images belonging to ${dataset.classNames.length} classes.`;

/**
 * Keras `flow_from_directory` minus the batching: classes are the listing's sorted folder names
 * (or the given ones), each image composited, resized and rescaled by 1/255.
 */
export async function loadDataset(listing: Listing, decode: Decoder, options: LoadOptions = {}): Promise<Dataset> {
  const classNames = options.classNames ?? listing.classNames;
  const size: [number, number] = [...(options.size ?? [24, 24])] as [number, number];
  for (const name of listing.classNames) {
    if (!classNames.includes(name)) {
      throw new DataError(`${listing.root}/${name}`, 'unknownClass', { name, classes: classNames.join(', ') });
    }
  }
  const indices = classIndicesOf(classNames);
  const pixels = size[0] * size[1] * 3;
  const images = new Float32Array(listing.entries.length * pixels);
  const labels = new Int32Array(listing.entries.length);
  const sources: GreyImage[] = [];
  for (const [i, entry] of listing.entries.entries()) {
    const image = await decode(entry.path);
    images.set(modelInput(image, size, options.preprocess ?? PLAIN_RESIZE), i * pixels);
    if (options.keepSources) sources.push(storedDrawing(image));
    labels[i] = indices[entry.className]!;
  }
  const files = listing.entries.map((e) => e.path);
  return { classNames: [...classNames], size, files, labels, images, ...(options.keepSources ? { sources } : {}) };
}

/** Checks what Keras would only warn about: a split with no classes, or a class with no images. */
export function checkListing(listing: Listing): Listing {
  if (listing.classNames.length === 0) {
    throw new DataError(listing.root, 'noClassFolders');
  }
  for (const name of listing.classNames) {
    if (!listing.entries.some((e) => e.className === name)) {
      throw new DataError(`${listing.root}/${name}`, 'emptyClassFolder');
    }
  }
  return listing;
}

/** Each class's row indices, in dataset order. */
export const rowsByClass = (data: Pick<Dataset, 'labels' | 'classNames'>): number[][] =>
  data.classNames.map((_, c) => [...data.labels.keys()].filter((i) => data.labels[i] === c));

/** The given rows of a dataset, in that order. */
export function selectRows(data: Dataset, rows: readonly number[]): Dataset {
  const pixels = data.size[0] * data.size[1] * 3;
  const images = batchOf(rows, pixels, (row) => data.images.subarray(row * pixels, (row + 1) * pixels));
  return {
    classNames: data.classNames,
    size: data.size,
    files: rows.map((row) => data.files[row]!),
    labels: Int32Array.from(rows, (row) => data.labels[row]!),
    images,
    ...(data.sources ? { sources: rows.map((row) => data.sources![row]!) } : {}),
  };
}
