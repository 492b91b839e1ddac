import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launch } from '../../src/tools/chromium';
import { axeViolations } from './ui-app';

/** The component test page (test/browser/pages/components.html), opened once for a test file. */
export function componentPage(): { page: Page } {
  const shared = {} as { page: Page; close: () => Promise<void> };
  beforeAll(async () => {
    const context = await launch();
    shared.page = await context.newPage();
    shared.close = () => context.close();
    await shared.page.goto(`${inject('pagesUrl')}test/browser/pages/components.html`);
    await shared.page.waitForFunction(() => window.componentsReady, undefined, { timeout: 60_000 });
  });
  afterAll(() => shared.close?.());
  return shared;
}

/** Mounts `tag` with these properties (plain data only) on the stage. */
export async function mount(page: Page, tag: string, properties: Record<string, unknown> = {}): Promise<Locator> {
  await page.evaluate(([t, p]) => window.components.mount(t, p), [tag, properties] as const);
  return page.locator(`#stage > ${tag}`);
}

/** Changes properties of the mounted component. */
export async function update(page: Page, properties: Record<string, unknown>): Promise<void> {
  await page.evaluate((p) => window.components.update(p), properties);
}

/** axe's findings on the page in its current state, light and dark, one line each. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const v of await axeViolations(page)) {
      for (const n of v.nodes) problems.push(`${colorScheme}: ${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return problems;
}
