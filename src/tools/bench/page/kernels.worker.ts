// The kernel builds side by side in one Chromium worker: FastCnn on each build and thread count
// from the same initial weights on the same batches, epochs interleaved so that a change of load
// hits every variant alike. Each epoch is the tutorial's: its training batches, then validation.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { BundledDataset } from '../../../engine/browser/bundled-dataset';
import { spawnHelper } from '../../../engine/browser/fast-kernels';
import { createRng } from '../../../engine/data/random';
import { FastCnn } from '../../../engine/fast/fast-cnn';
import { createModel } from '../../../engine/model/model';

export interface KernelVariant {
  name: string;
  /** The single-thread build's bytes for 1 thread, else the threaded build's (an array: it crosses page.evaluate). */
  wasm: number[];
  threads: number;
}

export interface KernelRequest {
  appUrl: string;
  variants: KernelVariant[];
  epochs: number;
  batchSize: number;
}

export interface KernelResults {
  /** Seconds of each epoch, per variant name. */
  seconds: Record<string, number[]>;
  /** Largest |difference| of validation probabilities from the first variant's, after the first epoch and the last. */
  probabilityDiff: Record<string, [first: number, last: number]>;
  loss: Record<string, number>;
}

async function compare({ appUrl, variants, epochs, batchSize }: KernelRequest): Promise<KernelResults> {
  await tf.setBackend('cpu');
  const bundled = await BundledDataset.open(appUrl);
  const train = await bundled.split('train');
  const test = await bundled.split('test', train.classNames);
  const model = createModel({ inputSize: train.size, classes: train.classNames.length, seed: 3, learningRate: 0.001 });
  const weights = model.getWeights().map((w) => w.dataSync() as Float32Array);
  const cnns = await Promise.all(
    variants.map(async (v) => {
      const module = await WebAssembly.compile(new Uint8Array(v.wasm));
      const threaded = v.threads > 1 ? { module, spawn: spawnHelper } : undefined;
      const cnn = await FastCnn.create({
        wasm: module,
        inputShape: [...train.size, 3],
        classes: train.classNames.length,
        learningRate: 0.001,
        weights,
        threads: v.threads,
        threaded,
      });
      cnn.setTrainingData(train.images, train.labels);
      return cnn;
    }),
  );
  const names = variants.map((v) => v.name);
  const results: KernelResults = {
    seconds: Object.fromEntries(names.map((n) => [n, []])),
    probabilityDiff: Object.fromEntries(names.map((n) => [n, [0, 0]])),
    loss: {},
  };
  const probabilities: Float32Array[] = [];
  const rng = createRng(3);
  const order = Array.from(train.labels.keys());
  for (let epoch = 0; epoch < epochs; epoch++) {
    rng.shuffle(order);
    for (const [i, cnn] of cnns.entries()) {
      const name = variants[i]!.name;
      const started = performance.now();
      let loss = 0;
      for (let b = 0; b < order.length; b += batchSize) loss += cnn.trainBatch(order.slice(b, b + batchSize)).loss;
      const { probabilities: p } = cnn.evaluate(test.images, test.labels);
      results.seconds[name]!.push((performance.now() - started) / 1000);
      results.loss[name] = loss / Math.ceil(order.length / batchSize);
      probabilities[i] = p;
      if (epoch === 0 || epoch === epochs - 1) {
        const diff = p.reduce((m, v, j) => Math.max(m, Math.abs(v - probabilities[0]![j]!)), 0);
        results.probabilityDiff[name]![epoch === 0 ? 0 : 1] = diff;
      }
    }
  }
  for (const cnn of cnns) cnn.dispose();
  model.dispose();
  return results;
}

self.onmessage = ({ data }: MessageEvent<KernelRequest>) => {
  compare(data).then(
    (results) => self.postMessage(results),
    (error: Error) => self.postMessage({ error: error.message }),
  );
};
