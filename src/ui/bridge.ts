import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { ExposedShapesApi, ImageInput, ImportSource, NewSample, TrainEvent } from '../shared/api';

/** The worker's services as the page reaches them: `api.training.train(…)` and so on. */
export type ShapesWorker = Remote<ExposedShapesApi>;

/**
 * Starts the training worker. Written inline so Vite bundles the worker as its own chunk; the page
 * only ever sees the API's type, never the worker's code or TensorFlow.js.
 *
 * `onError` hears of a worker that failed to load or threw outside any call: Comlink would leave
 * the pending calls waiting forever, so the app must say so instead of looking busy.
 */
export function startShapesWorker(onError: (detail: string) => void): { api: ShapesWorker; terminate: () => void } {
  const worker = new Worker(new URL('../worker/shapes.worker.ts', import.meta.url), { type: 'module', name: 'shapes' });
  // A script that fails to load fires a plain Event (no message); an uncaught error an ErrorEvent.
  worker.addEventListener('error', (event) =>
    onError(event instanceof ErrorEvent && event.message ? event.message : ''),
  );
  worker.addEventListener('messageerror', () => onError(''));
  return { api: wrap<ExposedShapesApi>(worker), terminate: () => worker.terminate() };
}

/** Wraps a page callback so the worker can call it back across the boundary. */
export const eventSink = (callback: (event: TrainEvent) => void) => proxy(callback);

/** Hands a folder's or a zip's bytes to the worker without copying them. */
export const transferSource = (source: ImportSource): ImportSource =>
  transfer(source, source.kind === 'zip' ? [source.bytes] : source.files.map((f) => f.bytes));

/** Hands a file's bytes to the worker without copying them. */
export const transferBytes = (bytes: ArrayBuffer): ArrayBuffer => transfer(bytes, [bytes]);

const bufferOf = (image: ImageInput): ArrayBuffer => (image.kind === 'encoded' ? image.bytes : image.rgba);

/** Hands image buffers to the worker without copying them (the page's copies become empty). */
export const transferImages = (images: ImageInput[]): ImageInput[] => transfer(images, images.map(bufferOf));

/** Hands new samples' image buffers to the worker without copying them. */
export const transferSamples = (samples: NewSample[]): NewSample[] =>
  transfer(
    samples,
    samples.map((s) => bufferOf(s.image)),
  );
