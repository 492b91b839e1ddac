// The production build the bench times: `vite build` with the repo's config into a temporary folder
// (never dist/, which the browser tests rebuild concurrently), plus the bench's host page, served by
// `vite preview` on 127.0.0.1 like test/browser/global-setup.ts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security';

export const HOST_PAGE = 'src/tools/bench/page/host.html';

export interface ServedApp {
  outDir: string;
  /** The app's base URL (index.html, the bundled dataset under data/shapes/). */
  appUrl: string;
  /** The bench's host page, which starts the app's worker chunk. */
  hostUrl: string;
  close(): Promise<void>;
}

export async function buildAndServe(): Promise<ServedApp> {
  const outDir = mkdtempSync(join(tmpdir(), 'shapes-bench-dist-'));
  // The host page is a second entry; it shares no module with index.html (it only references the
  // worker chunk by URL), so the app's own chunks are the same as in a plain `vite build`.
  await build({
    // 'error': the bundler's plugin-timing warnings are noise in the bench's output.
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, rollupOptions: { input: { index: 'index.html', bench: HOST_PAGE } } },
  });
  // The host page starts the worker from a blob: module (the probe, then the worker chunk), which the
  // app's policy refuses: the bench's server allows blob: workers and scripts, and the host page
  // drops the policy the build wrote into it. The app's own pages keep their <meta> policy.
  const host = join(outDir, HOST_PAGE);
  writeFileSync(host, readFileSync(host, 'utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
  const policy = {
    ...CONTENT_SECURITY_POLICY,
    'worker-src': "'self' blob:",
    'script-src': "'self' 'wasm-unsafe-eval' blob:",
  };
  const server: PreviewServer = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: {
      port: 0,
      host: '127.0.0.1',
      headers: {
        'Content-Security-Policy': Object.entries(policy)
          .map(([name, value]) => `${name} ${value}`)
          .join('; '),
      },
    },
  });
  const appUrl = server.resolvedUrls?.local[0];
  if (!appUrl) throw new Error('vite preview did not report a URL');
  return {
    outDir,
    appUrl,
    hostUrl: new URL(HOST_PAGE, appUrl).href,
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
