import type {
  EncodedImage,
  ImportSource,
  ImportSummary,
  ModelList,
  NewSample,
  SampleInfo,
  SampleSplit,
  SavedModelInfo,
  UserDataset,
} from '../shared/api';
import { transfer } from 'comlink';
import type { StoredSample } from './stores/sample-store';
import { checkClassName } from './stores/sample-store';
import type { Workspace } from './stores/workspace';
import { decodeImage } from './browser/decode';
import { encodePixelsAsPng } from './browser/encode';
import { readImageHeader } from '../engine/data/image-header';
import { modelFromZip, modelToZip } from '../engine/io/model-zip';

/** Seeds the test split of imports that come without one, so the same folder splits the same way. */
const IMPORT_SEED = 3;

const arrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;

/**
 * The half of the worker's API about what is kept on the device: the user's samples, imports and
 * exports, and the saved models. The training service extends it, so Comlink exposes one flat API.
 */
export abstract class LibraryService {
  protected workspace?: Workspace;

  protected opened(): Workspace {
    if (!this.workspace) throw new Error('The worker is not open yet: call open() first');
    return this.workspace;
  }

  samples(): Promise<UserDataset> {
    return this.opened().samples.list();
  }

  async sampleImage(id: string): Promise<EncodedImage> {
    const { bytes } = await this.opened().samples.image(id);
    return transfer({ kind: 'encoded', name: id, bytes }, [bytes]);
  }

  /** Drawings are stored as PNG files, uploads as the file they were; every image is decoded first, so a bad file is named and nothing is stored. */
  async addSamples(samples: NewSample[]): Promise<SampleInfo[]> {
    const addedAt = new Date().toISOString();
    const stored: StoredSample[] = [];
    for (const { image, className, split } of samples) {
      const bytes = image.kind === 'pixels' ? await encodePixelsAsPng(image) : new Uint8Array(image.bytes);
      const { format } = readImageHeader(bytes, image.name);
      await decodeImage(bytes, image.name);
      const info = { id: crypto.randomUUID(), className: checkClassName(className), split, name: image.name, addedAt };
      stored.push({ info, image: { bytes: arrayBuffer(bytes), type: `image/${format}` } });
    }
    await this.opened().samples.add(stored);
    return stored.map((s) => s.info);
  }

  moveSamples(ids: string[], change: { className?: string; split?: SampleSplit }): Promise<void> {
    return this.opened().samples.update(ids, change);
  }

  async deleteSamples(ids: string[]): Promise<void> {
    await this.opened().samples.remove(ids);
    this.opened().trainingData.forget(ids);
  }

  addClass(name: string): Promise<void> {
    return this.opened().samples.addClass(name);
  }

  renameClass(from: string, to: string): Promise<void> {
    return this.opened().samples.renameClass(from, to);
  }

  removeClass(name: string): Promise<void> {
    return this.opened().samples.removeClass(name);
  }

  includeBundled(include: boolean): Promise<void> {
    return this.opened().samples.setIncludeBundled(include);
  }

  prepareImport(source: ImportSource, testFraction: number): Promise<ImportSummary> {
    return this.opened().importer.prepare(source, { testFraction, seed: IMPORT_SEED });
  }

  commitImport(token: string): Promise<number> {
    return this.opened().importer.commit(token);
  }

  async exportDataset(): Promise<ArrayBuffer> {
    const zip = arrayBuffer(await this.opened().importer.exportZip());
    return transfer(zip, [zip]);
  }

  models(): Promise<ModelList> {
    return this.opened().models.list();
  }

  renameModel(id: string, name: string): Promise<SavedModelInfo> {
    return this.opened().models.rename(id, name);
  }

  async exportModel(id: string): Promise<ArrayBuffer> {
    const loaded = (await this.opened().models.load(id))!;
    try {
      const zip = arrayBuffer(await modelToZip(loaded.model, loaded.info.metadata));
      return transfer(zip, [zip]);
    } finally {
      loaded.model.dispose();
    }
  }

  /** Validates the archive completely before storing it as a new (current) model. */
  async importModel(name: string, bytes: ArrayBuffer): Promise<SavedModelInfo> {
    const { model, metadata } = await modelFromZip(new Uint8Array(bytes), name);
    try {
      return await this.opened().models.save(model, metadata, name.replace(/\.zip$/i, ''));
    } finally {
      model.dispose();
    }
  }
}
