import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_AUGMENTATION } from '../../src/shared/api';
import { loadDataset, type Dataset } from '../../src/engine/data/dataset';
import { createModel } from '../../src/engine/model/model';
import { decodeFile, listFolder } from '../../src/engine/node/listing';
import { TfjsSession } from '../../src/engine/train/session';
import { evaluate } from '../../src/engine/train/evaluate';
import { divergedAt } from '../../src/engine/train/fit';
import { trainModel } from '../../src/engine/train/run';
import { shapesTree } from '../helpers/images';

let train: Dataset;
let test: Dataset;

/**
 * These tests check the training loop (logs, seeds, stopping, augmentation, tensors), not the
 * tutorial's image size: at 12x12 a step of tfjs's cpu backend takes a seventh of the time.
 */
const SIZE = 12;

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  const root = shapesTree(2, 1);
  train = await loadDataset(await listFolder(join(root, 'train')), decodeFile, { size: [SIZE, SIZE] });
  test = await loadDataset(await listFolder(join(root, 'test')), decodeFile, {
    classNames: train.classNames,
    size: [SIZE, SIZE],
  });
});

const settings = { epochs: 2, batchSize: 3, seed: 3, learningRate: 0.001 };
const newModel = (seed = settings.seed) =>
  createModel({ inputSize: [SIZE, SIZE], classes: 3, seed, learningRate: settings.learningRate });

describe('training on the tfjs cpu backend', () => {
  it('logs loss, acc, val_loss and val_acc each epoch and reports batch progress', async () => {
    const model = newModel();
    const batches: string[] = [];
    const outcome = await trainModel(model, {
      train,
      test,
      settings,
      onBatch: (p) => batches.push(`${p.epoch}:${p.batch}/${p.batches}`),
    });
    expect(batches).toEqual(['1:1/2', '1:2/2', '2:1/2', '2:2/2']);
    expect(outcome.history).toHaveLength(2);
    for (const log of outcome.history) {
      for (const key of ['loss', 'acc', 'valLoss', 'valAcc'] as const) expect(Number.isFinite(log[key])).toBe(true);
    }
    expect(outcome.evaluation?.count).toBe(3);
    expect(outcome.evaluation?.confusion.flat().reduce((a, b) => a + b)).toBe(3);
    model.dispose();
  });

  it('gives the same loss curve for the same seed, and a different one for another seed', async () => {
    const curve = async (seed: number) => {
      const model = newModel(seed);
      const { history } = await trainModel(model, { train, test, settings: { ...settings, seed, epochs: 1 } });
      model.dispose();
      return history.map((h) => [h.loss, h.valLoss]);
    };
    const first = await curve(3);
    expect(await curve(3)).toEqual(first);
    expect(await curve(4)).not.toEqual(first);
  });

  it('stops within one batch of a stop request', async () => {
    const model = newModel();
    let batches = 0;
    const outcome = await trainModel(model, {
      train,
      test,
      settings: { ...settings, epochs: 5 },
      onBatch: () => batches++,
      shouldStop: () => batches >= 3,
    });
    expect(outcome.stopped).toBe(true);
    expect(batches).toBe(3);
    expect(outcome.history).toHaveLength(1);
    model.dispose();
  });

  it('feeds augmented pixels for the same rows when augmentation is on, keeping the shuffle order', async () => {
    const calls: { rows: number[]; augmented: boolean }[] = [];
    class Recording extends TfjsSession {
      override step(rows: Int32Array, images?: Float32Array) {
        calls.push({ rows: Array.from(rows), augmented: images?.length === rows.length * SIZE * SIZE * 3 });
        super.step(rows, images);
      }
    }
    const augment = { ...NO_AUGMENTATION, rotationRange: 30, zoomRange: 0.3 };
    for (const options of [undefined, augment]) {
      const model = newModel();
      await trainModel(model, {
        train,
        settings: { ...settings, epochs: 1, augment: options },
        session: (m) => new Recording(m, train),
      });
      model.dispose();
    }
    expect(calls.map((c) => c.augmented)).toEqual([false, false, true, true]);
    expect(calls.slice(2).map((c) => c.rows)).toEqual(calls.slice(0, 2).map((c) => c.rows));
  });

  it('evaluates an empty split to a count of zero instead of failing', async () => {
    const model = newModel();
    const empty = { ...test, files: [], labels: new Int32Array(0), images: new Float32Array(0) };
    const result = await evaluate(model, empty);
    expect(result).toMatchObject({ count: 0, accuracy: 0, loss: 0, perClass: {} });
    model.dispose();
  });

  it('does not grow the number of tensors from epoch to epoch', async () => {
    const model = newModel();
    const session = new TfjsSession(model, train, test);
    const counts: number[] = [];
    for (let epoch = 0; epoch < 3; epoch++) {
      session.step(Int32Array.from([0, 1, 2]));
      session.step(Int32Array.from([3, 4, 5]));
      await session.endEpoch();
      counts.push(tf.memory().numTensors);
    }
    expect(counts[2]).toBe(counts[1]);
    session.dispose();
    model.dispose();
  });
});

describe('divergence', () => {
  it('is a loss that is not a number, or three times worse than guessing among the classes', () => {
    expect(divergedAt(Number.NaN, 3)).toBe(true);
    expect(divergedAt(Number.POSITIVE_INFINITY, 3)).toBe(true);
    expect(divergedAt(10.75, 3)).toBe(true);
    expect(divergedAt(3 * Math.log(3) + 0.01, 3)).toBe(true);
    // A first epoch near ln(3) ≈ 1.1, and anything a learning model reaches, is not.
    expect(divergedAt(1.26, 3)).toBe(false);
    expect(divergedAt(3 * Math.log(3) - 0.01, 3)).toBe(false);
    expect(divergedAt(4, 10)).toBe(false);
  });
});
