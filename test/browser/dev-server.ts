import { createServer, type ViteDevServer } from 'vite';

/** The Vite dev server over the repo, for tests that load the engine's browser code directly. */
export async function startDevServer(): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    logLevel: 'warn',
    server: { port: 0, host: '127.0.0.1' },
    // Pre-bundle up front so the first page load doesn't trigger a dependency re-optimisation reload.
    optimizeDeps: { entries: ['test/browser/pages/engine.ts', 'src/worker/shapes.worker.ts'] },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite dev server did not report a URL');
  return { server, url };
}
