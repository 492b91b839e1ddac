import type { Dataset } from '../../engine/data/dataset';
import { DataError } from '../../engine/data/errors';
import { toModelInput } from '../../engine/data/pixels';
import type { Scored } from '../../engine/train/evaluate';
import type { DatasetState, EvaluationReport, ImageSource, SampleSplit, SplitName } from '../../shared/api';
import type { BundledDataset } from '../../engine/browser/bundled-dataset';
import { decodeImage } from '../../engine/browser/decode';
import type { SampleStore } from './sample-store';

/** `Dataset.files` names a user's sample as `sample:<id>/<file name>`; bundled images by their path. */
const SAMPLE_PREFIX = 'sample:';

export const sourceOf = (file: string): ImageSource =>
  file.startsWith(SAMPLE_PREFIX)
    ? { kind: 'sample', id: file.slice(SAMPLE_PREFIX.length, file.indexOf('/')) }
    : { kind: 'bundled', path: file };

/** The file name a person knows an image by. */
const nameOf = (file: string) => file.slice(file.lastIndexOf('/') + 1);

/** An evaluation with its misses named as the app shows them: starter-set paths or sample ids. */
export function evaluationReport({ misses, ...evaluation }: Scored): EvaluationReport {
  const mistakes = misses.map(({ file, truth, label, probabilities }) => ({
    source: sourceOf(file),
    name: nameOf(file),
    truth,
    predicted: label,
    probabilities,
  }));
  return { ...evaluation, mistakes };
}

const sortedUnique = (names: Iterable<string>) => [...new Set(names)].sort();

/** Concatenates datasets that index the same classes. */
function concat(parts: Dataset[], classNames: string[], size: [number, number]): Dataset {
  const images = new Float32Array(parts.reduce((n, p) => n + p.images.length, 0));
  const labels = new Int32Array(parts.reduce((n, p) => n + p.labels.length, 0));
  let at = 0;
  for (const part of parts) {
    images.set(part.images, at * size[0] * size[1] * 3);
    labels.set(part.labels, at);
    at += part.labels.length;
  }
  return { classNames, size, files: parts.flatMap((p) => p.files), labels, images };
}

/**
 * What training sees: the user's own samples plus, if they chose, the bundled starter set, with
 * classes from both (sorted, like Keras). Decoded samples are cached by id: samples never change
 * their pixels, only their class or split.
 */
export class TrainingData {
  private readonly decoded = new Map<string, Promise<Float32Array>>();

  constructor(
    private readonly bundled: BundledDataset,
    private readonly samples: SampleStore,
  ) {}

  /** The dataset as training would read it: classes and images per split, the starter set's included. */
  async state(): Promise<DatasetState> {
    const user = await this.samples.list();
    const bundled = user.includeBundled ? this.bundled.index : undefined;
    const count = (split: SampleSplit) =>
      user.samples.filter((s) => s.split === split).length +
      Object.values(bundled?.splits[split] ?? {}).reduce((n, files) => n + files.length, 0);
    return {
      user,
      classes: sortedUnique([...user.classes, ...(bundled?.classes ?? [])]),
      counts: { train: count('train'), test: count('test') },
    };
  }

  /** The classes a new model gets; each must have at least one training image. */
  async classNames(): Promise<string[]> {
    const { user, classes: classNames } = await this.state();
    if (classNames.length < 2) throw new DataError('', 'tooFewClasses');
    for (const name of classNames) {
      const bundledHas = user.includeBundled && this.bundled.index.classes.includes(name);
      if (!bundledHas && !user.samples.some((s) => s.className === name && s.split === 'train')) {
        throw new DataError('', 'classWithoutTraining', { name });
      }
    }
    return classNames;
  }

  /** A split for the given classes; the bundled 'hard' split exists only in the starter set. */
  async split(name: SplitName, classNames: string[]): Promise<Dataset> {
    const size = this.bundled.index.imageSize;
    const user = await this.samples.list();
    const parts: Dataset[] = [];
    if (user.includeBundled || name === 'hard') parts.push(await this.bundled.split(name, classNames));
    if (name !== 'hard') {
      const mine = user.samples.filter((s) => s.split === (name as SampleSplit) && classNames.includes(s.className));
      const pixels = await Promise.all(mine.map((s) => this.pixels(s.id, s.name, size)));
      const images = new Float32Array(mine.length * size[0] * size[1] * 3);
      for (const [i, p] of pixels.entries()) images.set(p, i * p.length);
      parts.push({
        classNames,
        size,
        files: mine.map((s) => `${SAMPLE_PREFIX}${s.id}/${s.name}`),
        labels: Int32Array.from(mine, (s) => classNames.indexOf(s.className)),
        images,
      });
    }
    return concat(parts, classNames, size);
  }

  private pixels(id: string, name: string, size: [number, number]): Promise<Float32Array> {
    let pixels = this.decoded.get(id);
    if (!pixels) {
      pixels = this.samples
        .image(id)
        .then(async ({ bytes }) => toModelInput(await decodeImage(new Uint8Array(bytes), name), size));
      this.decoded.set(id, pixels);
      pixels.catch(() => this.decoded.delete(id));
    }
    return pixels;
  }

  forget(ids: string[]): void {
    for (const id of ids) this.decoded.delete(id);
  }
}
