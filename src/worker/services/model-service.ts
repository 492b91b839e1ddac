import { modelFromZip, modelToZip } from '../../engine/io/model-zip';
import type { ModelList, ModelService } from '../../shared/api';
import { transferBytes } from '../buffers';
import type { WorkerContext } from './context';

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

  async exportModel(id: string): Promise<ArrayBuffer> {
    const loaded = (await this.context.workspace.models.load(id))!;
    try {
      return transferBytes(await modelToZip(loaded.model, loaded.info.metadata));
    } finally {
      loaded.model.dispose();
    }
  }

  /** Validates the archive completely before storing it, then makes it current. */
  async importModel(name: string, bytes: ArrayBuffer): Promise<ModelList> {
    this.context.assertIdle('import models');
    const { model, metadata } = await modelFromZip(new Uint8Array(bytes), name);
    let kept = false;
    try {
      const info = await this.context.workspace.models.save(model, metadata, { name: name.replace(/\.zip$/i, '') });
      this.context.current.replace({ model, info });
      kept = true;
      return this.list();
    } finally {
      if (!kept) model.dispose();
    }
  }
}
