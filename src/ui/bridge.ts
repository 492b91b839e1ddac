import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { ImageInput, ShapesApi, TrainEvent } from '../shared/api';

export type ShapesWorker = Remote<ShapesApi>;

/**
 * Starts the training worker. Written inline so Vite bundles the worker as its own chunk; the page
 * only ever sees the API's type, never the worker's code or TensorFlow.js.
 */
export function startShapesWorker(): { api: ShapesWorker; terminate: () => void } {
  const worker = new Worker(new URL('../worker/shapes.worker.ts', import.meta.url), { type: 'module', name: 'shapes' });
  return { api: wrap<ShapesApi>(worker), terminate: () => worker.terminate() };
}

/** Wraps a page callback so the worker can call it back across the boundary. */
export const eventSink = (callback: (event: TrainEvent) => void) => proxy(callback);

/** Hands image buffers to the worker without copying them (the page's copies become empty). */
export const transferImages = (images: ImageInput[]): ImageInput[] =>
  transfer(
    images,
    images.map((image) => (image.kind === 'encoded' ? image.bytes : image.rgba)),
  );
