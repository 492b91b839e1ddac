import * as tf from '@tensorflow/tfjs-core';
import { BACKENDS, type BackendName, type BackendReport, type SkippedBackend } from '../../shared/api';
import { fastThreadCount, loadFastKernels } from '../fast/kernel-source';
import { probe } from './probe';

/** Each tfjs backend is its own chunk, fetched only when chosen: prediction at start-up needs no GPU. */
const REGISTER: Record<BackendName, () => Promise<unknown>> = {
  webgpu: () => import('@tensorflow/tfjs-backend-webgpu'),
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  // The WebAssembly path trains in its own kernels; tfjs builds, saves and runs the model on cpu.
  'wasm-simd': () => import('@tensorflow/tfjs-backend-cpu'),
  cpu: () => import('@tensorflow/tfjs-backend-cpu'),
};
const TFJS_BACKEND: Record<BackendName, string> = { webgpu: 'webgpu', webgl: 'webgl', 'wasm-simd': 'cpu', cpu: 'cpu' };

export type Started = { ok: true; device: string } | { ok: false; reason: string };

/** Starts exactly one path, or says why it cannot run here. */
export async function startBackend(backend: BackendName): Promise<Started> {
  const found = await probe(backend);
  if (!found.ok) return found;
  try {
    if (backend === 'wasm-simd') await loadFastKernels();
    await REGISTER[backend]();
    // tfjs refuses a software WebGL context unless told that slow is acceptable.
    if (backend === 'webgl') tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
    if (!(await tf.setBackend(TFJS_BACKEND[backend])))
      return { ok: false, reason: 'TensorFlow.js could not initialise it' };
    await tf.ready();
    return found;
  } catch (error) {
    return { ok: false, reason: `could not start: ${(error as Error).message}` };
  }
}

/** The order to try: the chosen path first, then the others in order of preference. */
export const candidates = (choice: BackendName): BackendName[] => [choice, ...BACKENDS.filter((b) => b !== choice)];

/**
 * Starts `choice`, or the first path after it that works, and reports the device and, for each
 * path passed over, why. Software WebGPU (a fallback adapter) and software WebGL are accepted.
 */
export async function selectBackend(
  choice: BackendName,
  start: (backend: BackendName) => Promise<Started> = startBackend,
): Promise<BackendReport> {
  const skipped: SkippedBackend[] = [];
  for (const backend of candidates(choice)) {
    const started = await start(backend);
    const { threads, isolated } = fastThreadCount();
    if (started.ok)
      return {
        active: backend,
        device: started.device,
        skipped,
        isolated,
        ...(backend === 'wasm-simd' ? { threads } : {}),
      };
    skipped.push({ backend, reason: started.reason });
  }
  throw new Error(`No backend can run here: ${skipped.map((s) => `${s.backend}: ${s.reason}`).join('; ')}`);
}
