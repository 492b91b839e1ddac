// One training run of the CLI's engine in this (child) process, so its peak RSS is the run's own:
// `tsx node-train.ts <wasm-simd|cpu> <epochs> [threads]` prints one JSON TrainRun on stdout.
import './install-wasm-probe';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { fastThreadCount } from '../../engine/fast/kernel-source';
import { initNodeEngine } from '../../engine/node/engine';
import { trainNewModel } from '../../engine/train/new-model';
import { TUTORIAL_SETTINGS } from '../../shared/api';
import { loadBundled } from './bundled-data';
import { wasmBytes } from './wasm-probe';
import { pathLabel, type MemorySample, type TrainRun } from './types';

const path = process.argv[2];
const epochs = Number(process.argv[3]);
const limit = process.argv[4] ? Number(process.argv[4]) : undefined;
if ((path !== 'wasm-simd' && path !== 'cpu') || !(epochs >= 1))
  throw new Error('usage: node-train.ts <wasm-simd|cpu> <epochs> [threads]');

await initNodeEngine();
const { train, test } = await loadBundled();
const memory: MemorySample[] = [];
const started = performance.now();
const { model, outcome } = await trainNewModel({
  train,
  test,
  settings: { ...TUTORIAL_SETTINGS, epochs, backend: path, threads: limit },
  backend: path,
  onEpoch: (log) => {
    const { numTensors, numBytes } = tf.memory();
    memory.push({ epoch: log.epoch, numTensors, numBytes, wasmBytes: wasmBytes() });
  },
});
const wallSeconds = (performance.now() - started) / 1000;
model.dispose();
const threads = fastThreadCount(limit).threads;
const run: TrainRun = {
  path: pathLabel(path, threads),
  runtime: 'node',
  seconds: outcome.history.map((h) => h.seconds),
  loss: outcome.history.at(-1)!.loss,
  valLoss: outcome.history.at(-1)!.valLoss,
  testAccuracy: outcome.evaluation?.accuracy ?? NaN,
  wallSeconds,
  peakMemoryBytes: peakRssBytes(),
  memory,
  device:
    path === 'wasm-simd'
      ? `WebAssembly SIMD, ${threads} thread${threads > 1 ? 's' : ''}`
      : 'tfjs-backend-cpu (JavaScript)',
};
console.log(JSON.stringify(run));

/**
 * This process's own peak RSS (Node itself included). Not ru_maxrss: Linux carries that across
 * fork + exec, so a child of the large bench process would report its parent's size.
 */
function peakRssBytes(): number {
  const kib = /VmHWM:\s*(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return kib ? Number(kib) * 1024 : process.resourceUsage().maxRSS * 1024;
}
