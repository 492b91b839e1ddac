import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { TUTORIAL_SETTINGS, type ModelMetadata } from '../../src/shared/api';
import { modelToOnnx } from '../../src/engine/io/onnx/export-onnx';
import { createModel } from '../../src/engine/model/model';
import { tempDir } from '../helpers/images';
import { maxAbsDiff, modelInputs, predict, python, sharpen, type Inputs } from '../python/consumers';

interface OnnxReport {
  onnxruntime: string;
  ir_version: number;
  opset: [string, number][];
  inputs: Record<string, (number | string)[]>;
  outputs: Record<string, (number | string)[]>;
  metadata: Record<string, string>;
  probabilities: number[][];
}

const metadataFor = (classNames: string[]): ModelMetadata => ({
  classNames,
  inputSize: [24, 24],
  backend: 'cpu',
  date: '2026-12-01T10:00:00.000Z',
  settings: TUTORIAL_SETTINGS,
  history: [],
});

let dir: string;
let inputs: Inputs;

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  dir = tempDir('shapes-onnx-');
  inputs = modelInputs(dir);
});

describe('ONNX export, run by ONNX Runtime', () => {
  it.each([[['circle', 'rectangle', 'triangle']], [['a', 'b', 'c', 'd', 'e', 'f', 'g']]])(
    'gives the tfjs probabilities within 1e-5 for %j, from the same NHWC input',
    async (classNames) => {
      const model = createModel({ inputSize: [24, 24], classes: classNames.length, seed: 11, learningRate: 0.001 });
      sharpen(model, 11);
      const file = join(dir, `model${classNames.length}.onnx`);
      writeFileSync(file, await modelToOnnx(model, metadataFor(classNames)));
      const report = await python<OnnxReport>('check_onnx.py', [file, inputs.path, String(inputs.count)]);
      const diff = maxAbsDiff(report.probabilities, await predict(model, inputs));
      console.log(
        `ONNX Runtime ${report.onnxruntime} on our ONNX, ${classNames.length} classes: max |Δp| = ${diff.toExponential(2)}`,
      );
      expect(diff).toBeLessThan(1e-5);
      expect(report.ir_version).toBe(7);
      expect(report.opset).toEqual([['', 13]]);
      expect(report.inputs).toEqual({ input: ['N', 24, 24, 3] });
      expect(report.outputs).toEqual({ probabilities: ['N', classNames.length] });
      expect(JSON.parse(report.metadata.class_names!)).toEqual(classNames);
      const sidecar = JSON.parse(report.metadata.shape_cnn!);
      expect(sidecar.metadata.classNames).toEqual(classNames);
      expect(sidecar.input.steps).toEqual([
        'composite RGBA onto white',
        'resize to 24x24 by area averaging',
        'divide by 255',
      ]);
      model.dispose();
    },
  );
});
