import type * as tfl from '@tensorflow/tfjs-layers';
import type { SavedModelInfo } from '../../shared/api';

export interface LoadedModel {
  model: tfl.LayersModel;
  info: SavedModelInfo;
}

/** The model the app predicts with, shared by the services that train, use and manage models. */
export class CurrentModel {
  private loaded?: LoadedModel;

  get id(): string | null {
    return this.loaded?.info.id ?? null;
  }

  /** The loaded model; throws when none has been trained or chosen yet. */
  require(): LoadedModel {
    if (!this.loaded) throw new Error('No trained model yet: train one first');
    return this.loaded;
  }

  /** Makes `next` current (or none), releasing the previous model's tensors. */
  replace(next: LoadedModel | null): void {
    if (this.loaded && this.loaded.model !== next?.model) this.loaded.model.dispose();
    this.loaded = next ?? undefined;
  }

  /** Whether this tfjs model is the current one (and so must not be disposed by its maker). */
  holds(model: tfl.LayersModel): boolean {
    return this.loaded?.model === model;
  }
}
