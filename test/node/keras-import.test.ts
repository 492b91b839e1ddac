import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ClassNamesNeeded, modelFromKeras } from '../../src/engine/io/keras/import-keras';
import { tempDir } from '../helpers/images';
import { maxAbsDiff, modelInputs, predict, python, type Inputs } from '../python/consumers';

interface Made {
  keras: string;
  backend: string;
  predictions: Record<'tutorial' | 'five', number[][]>;
}

let dir: string;
let inputs: Inputs;
let made: Made;
const bytes = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const load = (name: string, classNames?: string[]) =>
  modelFromKeras(bytes(name), name, classNames ? { classNames } : {});

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  dir = tempDir('shapes-keras-import-');
  inputs = modelInputs(dir);
  made = await python<Made>('make_tutorial_model.py', [dir, inputs.path, String(inputs.count)]);
});

describe("Keras import of the tutorial's own model files", () => {
  it.each([
    ['tutorial.keras', 'tutorial', ['circle', 'rectangle', 'triangle']],
    ['tutorial.h5', 'tutorial', ['circle', 'rectangle', 'triangle']],
    ['tutorial_keras2.h5', 'tutorial', ['circle', 'rectangle', 'triangle']],
    ['five.keras', 'five', ['a', 'b', 'c', 'd', 'e']],
  ] as const)('%s predicts what Keras predicts, within 1e-5', async (file, name, classNames) => {
    const { model, metadata } = await load(file, [...classNames]);
    const diff = maxAbsDiff(await predict(model, inputs), made.predictions[name]);
    console.log(`our import of Keras ${made.keras} (${made.backend}) ${file}: max |Δp| = ${diff.toExponential(2)}`);
    expect(diff).toBeLessThan(1e-5);
    expect(metadata).toMatchObject({ classNames, inputSize: [24, 24], settings: { learningRate: 0.001 }, history: [] });
    expect(model.layers.map((l) => l.name)).toEqual([
      'conv2d',
      'conv2d_1',
      'max_pooling2d',
      'flatten',
      'dense',
      'dense_1',
    ]);
    model.dispose();
  });

  it('asks for the class names when neither the caller nor the file gives them', async () => {
    const error = await load('tutorial.keras').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClassNamesNeeded);
    expect((error as ClassNamesNeeded).classes).toBe(3);
    await expect(load('tutorial.h5', ['a', 'b'])).rejects.toThrow(
      'tutorial.h5: 2 class names given for a model with 3 outputs',
    );
    await expect(load('tutorial.h5', ['a', 'a', 'b'])).rejects.toThrow('class names must be distinct');
  });

  it.each([
    ['same.keras', "(Conv2D): padding 'same' is not supported (the app runs 'valid')"],
    ['strides.keras', '(Conv2D): strides [2,2] is not supported (the app runs [1,1])'],
    ['strides_keras2.h5', '(Conv2D): strides [2,2] is not supported'],
    ['tanh.keras', "(Conv2D): activation 'tanh' is not supported (the app runs 'relu')"],
    ['dropout.keras', "layer 'dropout' (Dropout): expected Flatten as layer 4"],
    ['dropout.h5', "layer 'dropout' (Dropout): expected Flatten as layer 4"],
    ['batchnorm.keras', "layer 'batch_normalization' (BatchNormalization): expected Flatten as layer 4"],
    ['size32.keras', 'input shape [null, 32, 32, 3] is not [null, 24, 24, 3]'],
    ['functional.keras', 'a Functional model: the app reads only Sequential models'],
    ['weights_only.weights.h5', 'no model_config attribute: a weights-only file'],
  ])('refuses %s, naming what the app cannot run', async (file, message) => {
    await expect(load(file, ['a', 'b', 'c'])).rejects.toThrow(message);
  });

  it('names truncated, corrupt and incomplete files', async () => {
    const keras = bytes('tutorial.keras');
    const h5 = bytes('tutorial.h5');
    const refuse = (data: Uint8Array, name: string) => modelFromKeras(data, name, { classNames: ['a', 'b', 'c'] });
    await expect(refuse(keras.subarray(0, keras.length - 1000), 'cut.keras')).rejects.toThrow(
      'cut.keras: not a valid .zip file',
    );
    await expect(refuse(h5.subarray(0, h5.length / 2), 'cut.h5')).rejects.toThrow(
      'cut.h5: not a readable Keras file: not a readable HDF5 file (File has been truncated)',
    );
    await expect(refuse(new TextEncoder().encode('hello'), 'x.h5')).rejects.toThrow(
      'x.h5: not a readable Keras file: not a Keras model',
    );
    await expect(refuse(new Uint8Array(0), 'empty.keras')).rejects.toThrow('empty.keras: empty file');
    const h5Header = h5.slice(0, 4096);
    await expect(refuse(h5Header, 'head.h5')).rejects.toThrow(
      'head.h5: not a readable Keras file: not a readable HDF5 file',
    );
    const noConfig = zipSync({ 'model.weights.h5': new Uint8Array(3) });
    await expect(refuse(noConfig, 'a.keras')).rejects.toThrow('a.keras/config.json: missing file');
    const badJson = zipSync({ 'config.json': new TextEncoder().encode('{'), 'model.weights.h5': new Uint8Array(1) });
    await expect(refuse(badJson, 'b.keras')).rejects.toThrow('b.keras/config.json: not valid JSON');
    const badWeights = zipSync({
      'config.json': unzipSync(keras)['config.json']!,
      'model.weights.h5': h5.subarray(0, 2000),
    });
    await expect(refuse(badWeights, 'c.keras')).rejects.toThrow(
      'c.keras/model.weights.h5: not a readable Keras file: not a readable HDF5 file',
    );
  });
});
