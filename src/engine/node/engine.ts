import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { provideFastKernels } from '../fast/kernel-source';
import { provideRedrawWorker } from '../train/redraw-ahead';
import { readFastKernelsWasm } from './fast-wasm-file';
import { spawnNodeRedrawWorker } from './redraw-workers';

/**
 * Node runs the engine on tfjs's reference cpu backend (tfjs-node would download a native binary)
 * and trains on the WebAssembly kernels read from disk, with training drawings redrawn ahead in a
 * worker thread.
 */
export async function initNodeEngine(): Promise<void> {
  // PROD silences tfjs's "install tfjs-node" banner, which would pollute the CLI's --json output.
  tf.env().set('PROD', true);
  provideFastKernels(async () => readFastKernelsWasm());
  provideRedrawWorker(spawnNodeRedrawWorker);
  await tf.setBackend('cpu');
  await tf.ready();
}
