// Redrawing training drawings costs about a quarter of an app-default epoch on the CPU. Done in a
// worker of its own, it runs ahead of training: while the model trains on one batch, the next ones
// are being redrawn on another core. The worker draws from the same seeded stream in the same order
// as the in-line redraw, so the batches (and so the trained model) are the same bit for bit.
import type { GreyImage, RedrawOptions } from '../data/redraw';

/** The augmentation's own random stream: turning it on leaves the shuffle order unchanged. */
export const augmentSeed = (seed: number): number => seed ^ 0x5eed;

/** What the worker is told: once, the drawings and how to redraw them; then each epoch's batches. */
export type RedrawRequest =
  | {
      kind: 'start';
      sources: readonly GreyImage[];
      size: readonly [number, number];
      options: RedrawOptions;
      seed: number;
    }
  | { kind: 'epoch'; batches: Int32Array[] };

/** The worker's answer: one redrawn batch (NHWC floats), in the order the batches were sent. */
export type RedrawReply = { pixels: Float32Array } | { error: string };

/** The part of a Worker the pipeline uses (a browser Worker fits as it is). */
export interface RedrawWorker {
  postMessage(message: RedrawRequest): void;
  onmessage: ((event: { data: RedrawReply }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

/** Batches of augmented pixels for an epoch, told the epoch's batches first so it can work ahead. */
export interface BatchesAhead {
  epoch(batches: Int32Array[]): void;
  next(): Promise<Float32Array>;
  dispose(): void;
}

let spawnWorker: (() => RedrawWorker) | undefined;

/** Where workers can be started (the browser's training worker), how to start a redraw worker. */
export function provideRedrawWorker(spawn: () => RedrawWorker): void {
  spawnWorker = spawn;
}

/** A redraw worker for this run, or undefined where none can be started (redraw in line then). */
export function redrawAhead(
  sources: readonly GreyImage[],
  size: readonly [number, number],
  options: RedrawOptions,
  seed: number,
): BatchesAhead | undefined {
  if (!spawnWorker) return undefined;
  const worker = spawnWorker();
  const waiting: { resolve(pixels: Float32Array): void; reject(error: Error): void }[] = [];
  const results: Promise<Float32Array>[] = [];
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure = error;
    for (const w of waiting.splice(0)) w.reject(error);
  };
  worker.onmessage = ({ data }) => {
    if ('error' in data) fail(new Error(`redrawing the training drawings failed: ${data.error}`));
    else waiting.shift()?.resolve(data.pixels);
  };
  worker.onerror = (event) => fail(new Error(`the redraw worker failed: ${event.message ?? 'no reason given'}`));
  worker.postMessage({ kind: 'start', sources, size, options, seed: augmentSeed(seed) });
  return {
    epoch(batches) {
      for (const _ of batches) {
        const result = failure
          ? Promise.reject(failure)
          : new Promise<Float32Array>((resolve, reject) => waiting.push({ resolve, reject }));
        // A run that stops mid-epoch never asks for the rest: their failure is no one's to hear.
        result.catch(() => undefined);
        results.push(result);
      }
      worker.postMessage({ kind: 'epoch', batches });
    },
    next() {
      const result = results.shift();
      return result ?? Promise.reject(new Error('redrawAhead: next() before epoch()'));
    },
    dispose() {
      worker.terminate();
      waiting.length = 0;
      results.length = 0;
    },
  };
}
