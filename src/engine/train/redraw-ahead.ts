// Redrawing training drawings costs about a quarter of an app-default epoch on the CPU. Done in a
// worker of its own, it runs ahead of training: while the model trains on one batch, the next ones
// are being redrawn on another core. The worker draws from the same seeded stream in the same order
// as the in-line redraw, so the batches (and so the trained model) are the same bit for bit.
import { createRng, type Rng } from '../data/random';
import { type GreyImage, type RedrawOptions, redrawBatch } from '../data/redraw';

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

/**
 * A redraw worker for this run, or undefined where none can be started (redraw in line then). A
 * worker that fails before it has sent a batch (nested workers refused, say) leaves the run to redraw
 * in line from the same stream, so it trains as it would have; one that fails later fails the run.
 */
export function redrawAhead(
  sources: readonly GreyImage[],
  size: readonly [number, number],
  options: RedrawOptions,
  seed: number,
): BatchesAhead | undefined {
  if (!spawnWorker) return undefined;
  const worker = spawnWorker();
  /** Batches sent, not yet taken by next(); and the worker's answers for them, in order. */
  const sent: Int32Array[] = [];
  const answers: Float32Array[] = [];
  let waiter: { resolve(pixels: Float32Array): void; reject(error: Error): void } | undefined;
  let received = 0;
  let inLine: Rng | undefined;
  let failure: Error | undefined;
  const redrawn = (rows: Int32Array) => redrawBatch(sources, rows, size, options, inLine!);
  /** Hands the waiting next() its batch once there is one (or the reason there will be none). */
  const settle = () => {
    if (!waiter) return;
    let pixels: Float32Array | undefined;
    if (inLine) pixels = redrawn(sent.shift()!);
    else if (answers.length) {
      sent.shift();
      pixels = answers.shift();
    } else if (!failure) return;
    if (pixels) waiter.resolve(pixels);
    else waiter.reject(failure!);
    waiter = undefined;
  };
  const fail = (error: Error) => {
    worker.terminate();
    if (received === 0) inLine ??= createRng(augmentSeed(seed));
    else failure ??= error;
    settle();
  };
  worker.onmessage = ({ data }) => {
    if (inLine || failure) return;
    if ('error' in data) return fail(new Error(`redrawing the training drawings failed: ${data.error}`));
    received++;
    answers.push(data.pixels);
    settle();
  };
  worker.onerror = (event) => fail(new Error(`the redraw worker failed: ${event.message ?? 'no reason given'}`));
  worker.postMessage({ kind: 'start', sources, size, options, seed: augmentSeed(seed) });
  return {
    epoch(batches) {
      sent.push(...batches);
      if (!inLine && !failure) worker.postMessage({ kind: 'epoch', batches });
    },
    next() {
      if (waiter) return Promise.reject(new Error('redrawAhead: next() while a batch is awaited'));
      if (!sent.length) return Promise.reject(new Error('redrawAhead: next() before epoch()'));
      return new Promise((resolve, reject) => {
        waiter = { resolve, reject };
        settle();
      });
    },
    dispose() {
      worker.terminate();
      waiter = undefined;
    },
  };
}
