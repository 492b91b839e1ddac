import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModel, summarize, summaryText } from '../../src/engine/model/model';

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

const config = { inputSize: [24, 24] as const, classes: 3, seed: 3, learningRate: 0.001 };

describe('the tutorial model', () => {
  it('has the tutorial layers, output shapes and 839,107 parameters', () => {
    const model = createModel(config);
    const summary = summarize(model);
    expect(summary.layers.map((l) => [l.type, l.outputShape, l.params])).toEqual([
      ['Conv2D', [null, 22, 22, 32], 896],
      ['Conv2D', [null, 20, 20, 64], 18496],
      ['MaxPooling2D', [null, 10, 10, 64], 0],
      ['Flatten', [null, 6400], 0],
      ['Dense', [null, 128], 819328],
      ['Dense', [null, 3], 387],
    ]);
    expect(summary.totalParams).toBe(839_107);
    expect(summary.trainableParams).toBe(839_107);
    expect(summaryText(summary)).toContain('Total params: 839,107');
    model.dispose();
  });

  it('outputs one softmax row per image, and follows the class count', () => {
    const model = createModel({ ...config, classes: 5 });
    const p = tf.tidy(() => model.predict(tf.ones([2, 24, 24, 3])) as tf.Tensor);
    expect(p.shape).toEqual([2, 5]);
    for (const row of p.arraySync() as number[][]) expect(row.reduce((a, b) => a + b)).toBeCloseTo(1, 5);
    tf.dispose(p);
    model.dispose();
  });

  it('starts from the same weights for the same seed, and different ones for another', () => {
    const first = (seed: number) => {
      const model = createModel({ ...config, seed });
      const values = model.getWeights().map((w) => Array.from(w.dataSync().slice(0, 5)));
      model.dispose();
      return values;
    };
    expect(first(3)).toEqual(first(3));
    expect(first(3)).not.toEqual(first(4));
  });

  it('rejects impossible configurations with the field name', () => {
    expect(() => createModel({ ...config, classes: 1 })).toThrow(/classes must be an integer ≥ 2/);
    expect(() => createModel({ ...config, inputSize: [4, 24] })).toThrow(/inputSize/);
    expect(() => createModel({ ...config, learningRate: 0 })).toThrow(/learningRate/);
  });
});
