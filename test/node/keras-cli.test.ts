import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { TUTORIAL_SETTINGS } from '../../src/shared/api';
import { modelToFiles } from '../../src/engine/io/model-files';
import { createModel } from '../../src/engine/model/model';
import { writeModelFolder } from '../../src/engine/node/model-folder';
import { tempDir } from '../helpers/images';
import { maxAbsDiff, modelInputs, python, sharpen } from '../python/consumers';

const run = promisify(execFile);

/** Runs `shapes …` as a user would; never throws, returns the exit code and both streams. */
async function shapes(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['src/cli/shapes.mjs', ...args], { maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const CLASSES = ['circle', 'rectangle', 'triangle'];
/** The hand-drawn images modelInputs() feeds first, two per class: Keras's first six predictions. */
const DRAWN = CLASSES.flatMap((c) =>
  readdirSync(`test/fixtures/drawn/${c}`)
    .slice(0, 2)
    .map((f) => `test/fixtures/drawn/${c}/${f}`),
);

let dir: string;
let modelDir: string;
let keras: { predictions: { tutorial: number[][] } };

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  dir = tempDir('shapes-keras-cli-');
  const inputs = modelInputs(dir);
  const made = python<typeof keras>('make_tutorial_model.py', [dir, inputs.path, String(inputs.count)]);
  const model = createModel({ inputSize: [24, 24], classes: 3, seed: 5, learningRate: 0.001 });
  sharpen(model, 5);
  const metadata = {
    classNames: CLASSES,
    inputSize: [24, 24] as [number, number],
    backend: 'cpu' as const,
    date: '',
    settings: TUTORIAL_SETTINGS,
    history: [],
  };
  modelDir = join(dir, 'model');
  await writeModelFolder(modelDir, await modelToFiles(model, metadata));
  const big = createModel({ inputSize: [32, 32], classes: 3, seed: 5, learningRate: 0.001 });
  await writeModelFolder(join(dir, 'big'), await modelToFiles(big, { ...metadata, inputSize: [32, 32] }));
  model.dispose();
  big.dispose();
  keras = await made;
});

const rows = (stdout: string) => (JSON.parse(stdout) as { probabilities: number[] }[]).map((r) => r.probabilities);

describe('shapes export', () => {
  it('writes .keras, .h5 and .onnx files that predict as the saved model does', async () => {
    const outs = ['out/m.keras', 'out/m.h5', 'out/m.onnx'].map((f) => join(dir, f));
    const exported = await Promise.all(outs.map((out) => shapes('export', '--model', modelDir, '--out', out)));
    for (const [i, { code, stdout, stderr }] of exported.entries()) {
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toBe(
        `Wrote ${['keras', 'h5', 'onnx'][i]} model (3 classes: circle, rectangle, triangle) to ${outs[i]}\n`,
      );
    }
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['m.h5', 'm.keras', 'm.onnx']);
    const [saved, fromKeras, fromH5] = await Promise.all(
      [modelDir, outs[0]!, outs[1]!].map((m) => shapes('predict', '--model', m, ...DRAWN, '--json')),
    );
    expect(rows(fromKeras!.stdout)).toEqual(rows(saved!.stdout));
    expect(rows(fromH5!.stdout)).toEqual(rows(saved!.stdout));
  });

  it('refuses bad input with one line naming the file, and writes nothing', async () => {
    const out = join(dir, 'kept.keras');
    writeFileSync(out, 'previous');
    const [missing, big, extension, format, classes] = await Promise.all([
      shapes('export', '--model', join(dir, 'nope'), '--out', out),
      shapes('export', '--model', join(dir, 'big'), '--out', join(dir, 'x.onnx')),
      shapes('export', '--model', modelDir, '--out', join(dir, 'm.tflite')),
      shapes('export', '--model', modelDir, '--out', out, '--format', 'tflite'),
      shapes('predict', '--model', modelDir, '--classes', 'a,b,c', DRAWN[0]!),
    ]);
    expect([missing!.code, missing!.stderr]).toEqual([
      1,
      `shapes export: error: ${join(dir, 'nope')}: model folder not found\n`,
    ]);
    expect([big!.code, big!.stderr]).toEqual([
      1,
      `shapes export: error: ${join(dir, 'big')}: input shape [null, 32, 32, 3] is not [null, 24, 24, 3]\n`,
    ]);
    expect(readFileSync(out, 'utf8')).toBe('previous');
    expect(existsSync(join(dir, 'x.onnx'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(extension!.code).toBe(2);
    expect(extension!.stderr).toMatch(/^shapes export: --format is required when --out does not end in \.keras/);
    expect([format!.code, classes!.code]).toEqual([2, 2]);
  });
});

describe('shapes predict and evaluate with a Keras file', () => {
  it("takes Keras's own .h5 and .keras, with --classes or FILE.classes.txt, and asks for missing names", async () => {
    writeFileSync(join(dir, 'tutorial.keras.classes.txt'), `${CLASSES.join('\n')}\n`);
    const five = join(dir, 'five.keras');
    const [h5, kerasFile, evaluated, unnamed] = await Promise.all([
      shapes('predict', '--model', join(dir, 'tutorial.h5'), '--classes', CLASSES.join(','), ...DRAWN, '--json'),
      shapes('predict', '--model', join(dir, 'tutorial.keras'), ...DRAWN, '--json'),
      shapes(
        'evaluate',
        '--model',
        join(dir, 'tutorial_keras2.h5'),
        '--classes',
        CLASSES.join(','),
        '--data',
        'test/fixtures/drawn',
        '--json',
      ),
      shapes('predict', '--model', five, DRAWN[0]!),
    ]);
    for (const result of [h5!, kerasFile!]) {
      expect(result.code).toBe(0);
      expect(maxAbsDiff(rows(result.stdout), keras.predictions.tutorial.slice(0, DRAWN.length))).toBeLessThan(1e-5);
    }
    expect(evaluated!.code).toBe(0);
    expect(JSON.parse(evaluated!.stdout).classIndices).toEqual({ circle: 0, rectangle: 1, triangle: 2 });
    expect([unnamed!.code, unnamed!.stderr]).toEqual([
      1,
      `shapes predict: error: ${five}: cannot build the model: the file does not name its 5 classes: give them in output order with --classes a,b,c or in five.keras.classes.txt, one per line\n`,
    ]);
  });
});
