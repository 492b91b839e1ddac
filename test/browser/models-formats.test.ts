import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/data/random';
import { shape, tempDir } from '../helpers/images';
import { maxAbsDiff, python } from '../python/consumers';
import { sharedEnginePage } from './pages';

const shared = sharedEnginePage({ worker: true });

interface KerasReport {
  files: Record<string, { probabilities: number[][]; differences: string[] }>;
}

let dir: string;
/** 24x24 opaque RGBA images the app predicts on as they are (no resizing), and the same as floats for Python. */
let images: number[][];
let inputs: { path: string; count: number };

function makeInputs(): void {
  const rng = createRng(11);
  images = [
    ...(['circle', 'rectangle', 'triangle'] as const).map((kind) => [...PNG.sync.read(shape(kind, 4)).data]),
    ...[0, 1, 2].map(() => Array.from({ length: 24 * 24 * 4 }, (_, i) => (i % 4 === 3 ? 255 : (rng.next() * 256) | 0))),
  ];
  const floats = new Float32Array(images.flatMap((rgba) => rgba.filter((_, i) => i % 4 !== 3).map((v) => v / 255)));
  inputs = { path: join(dir, 'inputs.f32'), count: images.length };
  writeFileSync(inputs.path, new Uint8Array(floats.buffer));
}

/** The app's own probabilities for the inputs, from the current model in the worker. */
const appProbabilities = () =>
  shared.page.evaluate(async (list) => {
    const predictions = await window.api.inference.predict(
      list.map((rgba, i) => ({
        kind: 'pixels',
        name: `${i}`,
        width: 24,
        height: 24,
        rgba: new Uint8Array(rgba).buffer,
      })),
    );
    return predictions.map((p) => p.probabilities);
  }, images);

/** Calls the worker's model service; a failure comes back as its message. */
const models = <T>(call: string, ...args: unknown[]) =>
  shared.page.evaluate(
    async ([name, list]) => {
      const decoded = (list as unknown[]).map((a) =>
        typeof a === 'object' && a && 'base64' in a ? window.engine.fromBase64((a as { base64: string }).base64) : a,
      );
      const service = window.api.models as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      return service[name as string]!(...decoded).then(
        (value) => (value instanceof ArrayBuffer ? { base64: window.engine.toBase64(value) } : value),
        (error: Error) => ({ error: error.message }),
      );
    },
    [call, args] as const,
  ) as Promise<T>;

/** A file of the folder the Keras models were made in, as it crosses to the page. */
let made: string;
const file = (name: string) => ({ base64: readFileSync(join(made, name)).toString('base64') });

beforeAll(async () => {
  dir = tempDir('shapes-formats-');
  makeInputs();
  await shared.page.evaluate(() =>
    window.api.training.train(
      { epochs: 10, batchSize: 3, learningRate: 0.001, seed: 3, backend: 'wasm-simd' },
      window.engine.proxy(() => undefined),
    ),
  );
});

describe('a model exported by the app in every format', () => {
  it('runs in Keras and ONNX Runtime with the app’s probabilities, within 1e-5', async () => {
    const { current } = await models<{ current: string }>('list');
    const ours = await appProbabilities();
    for (const format of ['zip', 'keras', 'h5', 'onnx']) {
      const { base64 } = await models<{ base64: string }>('exportModel', current, format);
      writeFileSync(join(dir, `model.${format}`), Buffer.from(base64, 'base64'));
    }
    const keras = await python<KerasReport>('check_keras.py', [
      inputs.path,
      String(inputs.count),
      join(dir, 'model.keras'),
      join(dir, 'model.h5'),
    ]);
    for (const [path, report] of Object.entries(keras.files)) {
      expect(report.differences, path).toEqual([]);
      const diff = maxAbsDiff(report.probabilities, ours);
      console.log(`Keras on the app's ${path.split('.').pop()}: max |Δp| = ${diff.toExponential(2)}`);
      expect(diff, path).toBeLessThan(1e-5);
    }
    const onnx = await python<{ probabilities: number[][] }>('check_onnx.py', [
      join(dir, 'model.onnx'),
      inputs.path,
      String(inputs.count),
    ]);
    const diff = maxAbsDiff(onnx.probabilities, ours);
    console.log(`ONNX Runtime on the app's onnx: max |Δp| = ${diff.toExponential(2)}`);
    expect(diff).toBeLessThan(1e-5);
    // The comparison means something only if the outputs are far from uniform.
    expect(Math.max(...ours.flat())).toBeGreaterThan(0.8);
  });
});

const IMPORTED = ['tutorial.keras', 'tutorial.h5', 'tutorial_keras2.h5'];

describe('Keras files imported into the app', () => {
  /** What Keras predicts for the inputs with each file: one Python run for all (each start takes seconds). */
  let kerasReport: KerasReport;
  beforeAll(async () => {
    made = tempDir('shapes-keras-made-');
    await python('make_tutorial_model.py', [made, inputs.path, String(inputs.count)]);
    kerasReport = await python<KerasReport>('check_keras.py', [
      inputs.path,
      String(inputs.count),
      ...IMPORTED.map((name) => join(made, name)),
    ]);
  });

  it('asks for class names a file lacks, and stores nothing until they are given', async () => {
    const before = await models('list');
    expect(await models('importModel', 'tutorial.keras', file('tutorial.keras'))).toEqual({
      error: 'tutorial.keras: the file does not name its 3 classes: give their names in output order',
    });
    expect(await models('list')).toEqual(before);
  });

  it.each(IMPORTED)('imports %s (Keras 3 and 2) and predicts what Keras predicts, within 1e-5', async (name) => {
    const list = await models<{ current: string; models: { id: string; name: string }[] }>(
      'importModel',
      name,
      file(name),
      ['circle', 'rectangle', 'triangle'],
    );
    expect(list.models.find((m) => m.id === list.current)?.name).toBe(name.replace(/\.\w+$/, ''));
    const keras = kerasReport.files[join(made, name)]!;
    expect(maxAbsDiff(await appProbabilities(), keras.probabilities)).toBeLessThan(1e-5);
  });

  it.each([
    ['dropout.keras', "dropout.keras: layer 'dropout' (Dropout): expected Flatten as layer 4"],
    ['size32.keras', 'size32.keras: input shape [null, 32, 32, 3] is not [null, 24, 24, 3]'],
    ['strides_keras2.h5', '(Conv2D): strides [2,2] is not supported'],
    ['functional.keras', 'a Functional model: the app reads only Sequential models'],
  ])('refuses %s naming what the app cannot run, and changes nothing', async (name, message) => {
    const before = await models('list');
    const probabilities = await appProbabilities();
    const result = await models<{ error: string }>('importModel', name, file(name), ['a', 'b', 'c']);
    expect(result.error).toContain(message);
    expect(await models('list')).toEqual(before);
    expect(await appProbabilities()).toEqual(probabilities);
  });
});
