// Bench page served by the Vite dev server: trains the tutorial model with the worker's own engine
// code (TfjsSession + fit) on this page's thread, where the bench can wrap the GPU backends to count
// GPU→CPU readbacks per epoch and dispatches per training step. One page per backend.
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../../../shared/api';
import { startBackend } from '../../../engine/backend/select';
import { BundledDataset } from '../../../engine/browser/bundled-dataset';
import { createModel } from '../../../engine/model/model';
import { fit } from '../../../engine/train/fit';
import { TfjsSession } from '../../../engine/train/session';

type Counts = Record<string, number>;

/** Wraps a method so each call bumps `counts[label]`; the method's behaviour is unchanged. */
function count(target: object | undefined, method: string, counts: Counts, label: string): void {
  const host = target as Record<string, unknown> | undefined;
  const original = host?.[method];
  if (!host || typeof original !== 'function') return;
  counts[label] = 0;
  host[method] = function (this: unknown, ...args: unknown[]) {
    counts[label]!++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
}

/** tfjs's own reads (every GPU→CPU download goes through them) and the raw API calls beneath. */
function instrument(backend: 'webgl' | 'webgpu'): Counts {
  const counts: Counts = {};
  const b = tf.backend();
  count(b, 'read', counts, 'reads');
  count(b, 'readSync', counts, 'reads');
  if (backend === 'webgl') {
    count(b, 'runWebGLProgram', counts, 'programs');
    count(WebGL2RenderingContext.prototype, 'drawElements', counts, 'dispatches');
    count(WebGL2RenderingContext.prototype, 'getBufferSubData', counts, 'rawDownloads');
    count(WebGL2RenderingContext.prototype, 'readPixels', counts, 'rawReadPixels');
  } else {
    count(b, 'runWebGPUProgram', counts, 'programs');
    const g = globalThis as unknown as {
      GPUComputePassEncoder?: { prototype: object };
      GPUBuffer?: { prototype: object };
    };
    count(g.GPUComputePassEncoder?.prototype, 'dispatchWorkgroups', counts, 'dispatches');
    count(g.GPUBuffer?.prototype, 'mapAsync', counts, 'rawDownloads');
  }
  return counts;
}

const snapshot = (counts: Counts): Counts => ({ ...counts });
const diff = (after: Counts, before: Counts): Counts =>
  Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]));

export interface GpuCounters {
  backend: BackendName;
  device?: string;
  skipped?: string;
  /** Counter deltas over each whole epoch (steps + validation + the epoch's one metrics read). */
  perEpoch: Counts[];
  /** Counter deltas over one training step (enqueue + settle), after the epochs above. */
  perStep: Counts;
  /** tfjs kernels executed in one step, from tf.profile. */
  kernelsPerStep: number;
  epochSeconds: number[];
}

async function measure(backend: 'webgl' | 'webgpu', epochs: number): Promise<GpuCounters> {
  const started = await startBackend(backend);
  if (!started.ok)
    return { backend, skipped: started.reason, perEpoch: [], perStep: {}, kernelsPerStep: 0, epochSeconds: [] };
  const counts = instrument(backend);
  const data = await BundledDataset.open(new URL('/', location.href).href);
  const train = await data.split('train');
  const test = await data.split('test');
  const model = createModel({ inputSize: train.size, classes: train.classNames.length, seed: 3, learningRate: 0.001 });
  const session = new TfjsSession(model, train, test);
  const perEpoch: Counts[] = [];
  let mark = snapshot(counts);
  const { history } = await fit(session, {
    classes: train.classNames.length,
    epochs,
    batchSize: 3,
    seed: 3,
    onEpoch: () => {
      perEpoch.push(diff(counts, mark));
      mark = snapshot(counts);
    },
  });
  const rows = Int32Array.from([0, 1, 2]);
  mark = snapshot(counts);
  session.step(rows);
  await session.settle();
  const perStep = diff(counts, mark);
  // Profiling reads every kernel's output back, so it runs last, outside the counted work.
  const profile = await tf.profile(() => session.step(rows));
  session.dispose();
  model.dispose();
  return {
    backend,
    device: started.device,
    perEpoch,
    perStep,
    kernelsPerStep: profile.kernels.length,
    epochSeconds: history.map((h) => h.seconds),
  };
}

declare global {
  interface Window {
    benchGpuCounters: typeof measure;
  }
}
window.benchGpuCounters = measure;
