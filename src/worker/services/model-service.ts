import type * as tfl from '@tensorflow/tfjs-layers';
import { DataError } from '../../engine/data/errors';
import { modelFromZip, modelToZip } from '../../engine/io/model-zip';
import type { ModelFormat, ModelList, ModelMetadata, ModelService } from '../../shared/api';
import { transferBytes } from '../buffers';
import type { WorkerContext } from './context';

type Writer = (model: tfl.LayersModel, metadata: ModelMetadata, origin: string) => Promise<Uint8Array>;

/**
 * HDF5, which Keras files need, is not precached (4.8 MB): it is fetched on first use, then cached.
 * Offline before that first use, the person hears why rather than a failed fetch.
 */
const hdf5 = () =>
  import('h5wasm').then(
    () => undefined,
    () => {
      throw new DataError('', 'hdf5Unavailable');
    },
  );

/** Each format's writer, loaded on its first use. */
const WRITERS: Record<ModelFormat, () => Promise<Writer>> = {
  zip: async () => modelToZip,
  keras: () => hdf5().then(() => import('../../engine/io/keras/export-keras').then((m) => m.modelToKeras)),
  h5: () => hdf5().then(() => import('../../engine/io/keras/export-h5').then((m) => m.modelToH5)),
  onnx: () => import('../../engine/io/onnx/export-onnx').then((m) => m.modelToOnnx),
};

const KERAS_FILE = /\.(keras|h5|hdf5)$/i;

/** A model file of either kind: a Keras .keras/.h5 of the tutorial's CNN, or a model .zip. */
async function readModelFile(name: string, bytes: Uint8Array, classNames?: string[]) {
  if (!KERAS_FILE.test(name)) return modelFromZip(bytes, name);
  await hdf5();
  const { modelFromKeras } = await import('../../engine/io/keras/import-keras');
  return modelFromKeras(bytes, name, classNames ? { classNames } : {});
}

/** The saved models; each change answers with the list as now stored, and keeps the current model loaded. */
export class ModelServiceImpl implements ModelService {
  constructor(private readonly context: WorkerContext) {}

  list(): Promise<ModelList> {
    return this.context.workspace.models.list();
  }

  async use(id: string): Promise<ModelList> {
    this.context.assertIdle('switch models');
    const { models } = this.context.workspace;
    const loaded = (await models.load(id))!;
    await models.setCurrent(id);
    this.context.current.replace(loaded);
    return models.list();
  }

  async rename(id: string, name: string): Promise<ModelList> {
    await this.context.workspace.models.rename(id, name);
    return this.list();
  }

  async remove(id: string): Promise<ModelList> {
    this.context.assertIdle('delete models');
    const { models } = this.context.workspace;
    const { current, leftover } = await models.remove(id);
    if (this.context.current.id !== current) this.context.current.replace(current ? await models.load(current) : null);
    // The model is gone from the list either way; the person hears that its files stayed behind.
    if (leftover) throw leftover;
    return models.list();
  }

  async exportModel(id: string, format: ModelFormat = 'zip'): Promise<ArrayBuffer> {
    const write = await WRITERS[format]();
    const loaded = (await this.context.workspace.models.load(id))!;
    try {
      return transferBytes(await write(loaded.model, loaded.info.metadata, loaded.info.name || 'model'));
    } finally {
      loaded.model.dispose();
    }
  }

  /** Validates the file completely before storing it, then makes it current. */
  async importModel(name: string, bytes: ArrayBuffer, classNames?: string[]): Promise<ModelList> {
    this.context.assertIdle('import models');
    const { model, metadata } = await readModelFile(name, new Uint8Array(bytes), classNames);
    let kept = false;
    try {
      const info = await this.context.workspace.models.save(model, metadata, {
        name: name.replace(/\.(zip|keras|h5|hdf5)$/i, ''),
      });
      this.context.current.replace({ model, info });
      kept = true;
      return this.list();
    } finally {
      if (!kept) model.dispose();
    }
  }
}
