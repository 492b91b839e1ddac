import type * as tfl from '@tensorflow/tfjs-layers';
import type { BackendName } from '../../shared/api';
import type { Dataset } from '../data/dataset';
import { fastThreadCount, loadFastKernels, loadThreadedKernels } from '../fast/kernel-source';
import { FastSession } from '../fast/session';
import { TfjsSession, type TrainingSession } from '../train/session';

/**
 * The training session for a path: our WebAssembly kernels, or tfjs on its current backend. The
 * kernels use every core (at most `threads`) where memory can be shared, else this thread alone.
 */
export async function createSession(
  backend: BackendName,
  model: tfl.LayersModel,
  train: Dataset,
  validation: Dataset | undefined,
  learningRate: number,
  threads?: number,
): Promise<TrainingSession> {
  if (backend !== 'wasm-simd') return new TfjsSession(model, train, validation);
  const wasm = await loadFastKernels();
  const count = fastThreadCount(threads).threads;
  if (count > 1) {
    try {
      const threaded = await loadThreadedKernels();
      return await FastSession.create(model, train, validation, { wasm, learningRate, threads: count, threaded });
    } catch (error) {
      // Threads are an optimisation: where helpers cannot start, the same training runs on one.
      console.warn(`Training on one thread: ${(error as Error).message}`);
    }
  }
  return FastSession.create(model, train, validation, { wasm, learningRate });
}
