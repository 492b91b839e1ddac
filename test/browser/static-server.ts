import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { appReady } from './ui-app';

/** Waits for the service worker to be installed, then reloads so that it controls the page. */
export async function installServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await page.reload();
  await appReady(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves dist/ on a port of its own, as a static host does: no COOP/COEP headers, so the page is
 * cross-origin isolated only once the app's service worker serves it. `nextVersion()` changes
 * sw.js the way a new deploy would.
 */
export async function serveBuild(): Promise<{ url: string; nextVersion(): void; close(): Promise<void> }> {
  let version = 1;
  const server = createServer((request, response) => {
    const path = new URL(request.url!, 'http://x').pathname;
    const file = join('dist', path.endsWith('/') ? `${path}index.html` : path);
    if (!existsSync(file)) return void response.writeHead(404).end();
    const body = path === '/sw.js' ? `${readFileSync(file, 'utf8')}\n// version ${version}\n` : readFileSync(file);
    response
      .writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    nextVersion: () => {
      version += 1;
    },
    // Open keep-alive connections would keep serving: close them, so the server is really stopped.
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
