// Node's helper threads for the fast kernels: worker_threads, which share memory without any
// cross-origin isolation, on every available core.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ThreadPlatform } from '../fast/kernel-source';
import type { WasmSource } from '../fast/kernels';

const HELPER = new URL('./fast-helper.mjs', import.meta.url);

export function nodeThreads(load: () => Promise<WasmSource>): ThreadPlatform {
  return {
    cores: availableParallelism(),
    isolated: true,
    load,
    spawn: (init) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(HELPER, { workerData: init });
        // A FastCnn left undisposed must not keep the process alive.
        worker.unref();
        worker.once('message', () => resolve({ terminate: () => void worker.terminate() }));
        worker.once('error', reject);
      }),
  };
}
