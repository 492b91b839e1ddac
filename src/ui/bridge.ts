import { proxy, transfer, type Remote } from 'comlink';
import type { ExposedShapesApi, ImageInput, ImportProgress, ImportSource, NewSample, TrainEvent } from '../shared/api';

/** The worker's services as the page reaches them: `api.training.train(…)` and so on. */
export type ShapesWorker = Remote<ExposedShapesApi>;

/** Wraps a page callback so the worker can call it back across the boundary. */
export const eventSink = (callback: (event: TrainEvent) => void) => proxy(callback);

/** Wraps a page callback that hears how far an import's check has come. */
export const progressSink = (callback: (progress: ImportProgress) => void) => proxy(callback);

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
