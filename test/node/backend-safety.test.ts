import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrate } from '../../src/engine/backend/calibrate';
import { type Started, selectBackend } from '../../src/engine/backend/select';
import { createSession } from '../../src/engine/backend/sessions';
import { loadDataset, type Dataset } from '../../src/engine/data/dataset';
import { fastThreadCount } from '../../src/engine/fast/kernel-source';
import { initNodeEngine } from '../../src/engine/node/engine';
import { decodeFile, listFolder } from '../../src/engine/node/listing';
import type { TrainingSession } from '../../src/engine/train/session';
import type { BackendName } from '../../src/shared/api';
import { shapesTree } from '../helpers/images';

let sample: Dataset;

beforeAll(async () => {
  await initNodeEngine();
  sample = await loadDataset(await listFolder(`${shapesTree(3, 0)}/train`), decodeFile);
});

/** Every path "starts" (on the cpu backend underneath), so calibration measures all four. */
const startAll = async (backend: BackendName): Promise<Started> => {
  await tf.setBackend('cpu');
  return { ok: true, device: `pretend ${backend}` };
};

/**
 * A GPU that computes wrongly and looks fast: after its first step it skips the work, and its
 * losses are off by `scale`.
 */
function wrongAndFast(real: TrainingSession, scale: number): TrainingSession {
  let steps = 0;
  return {
    trainSize: real.trainSize,
    step: (rows, images) => {
      if (steps++ === 0) real.step(rows, images);
    },
    settle: () => real.settle(),
    endEpoch: async () => {
      const metrics = await real.endEpoch();
      return { ...metrics, loss: metrics.loss * scale };
    },
    finish: () => real.finish(),
    dispose: () => real.dispose(),
  };
}

describe('backend safety', () => {
  it('never chooses a path whose losses disagree with the reference, however fast it is', async () => {
    const calibration = await calibrate(
      sample,
      async (backend, model, data) => {
        // Every path trains on the WebAssembly kernels underneath (exact and quick); the GPU ones then go wrong.
        const real = await createSession('wasm-simd', model, data, undefined, 0.001);
        return backend === 'webgpu' ? wrongAndFast(real, 1.5) : backend === 'webgl' ? wrongAndFast(real, 0.2) : real;
      },
      startAll,
    );
    const byBackend = Object.fromEntries(calibration.results.map((r) => [r.backend, r]));
    expect(byBackend.webgpu).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/first-step loss .* differs from wasm-simd's/),
    });
    expect(byBackend.webgl).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/loss .* differs from wasm-simd's/),
    });
    expect(byBackend['wasm-simd']!.ok).toBe(true);
    // The wrong paths were the fastest measured: speed alone would have chosen one of them.
    expect(Math.min(byBackend.webgpu!.msPerStep!, byBackend.webgl!.msPerStep!)).toBeLessThan(
      byBackend['wasm-simd']!.msPerStep!,
    );
    expect(calibration.chosen).toBe('wasm-simd');
  });

  it('refuses a path whose loss is not a number', async () => {
    const calibration = await calibrate(
      sample,
      async (backend, model, data) => {
        const real = await createSession('wasm-simd', model, data, undefined, 0.001);
        return backend === 'webgl' ? wrongAndFast(real, Number.NaN) : real;
      },
      startAll,
    );
    expect(calibration.results.find((r) => r.backend === 'webgl')).toMatchObject({
      ok: false,
      reason: 'its loss is not a finite number',
    });
    expect(calibration.chosen).not.toBe('webgl');
  });

  it('falls back from a path that cannot start to the next, saying why', async () => {
    const tried: BackendName[] = [];
    const report = await selectBackend('webgpu', async (backend) => {
      tried.push(backend);
      if (backend === 'webgpu') return { ok: false, reason: 'no WebGPU adapter' };
      if (backend === 'webgl') return { ok: false, reason: 'WebGL2 is not available in a worker here' };
      return { ok: true, device: `pretend ${backend}` };
    });
    expect(tried).toEqual(['webgpu', 'webgl', 'wasm-simd']);
    expect(report).toEqual({
      active: 'wasm-simd',
      device: 'pretend wasm-simd',
      skipped: [
        { backend: 'webgpu', reason: 'no WebGPU adapter' },
        { backend: 'webgl', reason: 'WebGL2 is not available in a worker here' },
      ],
      // Node shares memory without isolation: the WebAssembly path reports every core.
      ...fastThreadCount(),
    });
    expect(report.isolated).toBe(true);
  });

  it('says why when no path can start at all', async () => {
    await expect(selectBackend('cpu', async () => ({ ok: false, reason: 'broken' }))).rejects.toThrow(
      'No backend can run here: cpu: broken; webgpu: broken; webgl: broken; wasm-simd: broken',
    );
  });
});
