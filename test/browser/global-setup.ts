import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from '../../src/tools/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The production build of the app (service worker included). */
    appUrl: string;
    /** A production build of the test pages in test/browser/pages, which load engine code directly. */
    pagesUrl: string;
  }
}

const PAGES_OUT = 'node_modules/.cache/shape-cnn-test-pages';
const servers: PreviewServer[] = [];

async function serve(outDir?: string): Promise<string> {
  const server = await preview({
    ...(outDir ? { configFile: false, build: { outDir } } : {}),
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  servers.push(server);
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return url;
}

/**
 * Builds the app and the test pages once and serves both. Built, not the dev server: the dev
 * server re-optimises dependencies on first use and reloads pages in the middle of a test.
 */
export async function setup(project: TestProject): Promise<void> {
  chromiumPath();
  await build({ logLevel: 'warn' });
  await build({
    configFile: false,
    logLevel: 'warn',
    base: './',
    worker: { format: 'es' },
    build: {
      outDir: PAGES_OUT,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: ['test/browser/pages/engine.html', 'test/browser/pages/components.html'] },
    },
  });
  project.provide('appUrl', await serve());
  project.provide('pagesUrl', await serve(PAGES_OUT));
}

export async function teardown(): Promise<void> {
  await Promise.all(servers.map((s) => s.close()));
}
