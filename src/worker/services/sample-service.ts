import { transfer } from 'comlink';
import type { DatasetState, EncodedImage, NewSample, SampleInfo, SampleService, SampleSplit } from '../../shared/api';
import { decodeImage } from '../../engine/browser/decode';
import { encodePixelsAsPng } from '../../engine/browser/encode';
import { storedSample } from '../stores/stored-sample';
import type { WorkerContext } from './context';

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

  /** Drawings are stored as PNG files, uploads as the file they were; each is decoded first, so a bad file is named and nothing is stored. */
  async add(samples: NewSample[]): Promise<{ added: SampleInfo[]; dataset: DatasetState }> {
    const addedAt = new Date().toISOString();
    const stored = [];
    for (const { image, className, split } of samples) {
      const bytes = image.kind === 'pixels' ? await encodePixelsAsPng(image) : new Uint8Array(image.bytes);
      await decodeImage(bytes, image.name);
      stored.push(storedSample(bytes, image.name, className, split, addedAt));
    }
    await this.context.workspace.samples.add(stored);
    return { added: stored.map((s) => s.info), dataset: await this.list() };
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

  private async changed(change: Promise<void>): Promise<DatasetState> {
    await change;
    return this.list();
  }
}
