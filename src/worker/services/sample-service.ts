import { transfer } from 'comlink';
import { encodePixelsAsPng } from '../../engine/browser/encode';
import type {
  AddedSamples,
  BundledSet,
  DatasetState,
  EncodedImage,
  ImageInput,
  NewSample,
  SampleService,
  SampleSplit,
} from '../../shared/api';
import type { Problem } from '../../shared/problems';
import { NewImages } from '../stores/new-images';
import type { StoredSample } from '../stores/sample-store';
import { storedSample } from '../stores/stored-sample';

import type { WorkerContext } from './context';
import { drawingOf } from './drawing-of';

/** The file a sample keeps: a drawing as PNG, an upload as it was, a photo as the drawing found in it (PNG). */
const encoded = (image: ImageInput) => async (): Promise<Uint8Array> => {
  if (image.kind === 'pixels') return encodePixelsAsPng(image);
  if (!image.photo) return new Uint8Array(image.bytes);
  const { width, height, data } = await drawingOf(image);
  return encodePixelsAsPng({
    kind: 'pixels',
    name: image.name,
    width,
    height,
    rgba: new Uint8ClampedArray(data).buffer,
  });
};

/** A photo is kept as the drawing found in it, a PNG. */
const sampleName = (image: ImageInput) =>
  image.kind === 'encoded' && image.photo ? image.name.replace(/\.jpe?g$/i, '.png') : image.name;

/** The person's own samples and classes; each change answers with the dataset as now stored. */
export class SampleServiceImpl implements SampleService {
  constructor(private readonly context: WorkerContext) {}

  list(): Promise<DatasetState> {
    return this.context.workspace.trainingData.state();
  }

  async image(id: string): Promise<EncodedImage> {
    const { bytes } = await this.context.workspace.samples.image(id);
    return transfer({ kind: 'encoded', name: id, bytes }, [bytes]);
  }

  /**
   * Drawings are stored as PNG files, uploads as the file they were. Each image is judged on its
   * own: one that cannot be decoded, or that is already stored, is refused with its reason; the
   * others are stored together.
   */
  async add(samples: NewSample[]): Promise<AddedSamples> {
    const addedAt = new Date().toISOString();
    const { samples: store } = this.context.workspace;
    const judge = await NewImages.against(store);
    const stored: StoredSample[] = [];
    const refused: Problem[] = [];
    for (const { image, className, split } of samples) {
      const judged = await judge.judge(image.name, encoded(image));
      if (judged.ok) stored.push(storedSample({ ...judged, name: sampleName(image), className, split }, addedAt));
      else refused.push(judged.problem);
    }
    if (stored.length) await store.add(stored);
    return { added: stored.map((s) => s.info), refused, dataset: await this.list() };
  }

  move(ids: string[], change: { className?: string; split?: SampleSplit }): Promise<DatasetState> {
    return this.changed(this.context.workspace.samples.update(ids, change));
  }

  remove(ids: string[]): Promise<DatasetState> {
    this.context.workspace.trainingData.forget(ids);
    return this.changed(this.context.workspace.samples.remove(ids));
  }

  addClass(name: string): Promise<DatasetState> {
    return this.changed(this.context.workspace.samples.addClass(name));
  }

  renameClass(from: string, to: string): Promise<DatasetState> {
    return this.changed(this.context.workspace.samples.renameClass(from, to));
  }

  removeClass(name: string): Promise<DatasetState> {
    return this.changed(this.context.workspace.samples.removeClass(name));
  }

  includeBundled(include: boolean): Promise<DatasetState> {
    return this.changed(this.context.workspace.samples.setIncludeBundled(include));
  }

  useBundledSet(set: BundledSet): Promise<DatasetState> {
    return this.changed(this.context.workspace.samples.setBundledSet(set));
  }

  private async changed(change: Promise<void>): Promise<DatasetState> {
    await change;
    return this.list();
  }
}
