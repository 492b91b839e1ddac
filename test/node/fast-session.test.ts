import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/data/random';
import { FastCnn } from '../../src/engine/fast/fast-cnn';
import { FastSession } from '../../src/engine/fast/session';
import { createModel } from '../../src/engine/model/model';
import { readFastKernelsWasm } from '../../src/engine/node/fast-wasm-file';

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

const pixels = 24 * 24 * 3;
const rng = createRng(11);
const images = Float32Array.from({ length: 6 * pixels }, () => rng.int(256) / 255);
const labels = Int32Array.from([0, 1, 2, 2, 1, 0]);
const dataset = { classNames: ['a', 'b', 'c'], size: [24, 24] as [number, number], files: [], labels, images };
const newModel = () => createModel({ inputSize: [24, 24], classes: 3, seed: 5, learningRate: 0.001 });

describe('the fast path as a training session', () => {
  it('trains identically on rows of its data and on the same pixels passed in', async () => {
    const weights = newModel()
      .getWeights()
      .map((w) => w.dataSync() as Float32Array);
    const make = async () => {
      const cnn = await FastCnn.create({
        wasm: readFastKernelsWasm(),
        inputShape: [24, 24, 3],
        classes: 3,
        learningRate: 0.001,
        weights,
      });
      cnn.setTrainingData(images, labels);
      return cnn;
    };
    const [byRows, byPixels] = [await make(), await make()];
    for (const rows of [
      [4, 0, 2],
      [1, 5, 3],
    ]) {
      const picked = new Float32Array(rows.length * pixels);
      for (const [i, r] of rows.entries()) picked.set(images.subarray(r * pixels, (r + 1) * pixels), i * pixels);
      expect(
        byPixels.trainOnImages(
          picked,
          Int32Array.from(rows, (r) => labels[r]!),
        ),
      ).toEqual(byRows.trainBatch(rows));
    }
    expect(byPixels.getWeights()).toEqual(byRows.getWeights());
  });

  it('copies its trained weights back into the tfjs model', async () => {
    const model = newModel();
    const before = model.getWeights().map((w) => Array.from(w.dataSync()));
    const session = await FastSession.create(model, dataset, dataset, {
      wasm: readFastKernelsWasm(),
      learningRate: 0.001,
    });
    session.step(Int32Array.from([0, 1, 2]));
    const metrics = await session.endEpoch();
    expect(metrics.valAcc).toBeGreaterThanOrEqual(0);
    await session.finish();
    session.dispose();
    const after = model.getWeights().map((w) => Array.from(w.dataSync()));
    // Every weight tensor moved: Adam's first step moves each weight with a non-zero gradient by ±lr.
    for (const [i, values] of after.entries()) expect(values, `weight ${i}`).not.toEqual(before[i]);
    const p = (model.predict(tf.tensor4d(images, [6, 24, 24, 3])) as tf.Tensor).dataSync();
    expect(p.length).toBe(18);
  });
});
