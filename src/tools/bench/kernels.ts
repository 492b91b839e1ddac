// Plain vs relaxed SIMD and 1 vs all threads on the kernels themselves, in Chromium: the four
// committed builds on a bench page served by the Vite dev server (page/kernels.ts), which is
// cross-origin isolated by the config's headers.
import { availableParallelism } from 'node:os';
import { createServer } from 'vite';
import { readFastKernelsWasm } from '../../engine/node/fast-wasm-file';
import type { KernelResults, KernelVariant } from './page/kernels.worker';
import { KEEP_NAMES_SHIM, launchChromium } from './chromium';

const PAGE = 'src/tools/bench/page/kernels.ts';
export interface KernelComparison extends KernelResults {
  threads: number;
  epochs: number;
  batchSize: number;
}

export async function compareKernels(appUrl: string, epochs: number, batchSize = 3): Promise<KernelComparison> {
  const threads = availableParallelism();
  const variants: KernelVariant[] = [
    { name: 'plain SIMD, 1 thread', wasm: Array.from(readFastKernelsWasm('release')), threads: 1 },
    { name: 'relaxed SIMD, 1 thread', wasm: Array.from(readFastKernelsWasm('relaxed')), threads: 1 },
    { name: `plain SIMD, ${threads} threads`, wasm: Array.from(readFastKernelsWasm('threads')), threads },
    { name: `relaxed SIMD, ${threads} threads`, wasm: Array.from(readFastKernelsWasm('relaxed-threads')), threads },
  ];
  const server = await createServer({
    logLevel: 'warn',
    server: { port: 0, host: '127.0.0.1' },
    // Its own dependency cache: sharing the GPU counters page's would make that page re-optimise and reload.
    cacheDir: 'node_modules/.vite-bench-kernels',
    optimizeDeps: { entries: [PAGE, PAGE.replace('.ts', '.worker.ts')] },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  const browser = await launchChromium();
  try {
    if (!url) throw new Error('vite dev server did not report a URL');
    const page = await browser.context.newPage();
    await page.addInitScript(KEEP_NAMES_SHIM);
    await page.goto(new URL(PAGE.replace(/\.ts$/, '.html'), url).href);
    await page.waitForFunction(() => typeof window.benchCompareKernels === 'function', undefined, { timeout: 120_000 });
    const results = await page.evaluate((r) => window.benchCompareKernels(r), { appUrl, epochs, batchSize, variants });
    return { ...results, threads, epochs, batchSize };
  } finally {
    await browser.close();
    await server.close();
  }
}
