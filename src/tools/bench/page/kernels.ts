// Bench page served by the Vite dev server (cross-origin isolated by its headers): runs the kernel
// comparison in a dedicated worker, where Atomics.wait and so helper threads are allowed.
import type { KernelRequest, KernelResults } from './kernels.worker';

function compareKernels(request: KernelRequest): Promise<KernelResults> {
  const worker = new Worker(new URL('./kernels.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<KernelResults | { error: string }>) => {
      worker.terminate();
      if ('error' in data) reject(new Error(data.error));
      else resolve(data);
    };
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage(request);
  });
}

declare global {
  interface Window {
    benchCompareKernels: typeof compareKernels;
  }
}
window.benchCompareKernels = compareKernels;
