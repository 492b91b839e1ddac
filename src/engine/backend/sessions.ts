import type * as tfl from '@tensorflow/tfjs-layers';
import type { BackendName } from '../../shared/api';
import type { Dataset } from '../data/dataset';
import { FastSession } from '../fast/session';
import { TfjsSession, type TrainingSession } from '../train/session';
import { loadFastKernels } from '../fast/kernel-source';

/** The training session for a path: our WebAssembly kernels, or tfjs on its current backend. */
export async function createSession(
  backend: BackendName,
  model: tfl.LayersModel,
  train: Dataset,
  validation: Dataset | undefined,
  learningRate: number,
): Promise<TrainingSession> {
  if (backend === 'wasm-simd')
    return FastSession.create(model, train, validation, { wasm: await loadFastKernels(), learningRate });
  return new TfjsSession(model, train, validation);
}
