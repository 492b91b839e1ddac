// The worker side of loading the kernels: Vite bundles the .wasm files and gives their URLs. Importing
// this file also registers the browser's helper threads (workers started from this worker).

import relaxedUrl from '../fast/fast-kernels-relaxed.wasm?url';
import relaxedThreadsUrl from '../fast/fast-kernels-relaxed-threads.wasm?url';
import threadsUrl from '../fast/fast-kernels-threads.wasm?url';
import wasmUrl from '../fast/fast-kernels.wasm?url';
import { bestBuild, type KernelBuild } from '../fast/features';
import { provideFastThreads } from '../fast/kernel-source';
import type { HelperInit } from '../fast/team';

const URLS: Record<KernelBuild, string> = {
  release: wasmUrl,
  threads: threadsUrl,
  relaxed: relaxedUrl,
  'relaxed-threads': relaxedThreadsUrl,
};

/**
 * Fetches and compiles the fast-training kernels (by default the best one-thread build here: relaxed
 * SIMD where it validates); registered with provideFastKernels at start-up.
 */
export async function fetchFastKernels(url: string = URLS[bestBuild(false)]): Promise<WebAssembly.Module> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`fast kernels: HTTP ${response.status} for ${url}`);
  return WebAssembly.compile(await response.arrayBuffer());
}

/** A helper thread: a nested dedicated worker, ready once its kernels are instantiated. */
export function spawnHelper(init: HelperInit): Promise<{ terminate(): void }> {
  const worker = new Worker(new URL('./fast-helper.worker.ts', import.meta.url), {
    type: 'module',
    name: `fast-kernels-${init.part}`,
  });
  return new Promise((resolve, reject) => {
    worker.onmessage = () => resolve({ terminate: () => worker.terminate() });
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the helper worker failed to start'));
    };
    worker.postMessage(init);
  });
}

// Shared memory (and so threads) needs a cross-origin isolated page: COOP/COEP headers from the
// server, or from the app's service worker on static hosts.
provideFastThreads({
  cores: navigator.hardwareConcurrency || 1,
  isolated: globalThis.crossOriginIsolated === true,
  load: () => fetchFastKernels(URLS[bestBuild(true)]),
  spawn: spawnHelper,
});
