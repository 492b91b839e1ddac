// GPU→CPU readbacks per epoch and dispatches per step for the GPU backends, measured on a page
// the bench controls (page/gpu-counters.ts, served by the Vite dev server from the sources).
import { createServer } from 'vite';
import { KEEP_NAMES_SHIM, launchChromium } from './chromium';
import type { GpuCounters } from './page/gpu-counters';

const PAGE = 'src/tools/bench/page/gpu-counters.ts';

export async function measureGpuCounters(backends: ('webgl' | 'webgpu')[], epochs: number): Promise<GpuCounters[]> {
  const server = await createServer({
    logLevel: 'warn',
    server: { port: 0, host: '127.0.0.1' },
    // Pre-bundled up front so the first load doesn't trigger a dependency re-optimisation reload.
    optimizeDeps: { entries: [PAGE] },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  const browser = await launchChromium({ webgpu: true });
  try {
    if (!url) throw new Error('vite dev server did not report a URL');
    const results: GpuCounters[] = [];
    for (const backend of backends) {
      const page = await browser.context.newPage();
      await page.addInitScript(KEEP_NAMES_SHIM);
      await page.goto(new URL(PAGE.replace(/\.ts$/, '.html'), url).href);
      await page.waitForFunction(() => typeof window.benchGpuCounters === 'function', undefined, { timeout: 120_000 });
      results.push(await page.evaluate(([b, e]) => window.benchGpuCounters(b, e), [backend, epochs] as const));
      await page.close();
    }
    return results;
  } finally {
    await browser.close();
    await server.close();
  }
}
