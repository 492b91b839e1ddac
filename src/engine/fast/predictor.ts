import type * as tfl from '@tensorflow/tfjs-layers';
import { fastArchitecture } from './architecture';
import { FastCnn } from './fast-cnn';
import { loadFastKernels } from './kernel-source';

/** Prediction batches are small (an image or a few): a plan for 8 keeps the buffers small too. */
const PREDICT_BATCH = 8;

/**
 * A FastCnn holding a copy of the model's weights, for forward passes on this thread (one image
 * takes about a millisecond, less than waking helper threads would save), or undefined when the
 * fast kernels cannot run this model or this platform has none.
 */
export async function fastPredictor(model: tfl.LayersModel): Promise<FastCnn | undefined> {
  const architecture = fastArchitecture(model);
  if (!architecture) return undefined;
  const wasm = await loadFastKernels().catch(() => undefined);
  if (!wasm) return undefined;
  return FastCnn.create({
    wasm,
    ...architecture,
    weights: model.getWeights().map((w) => w.dataSync() as Float32Array),
    learningRate: 0,
    maxBatch: PREDICT_BATCH,
  });
}
