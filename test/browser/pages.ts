import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launch, type LaunchOptions } from '../../src/tools/chromium';

declare global {
  interface Window {
    /** The training worker, started and opened by `sharedWorkerPage`. */
    api: ReturnType<Window['engine']['startWorker']>;
  }
}

/** Opens the engine test page (built from test/browser/pages) in a fresh browser profile. */
export async function openEnginePage(options: LaunchOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launch(options);
  const page = await context.newPage();
  await page.goto(`${inject('pagesUrl')}test/browser/pages/engine.html`);
  await page.waitForFunction(() => window.engineReady, undefined, { timeout: 60_000 });
  return { context, page };
}

/**
 * Starts the training worker on an open engine page as `window.api`, opened on the bundled
 * tutorial-sized set (45 training images: these tests are of the workings, not of accuracy).
 */
export async function startWorker(page: Page): Promise<void> {
  await page.evaluate(async (appUrl) => {
    window.api = window.engine.startWorker();
    await window.api.app.open(appUrl);
    await window.api.samples.useBundledSet('tutorial');
  }, inject('pagesUrl'));
}

/**
 * One engine page for a whole test file (opened before its tests, closed after), optionally with
 * the worker started. Read `.page` and `.context` inside tests.
 */
export function sharedEnginePage(options: { worker?: boolean } = {}): { context: BrowserContext; page: Page } {
  const shared = {} as { context: BrowserContext; page: Page };
  beforeAll(async () => {
    Object.assign(shared, await openEnginePage());
    if (options.worker) await startWorker(shared.page);
  });
  afterAll(async () => {
    await shared.context?.close();
  });
  return shared;
}
