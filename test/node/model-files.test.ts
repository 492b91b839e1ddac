import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelMetadata } from '../../src/shared/api';
import {
  METADATA_JSON,
  MODEL_JSON,
  modelFromFiles,
  modelToFiles,
  parseMetadata,
  WEIGHTS_BIN,
} from '../../src/engine/io/model-files';
import { createModel } from '../../src/engine/model/model';
import { readModelFolder, writeModelFolder } from '../../src/engine/node/model-folder';
import { tempDir } from '../helpers/images';

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

const metadata: ModelMetadata = {
  classNames: ['circle', 'rectangle', 'triangle'],
  inputSize: [24, 24],
  backend: 'cpu',
  date: '2026-01-01T00:00:00.000Z',
  settings: { epochs: 1, batchSize: 3, learningRate: 0.001, seed: 3, backend: 'cpu' },
  history: [],
};

const model = (seed: number) => createModel({ inputSize: [24, 24], classes: 3, seed, learningRate: 0.001 });
const firstWeight = (m: { getWeights(): tf.Tensor[] }) => Array.from(m.getWeights()[0]!.dataSync().slice(0, 4));

describe('model files and folders', () => {
  it('round-trip through a folder and load with tf.loadLayersModel', async () => {
    const dir = join(tempDir(), 'model');
    const original = model(3);
    await writeModelFolder(dir, await modelToFiles(original, metadata));
    expect(readdirSync(dir).sort()).toEqual([METADATA_JSON, MODEL_JSON, WEIGHTS_BIN].sort());
    const loaded = await modelFromFiles(await readModelFolder(dir), dir);
    expect(loaded.metadata).toEqual(metadata);
    expect(firstWeight(loaded.model)).toEqual(firstWeight(original));
    const x = tf.ones([1, 24, 24, 3]);
    expect(Array.from((loaded.model.predict(x) as tf.Tensor).dataSync())).toEqual(
      Array.from((original.predict(x) as tf.Tensor).dataSync()),
    );
  });

  it('keep the previous model when a save fails half way', async () => {
    const dir = join(tempDir(), 'model');
    await writeModelFolder(dir, await modelToFiles(model(3), metadata));
    const before = readFileSync(join(dir, WEIGHTS_BIN));
    const files = await modelToFiles(model(4), metadata);
    // A file name that cannot be written makes the save fail after the first files are on disk.
    files.set('missing-folder/extra.bin', new Uint8Array(8));
    await expect(writeModelFolder(dir, files)).rejects.toThrow(`${dir}: could not save the model`);
    expect(readFileSync(join(dir, WEIGHTS_BIN)).equals(before)).toBe(true);
    expect(readdirSync(dirname(dir))).toEqual(['model']);
  });

  it('refuse to replace a folder that is not a saved model', async () => {
    const dir = join(tempDir(), 'photos');
    mkdirSync(dir);
    writeFileSync(join(dir, 'holiday.jpg'), 'precious');
    await expect(writeModelFolder(dir, await modelToFiles(model(3), metadata))).rejects.toThrow(
      `${dir}: folder exists and does not hold a saved model`,
    );
    expect(readFileSync(join(dir, 'holiday.jpg'), 'utf8')).toBe('precious');
  });

  it('name the file at fault in a damaged model', async () => {
    const files = await modelToFiles(model(3), metadata);
    const damaged = (name: string, bytes?: Uint8Array) => {
      const copy = new Map(files);
      if (bytes) copy.set(name, bytes);
      else copy.delete(name);
      return modelFromFiles(copy, 'm');
    };
    await expect(damaged(WEIGHTS_BIN)).rejects.toThrow('m/weights.bin: missing weights file');
    await expect(damaged(MODEL_JSON, new TextEncoder().encode('{oops'))).rejects.toThrow(
      'm/model.json: not valid JSON',
    );
    await expect(damaged(METADATA_JSON)).rejects.toThrow('m/metadata.json: missing file');
    const wrongClasses = new TextEncoder().encode(JSON.stringify({ ...metadata, classNames: ['a', 'b'] }));
    await expect(damaged(METADATA_JSON, wrongClasses)).rejects.toThrow(
      'has 3 outputs but metadata.json lists 2 classes',
    );
    expect(existsSync('m')).toBe(false);
  });
});

describe('the preprocessing a model records', () => {
  const base = { classNames: ['a', 'b'], inputSize: [24, 24] };

  it('is read back exactly, and a model from before it was recorded means the plain resize', () => {
    const fitted = { fitFrame: { margin: 0.1, minContrast: 40, inkFraction: 0.35, speckFraction: 0.03, levels: true } };
    expect(parseMetadata({ ...base, preprocess: fitted }, 'm').preprocess).toEqual(fitted);
    expect(parseMetadata({ ...base, preprocess: { fitFrame: null } }, 'm').preprocess).toEqual({ fitFrame: null });
    expect(parseMetadata(base, 'm').preprocess).toBeUndefined();
    // Fitted to a square before maxAspect (the fitFrame above), stretched and turned since.
    const turned = { fitFrame: { ...fitted.fitFrame, maxAspect: 2 }, averageTurns: true };
    expect(parseMetadata({ ...base, preprocess: turned }, 'm').preprocess).toEqual(turned);
  });

  it('is refused, naming the file, when it is not one the app can repeat', () => {
    const fitFrame = { margin: 0.1, minContrast: 40, inkFraction: 0.35, speckFraction: 0.03, levels: true };
    for (const preprocess of [
      { fitFrame: { margin: 'wide' } },
      { fitFrame: 3 },
      null,
      { fitFrame: { ...fitFrame, maxAspect: 'thin' } },
      { fitFrame: { ...fitFrame, maxAspect: 0.5 } },
      { fitFrame, averageTurns: 'yes' },
    ]) {
      expect(() => parseMetadata({ ...base, preprocess }, 'my-model/metadata.json')).toThrow(
        /^my-model\/metadata\.json: preprocess must be/,
      );
    }
    // A 24 × 20 input turned a quarter is 20 × 24: not something the model can be shown.
    const oblong = { ...base, inputSize: [24, 20], preprocess: { fitFrame, averageTurns: true } };
    expect(() => parseMetadata(oblong, 'm/metadata.json')).toThrow(/^m\/metadata\.json: preprocess must be/);
    expect(parseMetadata({ ...oblong, preprocess: { fitFrame, averageTurns: false } }, 'm').preprocess).toEqual({
      fitFrame,
    });
  });
});

describe('the data a model records it was trained and tested on', () => {
  const base = { classNames: ['a', 'b'], inputSize: [24, 24] };
  const data = { train: 1770, test: 105, own: 0, bundled: 'starter' };

  it('is read back, with its hard-split accuracy; older and imported models have neither', () => {
    expect(parseMetadata({ ...base, data, hardAccuracy: 0.9 }, 'm')).toMatchObject({ data, hardAccuracy: 0.9 });
    expect(parseMetadata({ ...base, data: { ...data, own: 12, bundled: null } }, 'm').data?.bundled).toBeNull();
    const older = parseMetadata(base, 'm');
    expect([older.data, older.hardAccuracy]).toEqual([undefined, undefined]);
  });

  it('is refused, naming the file and the field, when it is not counts and a bundled set', () => {
    for (const wrong of [{ ...data, train: -1 }, { ...data, test: 2.5 }, { ...data, bundled: 'mine' }, 'all', null]) {
      expect(() => parseMetadata({ ...base, data: wrong }, 'my-model/metadata.json')).toThrow(
        /^my-model\/metadata\.json: data must be/,
      );
    }
    for (const hardAccuracy of [1.5, -0.1, '90%']) {
      expect(() => parseMetadata({ ...base, hardAccuracy }, 'my-model/metadata.json')).toThrow(
        /^my-model\/metadata\.json: hardAccuracy must be a number from 0 to 1$/,
      );
    }
  });
});
