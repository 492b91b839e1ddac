import * as tf from '@tensorflow/tfjs-core';
import { BACKENDS, type BackendChoice, type BackendName, type BackendReport, type SkippedBackend } from '../../shared/api';
import { probe } from './probe';

/** Each GPU backend is its own chunk, fetched only when chosen: prediction at start-up needs neither. */
const REGISTER: Record<BackendName, () => Promise<unknown>> = {
  webgpu: () => import('@tensorflow/tfjs-backend-webgpu'),
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  cpu: () => import('@tensorflow/tfjs-backend-cpu'),
};

/** The order to try: the chosen backend first, then the remaining ones in order of preference. */
export const candidates = (choice: BackendChoice): BackendName[] =>
  choice === 'auto' ? [...BACKENDS] : [choice, ...BACKENDS.filter((b) => b !== choice)];

/**
 * Starts the first backend that works, trying `choice` first; reports the device and, for each one
 * passed over, why. Software WebGPU (a fallback adapter) and software WebGL are accepted: slow beats
 * not running at all.
 */
export async function selectBackend(choice: BackendChoice): Promise<BackendReport> {
  const skipped: SkippedBackend[] = [];
  for (const backend of candidates(choice)) {
    const found = await probe(backend);
    if (!found.ok) {
      skipped.push({ backend, reason: found.reason });
      continue;
    }
    try {
      await REGISTER[backend]();
      // tfjs refuses a software WebGL context unless told that slow is acceptable.
      if (backend === 'webgl') tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
      if (await tf.setBackend(backend)) {
        await tf.ready();
        return { active: backend, device: found.device, skipped };
      }
      skipped.push({ backend, reason: 'TensorFlow.js could not initialise it' });
    } catch (error) {
      skipped.push({ backend, reason: `TensorFlow.js could not initialise it: ${(error as Error).message}` });
    }
  }
  throw new Error(`No backend can run here: ${skipped.map((s) => `${s.backend}: ${s.reason}`).join('; ')}`);
}
