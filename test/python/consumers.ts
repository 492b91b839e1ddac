// Runs the real consumers of our files (Keras, ONNX Runtime) from the project's Python venv, and
// makes the inputs they and tfjs are compared on.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { toModelInput } from '../../src/engine/data/pixels';
import { createRng } from '../../src/engine/data/random';
import { decodeImage } from '../../src/engine/node/decode';
import { shape } from '../helpers/images';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const VENV_PYTHON = join(ROOT, '.venv/bin/python');
const SIZE = 24 * 24 * 3;

/** Runs test/python/SCRIPT in the venv and parses the JSON it prints; fails loudly without the venv. */
export async function python<T>(script: string, args: string[]): Promise<T> {
  if (!existsSync(VENV_PYTHON)) {
    throw new Error(
      `${VENV_PYTHON} is missing: run 'bash test/python/setup.sh' to create the Python venv (Keras, ONNX Runtime) these tests check our files with`,
    );
  }
  try {
    const { stdout } = await run(VENV_PYTHON, [join(ROOT, 'test/python', script), ...args], {
      maxBuffer: 1 << 26,
      env: { ...process.env, KERAS_BACKEND: process.env.KERAS_BACKEND ?? 'jax', PYTHONWARNINGS: 'ignore' },
    });
    return JSON.parse(stdout) as T;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`${script} failed: ${stderr?.trim().split('\n').slice(-15).join('\n') || message}`);
  }
}

export interface Inputs {
  path: string;
  count: number;
  values: Float32Array;
}

/**
 * Real-looking inputs the way the app prepares them (hand-drawn 240x240 fixtures shrunk by area
 * averaging, generated 24x24 shapes), then uniform noise; written for Python as little-endian float32.
 */
export function modelInputs(dir: string, random = 4): Inputs {
  const drawn = join(ROOT, 'test/fixtures/drawn');
  const images = readdirSync(drawn).flatMap((kind) =>
    readdirSync(join(drawn, kind))
      .slice(0, 2)
      .map((file) => toModelInput(decodeImage(new Uint8Array(readFileSync(join(drawn, kind, file))), file), [24, 24])),
  );
  for (const kind of ['circle', 'rectangle', 'triangle'] as const)
    images.push(toModelInput(decodeImage(shape(kind, 1), kind), [24, 24]));
  const rng = createRng(7);
  for (let i = 0; i < random; i++) images.push(Float32Array.from({ length: SIZE }, () => rng.next()));
  const values = new Float32Array(images.length * SIZE);
  for (const [i, image] of images.entries()) values.set(image, i * SIZE);
  const path = join(dir, 'inputs.f32');
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (const [i, v] of values.entries()) view.setFloat32(i * 4, v, true);
  writeFileSync(path, bytes);
  return { path, count: images.length, values };
}

export async function predict(model: tfl.LayersModel, inputs: Inputs): Promise<number[][]> {
  const output = tf.tidy(() => model.predict(tf.tensor4d(inputs.values, [inputs.count, 24, 24, 3])) as tf.Tensor);
  const rows = (await output.array()) as number[][];
  output.dispose();
  return rows;
}

export const maxAbsDiff = (a: number[][], b: number[][]): number => {
  if (a.length !== b.length) throw new Error(`${a.length} rows against ${b.length}`);
  return Math.max(...a.flatMap((row, i) => row.map((v, j) => Math.abs(v - b[i]![j]!))));
};

/**
 * Random weights away from the near-uniform initial outputs (kernels doubled, small random
 * biases), so that the probabilities compared vary as a trained model's do.
 */
export function sharpen(model: tfl.LayersModel, seed: number): void {
  const rng = createRng(seed);
  const weights = model.getWeights().map((w) =>
    tf.tidy(() =>
      w.shape.length > 1
        ? tf.mul(w, 2)
        : tf.tensor(
            Float32Array.from({ length: w.size }, () => rng.normal() * 0.05),
            w.shape,
          ),
    ),
  );
  model.setWeights(weights);
  tf.dispose(weights);
}
