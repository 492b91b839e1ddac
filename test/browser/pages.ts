import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launch, type LaunchOptions } from './chromium';

/** Opens the engine test page (built from test/browser/pages) in a fresh browser profile. */
export async function openEnginePage(options: LaunchOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launch(options);
  const page = await context.newPage();
  await page.goto(`${inject('pagesUrl')}test/browser/pages/engine.html`);
  await page.waitForFunction(() => window.engineReady, undefined, { timeout: 60_000 });
  return { context, page };
}
