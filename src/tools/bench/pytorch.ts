// The PyTorch yardstick: the same images, initial weights and batch order as the app's run, trained
// by pytorch_reference.py on the CPU of this machine, when some python3 here can import torch.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../../engine/data/dataset';
import { createRng } from '../../engine/data/random';
import { createModel } from '../../engine/model/model';
import { initNodeEngine } from '../../engine/node/engine';
import { loadBundled } from './bundled-data';
import type { TrainRun } from './types';

const SCRIPT = fileURLToPath(new URL('pytorch_reference.py', import.meta.url));
// A pyenv `python3` first on PATH often lacks Debian's python3-torch, which /usr/bin/python3 has.
const PYTHONS = ['python3', '/usr/bin/python3'];

export interface Torch {
  python: string;
  version: string;
  defaultThreads: number;
}

export function findTorch(): Torch | undefined {
  for (const python of PYTHONS) {
    try {
      const out = execFileSync(python, ['-c', 'import torch; print(torch.__version__, torch.get_num_threads())'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const [version, threads] = out.trim().split(/\s+/);
      return { python, version: version!, defaultThreads: Number(threads) };
    } catch {
      /* try the next one */
    }
  }
  return undefined;
}

const write = (dir: string, name: string, data: Float32Array | Int32Array) =>
  writeFileSync(join(dir, name), new Uint8Array(data.buffer, data.byteOffset, data.byteLength));

/**
 * Writes the decoded bundled dataset (float32 NHWC, int32 labels), the tfjs model's seed-3 initial
 * weights (tfjs layout) and every epoch's batch order, exactly as `fit` shuffles them.
 */
export async function exportRun(epochs: number, seed = 3): Promise<string> {
  await initNodeEngine();
  const dir = mkdtempSync(join(tmpdir(), 'shapes-bench-torch-'));
  const { train, test } = await loadBundled();
  const split = (name: string, data: Dataset) => {
    write(dir, `${name}-images.f32`, data.images);
    write(dir, `${name}-labels.i32`, data.labels);
  };
  split('train', train);
  split('test', test);
  const model = createModel({ inputSize: train.size, classes: train.classNames.length, seed, learningRate: 0.001 });
  const weights = model.getWeights();
  for (const [i, w] of weights.entries()) write(dir, `weight${i}.f32`, w.dataSync() as Float32Array);
  const shapes = weights.map((w) => w.shape);
  model.dispose();
  // fit(): one Rng per run, the same index array shuffled in place at the start of every epoch.
  const rng = createRng(seed);
  const order = Array.from({ length: train.labels.length }, (_, i) => i);
  const orders = new Int32Array(epochs * order.length);
  for (let e = 0; e < epochs; e++) orders.set(rng.shuffle(order), e * order.length);
  write(dir, 'order.i32', orders);
  const meta = { size: train.size, classes: train.classNames.length, weightShapes: shapes, epochs, batchSize: 3 };
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
  return dir;
}

export const removeExport = (dir: string) => rmSync(dir, { recursive: true, force: true });

/** One run on `threads` threads (torch.set_num_threads). */
export function trainInPytorch(torch: Torch, dir: string, threads: number): Promise<TrainRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(torch.python, [SCRIPT, dir, String(threads)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`pytorch_reference.py exited with ${code}`));
      const r = JSON.parse(out) as {
        seconds: number[];
        loss: number;
        valLoss: number;
        testAccuracy: number;
        wallSeconds: number;
        peakMiB: number;
        threads: number;
      };
      resolve({
        path: torchLabel(r.threads),
        runtime: 'pytorch',
        seconds: r.seconds,
        loss: r.loss,
        valLoss: r.valLoss,
        testAccuracy: r.testAccuracy,
        wallSeconds: r.wallSeconds,
        peakMemoryBytes: r.peakMiB * 2 ** 20,
        memory: [],
        device: `PyTorch ${torch.version}, CPU, ${r.threads} thread${r.threads === 1 ? '' : 's'}`,
      });
    });
  });
}

export const torchLabel = (threads: number): string => `pytorch (${threads} thread${threads === 1 ? '' : 's'})`;
