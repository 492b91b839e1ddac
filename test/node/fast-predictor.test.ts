// Prediction on the fast kernels: which models they can run, and that they predict what tfjs does.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/data/random';
import { fastArchitecture } from '../../src/engine/fast/architecture';
import { fastPredictor } from '../../src/engine/fast/predictor';
import { createModel } from '../../src/engine/model/model';
import { initNodeEngine } from '../../src/engine/node/engine';

beforeAll(initNodeEngine);

const tutorial = (size: [number, number], classes: number) =>
  createModel({ inputSize: size, classes, seed: 2, learningRate: 0.001 });

/** The tutorial's layers with one thing changed. */
function variant(change: 'filters' | 'dropout' | 'activation' | 'padding'): tfl.Sequential {
  const model = tfl.sequential();
  model.add(
    tfl.layers.conv2d({
      inputShape: [24, 24, 3],
      filters: change === 'filters' ? 16 : 32,
      kernelSize: 3,
      activation: 'relu',
    }),
  );
  model.add(
    tfl.layers.conv2d({
      filters: 64,
      kernelSize: 3,
      activation: 'relu',
      padding: change === 'padding' ? 'same' : 'valid',
    }),
  );
  model.add(tfl.layers.maxPooling2d({ poolSize: 2 }));
  if (change === 'dropout') model.add(tfl.layers.dropout({ rate: 0.5 }));
  model.add(tfl.layers.flatten());
  model.add(tfl.layers.dense({ units: 128, activation: change === 'activation' ? 'tanh' : 'relu' }));
  model.add(tfl.layers.dense({ units: 3, activation: 'softmax' }));
  return model;
}

describe('prediction on the fast kernels', () => {
  it('recognises the tutorial architecture at any input size and class count, and nothing else', () => {
    expect(fastArchitecture(tutorial([24, 24], 3))).toEqual({ inputShape: [24, 24, 3], classes: 3 });
    expect(fastArchitecture(tutorial([17, 30], 7))).toEqual({ inputShape: [17, 30, 3], classes: 7 });
    for (const change of ['filters', 'dropout', 'activation', 'padding'] as const) {
      expect(fastArchitecture(variant(change)), change).toBeUndefined();
    }
  });

  it.each([
    [[24, 24], 3, 1],
    [[15, 19], 5, 13],
    [[24, 24], 4, 4],
  ] as const)('predicts what tfjs predicts (%j input, %i classes, %i images)', async (size, classes, n) => {
    const model = tutorial([size[0], size[1]], classes);
    const rng = createRng(9);
    const x = Float32Array.from({ length: n * size[0] * size[1] * 3 }, () => rng.next());
    const cnn = (await fastPredictor(model))!;
    const fast = cnn.predict(x, n);
    const ref = tf.tidy(() => (model.predict(tf.tensor4d(x, [n, size[0], size[1], 3])) as tf.Tensor).dataSync());
    let err = 0;
    for (let i = 0; i < ref.length; i++) err = Math.max(err, Math.abs(fast[i]! - ref[i]!));
    expect(err).toBeLessThanOrEqual(1e-5);
    cnn.dispose();
    model.dispose();
  });

  it('leaves other models to tfjs', async () => {
    expect(await fastPredictor(variant('dropout'))).toBeUndefined();
  });
});
