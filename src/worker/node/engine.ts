import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';

/** Node runs the engine on tfjs's reference cpu backend (tfjs-node would download a native binary). */
export async function initNodeEngine(): Promise<void> {
  // PROD silences tfjs's "install tfjs-node" banner, which would pollute the CLI's --json output.
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
}
