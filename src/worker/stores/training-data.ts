import type { Dataset } from '../../engine/data/dataset';
import { DataError } from '../../engine/data/errors';
import { type GreyImage, storedDrawing } from '../../engine/data/grey';
import { modelInput, preprocessKey } from '../../engine/data/preprocess';
import { STARTER_PREFIX } from '../../engine/data/starter';
import type { Scored } from '../../engine/train/evaluate';
import type {
  DatasetState,
  EvaluationReport,
  ImageSource,
  Preprocess,
  SampleSplit,
  SplitName,
  UserDataset,
} from '../../shared/api';
import { type BundledDataset, cached } from '../../engine/browser/bundled-dataset';
import { decodeImage } from '../../engine/browser/decode';
import type { SampleStore } from './sample-store';

/** `Dataset.files` names a user's sample as `sample:<id>/<file name>`; bundled images by their path. */
export const SAMPLE_PREFIX = 'sample:';

export function sourceOf(file: string): ImageSource {
  if (file.startsWith(SAMPLE_PREFIX))
    return { kind: 'sample', id: file.slice(SAMPLE_PREFIX.length, file.indexOf('/')) };
  if (file.startsWith(STARTER_PREFIX)) {
    const [split, tile] = file.slice(STARTER_PREFIX.length).split(':');
    return { kind: 'starter', split: split as SampleSplit, tile: Number(tile) };
  }
  return { kind: 'bundled', path: file };
}

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

/** Concatenates datasets that index the same classes (drawings kept when every part has them). */
function concat(parts: Dataset[], classNames: string[], size: [number, number]): Dataset {
  const images = new Float32Array(parts.reduce((n, p) => n + p.images.length, 0));
  const labels = new Int32Array(parts.reduce((n, p) => n + p.labels.length, 0));
  let at = 0;
  for (const part of parts) {
    images.set(part.images, at * size[0] * size[1] * 3);
    labels.set(part.labels, at);
    at += part.labels.length;
  }
  const sources = parts.every((p) => p.sources) ? parts.flatMap((p) => p.sources!) : undefined;
  return { classNames, size, files: parts.flatMap((p) => p.files), labels, images, ...(sources ? { sources } : {}) };
}

/** A user sample as training reads it: the model's input under one preprocessing, and its drawing. */
interface DecodedSample {
  input: Float32Array;
  source: GreyImage;
}

/**
 * What training sees: the user's own samples plus, if they chose, a bundled set (the real-drawing
 * starter set, with or without `other`, or the tutorial-sized split), with classes from both
 * (sorted, like Keras). Decoded samples are cached by id: samples never change their pixels.
 */
export class TrainingData {
  private readonly decoded = new Map<string, Promise<DecodedSample>>();

  constructor(
    private readonly bundled: BundledDataset,
    private readonly samples: SampleStore,
  ) {}

  /** The bundled classes and per-split file lists that join training, or none. */
  private bundledFiles(user: UserDataset): {
    classes: string[];
    splits: Record<SampleSplit, Record<string, string[]>>;
  } {
    if (!user.includeBundled) return { classes: [], splits: { train: {}, test: {} } };
    if (user.bundledSet === 'tutorial') return this.bundled.index;
    const { starter } = this.bundled;
    const classes = starter.classes.filter((c) => user.bundledSet === 'starter' || c !== 'other');
    const pick = (split: SampleSplit) =>
      Object.fromEntries(Object.entries(starter.splits[split].files).filter(([c]) => classes.includes(c)));
    return { classes, splits: { train: pick('train'), test: pick('test') } };
  }

  /** The dataset as training would read it: classes and images per split, the bundled set's included. */
  async state(): Promise<DatasetState> {
    const user = await this.samples.list();
    const bundled = this.bundledFiles(user);
    const count = (split: SampleSplit) =>
      user.samples.filter((s) => s.split === split).length +
      Object.values(bundled.splits[split]).reduce((n, files) => n + files.length, 0);
    return {
      user,
      classes: sortedUnique([...user.classes, ...bundled.classes]),
      counts: { train: count('train'), test: count('test') },
    };
  }

  /** The classes a new model gets; each must have at least one training image. */
  async classNames(): Promise<string[]> {
    const { user, classes: classNames } = await this.state();
    if (classNames.length < 2) throw new DataError('', 'tooFewClasses');
    const bundled = this.bundledFiles(user).classes;
    for (const name of classNames) {
      if (!bundled.includes(name) && !user.samples.some((s) => s.className === name && s.split === 'train')) {
        throw new DataError('', 'classWithoutTraining', { name });
      }
    }
    return classNames;
  }

  /**
   * A split for the given classes through the given preprocessing; the 'hard' split (small, turned,
   * re-stroked drawings by people in no training split) exists only in the bundled data.
   */
  async split(name: SplitName, classNames: string[], preprocess: Preprocess): Promise<Dataset> {
    const size = this.bundled.index.imageSize;
    const user = await this.samples.list();
    const parts: Dataset[] = [];
    if (name === 'hard') parts.push(await this.bundled.split(name, classNames, preprocess));
    else if (user.includeBundled && user.bundledSet === 'tutorial') {
      parts.push(await this.bundled.split(name, classNames, preprocess));
    } else if (user.includeBundled) {
      const classes = this.bundledFiles(user).classes.filter((c) => classNames.includes(c));
      const starter = await this.bundled.starterSplit(name, classes, preprocess);
      parts.push({ ...starter, classNames, labels: starter.labels.map((l) => classNames.indexOf(classes[l]!)) });
    }
    if (name !== 'hard') {
      const mine = user.samples.filter((s) => s.split === (name as SampleSplit) && classNames.includes(s.className));
      const decoded = await Promise.all(mine.map((s) => this.sample(s.id, s.name, size, preprocess)));
      const images = new Float32Array(mine.length * size[0] * size[1] * 3);
      for (const [i, d] of decoded.entries()) images.set(d.input, i * d.input.length);
      parts.push({
        classNames,
        size,
        files: mine.map((s) => `${SAMPLE_PREFIX}${s.id}/${s.name}`),
        labels: Int32Array.from(mine, (s) => classNames.indexOf(s.className)),
        images,
        sources: decoded.map((d) => d.source),
      });
    }
    return concat(parts, classNames, size);
  }

  private sample(id: string, name: string, size: [number, number], preprocess: Preprocess): Promise<DecodedSample> {
    return cached(this.decoded, `${preprocessKey(preprocess)}\n${id}`, async () => {
      const image = await decodeImage(new Uint8Array((await this.samples.image(id)).bytes), name);
      return { input: modelInput(image, size, preprocess), source: storedDrawing(image) };
    });
  }

  forget(ids: string[]): void {
    for (const key of [...this.decoded.keys()])
      if (ids.includes(key.slice(key.indexOf('\n') + 1))) this.decoded.delete(key);
  }
}
