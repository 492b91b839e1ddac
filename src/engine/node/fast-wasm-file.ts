// Node-only: reads the fast-training kernels' .wasm files next to the FastCnn sources, and
// registers Node's worker threads for them (this file is what initNodeEngine loads the kernels by).

import { readFileSync } from 'node:fs';
import { bestBuild, type KernelBuild } from '../fast/features';
import { provideFastThreads } from '../fast/kernel-source';
import { nodeThreads } from './fast-threads';

/** Every committed build, by its asconfig target. */
export const FAST_KERNEL_BUILDS: Record<KernelBuild, URL> = {
  release: new URL('../fast/fast-kernels.wasm', import.meta.url),
  threads: new URL('../fast/fast-kernels-threads.wasm', import.meta.url),
  relaxed: new URL('../fast/fast-kernels-relaxed.wasm', import.meta.url),
  'relaxed-threads': new URL('../fast/fast-kernels-relaxed-threads.wasm', import.meta.url),
};

/** A build's bytes; by default the best one-thread build here (relaxed SIMD where it validates). */
export function readFastKernelsWasm(build: KernelBuild = bestBuild(false)): Uint8Array<ArrayBuffer> {
  // A file's bytes are never in a SharedArrayBuffer.
  return readFileSync(FAST_KERNEL_BUILDS[build]) as Uint8Array<ArrayBuffer>;
}

provideFastThreads(nodeThreads(async () => readFastKernelsWasm(bestBuild(true))));
