import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { TUTORIAL_SETTINGS, type ModelMetadata } from '../../src/shared/api';
import { modelToH5 } from '../../src/engine/io/keras/export-h5';
import { modelToKeras } from '../../src/engine/io/keras/export-keras';
import { modelFromKeras } from '../../src/engine/io/keras/import-keras';
import { createModel } from '../../src/engine/model/model';
import { tempDir } from '../helpers/images';
import { maxAbsDiff, modelInputs, predict, python, sharpen, type Inputs } from '../python/consumers';

interface KerasReport {
  keras: string;
  backend: string;
  files: Record<string, { probabilities: number[][]; differences: string[] }>;
}

const CLASSES = { 2: ['cat', 'dog'], 3: ['circle', 'rectangle', 'triangle'] } as const;

const metadataFor = (classNames: readonly string[]): ModelMetadata => ({
  classNames: [...classNames],
  inputSize: [24, 24],
  backend: 'wasm-simd',
  date: '2026-12-01T10:00:00.000Z',
  settings: { ...TUTORIAL_SETTINGS, learningRate: 0.0005 },
  history: [{ epoch: 1, epochs: 1, loss: 1, acc: 0.5, seconds: 1 }],
});

let dir: string;
let inputs: Inputs;
let report: KerasReport;
const models = new Map<number, { probabilities: number[][]; files: { keras: string; h5: string } }>();

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  dir = tempDir('shapes-keras-export-');
  inputs = modelInputs(dir);
  for (const [count, names] of Object.entries(CLASSES)) {
    const classes = Number(count);
    const model = createModel({ inputSize: [24, 24], classes, seed: classes, learningRate: 0.0005 });
    sharpen(model, classes);
    const files = { keras: join(dir, `model${classes}.keras`), h5: join(dir, `model${classes}.h5`) };
    writeFileSync(files.keras, await modelToKeras(model, metadataFor(names)));
    writeFileSync(files.h5, await modelToH5(model, metadataFor(names)));
    models.set(classes, { probabilities: await predict(model, inputs), files });
    model.dispose();
  }
  const files = [...models.values()].flatMap((m) => Object.values(m.files));
  report = await python<KerasReport>('check_keras.py', [inputs.path, String(inputs.count), ...files]);
});

describe('Keras export, loaded by Keras itself', () => {
  it('predicts what the tfjs model predicts, within 1e-5, for 2 and 3 classes', () => {
    for (const [classes, { probabilities, files }] of models) {
      for (const [format, file] of Object.entries(files)) {
        const keras = report.files[file]!.probabilities;
        const diff = maxAbsDiff(keras, probabilities);
        console.log(
          `Keras ${report.keras} (${report.backend}) on our ${format}, ${classes} classes: max |Δp| = ${diff.toExponential(2)}`,
        );
        expect(diff).toBeLessThan(1e-5);
      }
    }
    // The comparison means something only if the outputs are far from uniform.
    expect(Math.max(...models.get(3)!.probabilities.flat())).toBeGreaterThan(0.9);
  });

  it('writes .keras files exactly as Keras re-saves them, and .h5 files in Keras 2 layout', () => {
    for (const file of Object.keys(report.files)) expect(report.files[file]!.differences, file).toEqual([]);
  });

  it('keeps our class names, preprocessing and metadata beside what Keras reads', () => {
    const zip = unzipSync(new Uint8Array(readFileSync(models.get(3)!.files.keras)));
    expect(Object.keys(zip)).toEqual(['metadata.json', 'config.json', 'model.weights.h5']);
    const metadata = JSON.parse(new TextDecoder().decode(zip['metadata.json']));
    expect(metadata.keras_version).toBe('3.15.1');
    expect(metadata.shape_cnn.classIndices).toEqual({ circle: 0, rectangle: 1, triangle: 2 });
    expect(metadata.shape_cnn.input).toMatchObject({ layout: 'NHWC', shape: [null, 24, 24, 3], range: [0, 1] });
    expect(metadata.shape_cnn.metadata).toEqual(metadataFor(CLASSES[3]));
  });

  it('reads its own files back to the same model and metadata, class names included', async () => {
    for (const [classes, { probabilities, files }] of models) {
      for (const file of Object.values(files)) {
        const { model, metadata } = await modelFromKeras(new Uint8Array(readFileSync(file)), file);
        expect(metadata).toEqual(metadataFor(CLASSES[classes as keyof typeof CLASSES]));
        expect(await predict(model, inputs)).toEqual(probabilities);
        model.dispose();
      }
    }
  });

  it('refuses to export a model that is not the tutorial CNN, naming the layer', async () => {
    const other = createModel({ inputSize: [32, 32], classes: 3, seed: 1, learningRate: 0.001 });
    await expect(modelToKeras(other, metadataFor(CLASSES[3]), 'models/big')).rejects.toThrow(
      'models/big: input shape [null, 32, 32, 3] is not [null, 24, 24, 3]',
    );
    other.dispose();
  });
});
