import { describe, expect, it } from 'vitest';
import { draw, openApp, outline, showTab, textOf } from './ui-app';

describe('storage on the device', () => {
  it('asks the browser to keep it at the first stored sample, not before, and says what it answered', async () => {
    const { context, page } = await openApp();
    try {
      // Counts the app's requests to keep its storage, whatever the browser answers.
      await page.evaluate(() => {
        const storage = navigator.storage;
        const persist = storage.persist.bind(storage);
        const asked = window as unknown as { persistCalls: number };
        asked.persistCalls = 0;
        storage.persist = () => {
          asked.persistCalls++;
          return persist();
        };
      });
      await showTab(page, 'Dataset');
      const status = page.locator('sc-storage-status');
      expect(await textOf(status.locator('p').first(), /MB used of the/)).toMatch(/^[\d.,]+ MB used of the [\d.,]+ MB/);
      expect(await page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls)).toBe(0);
      const capture = page.locator('sc-sample-capture');
      await capture.getByLabel('Class', { exact: true }).selectOption('circle');
      await draw(page, capture.locator('canvas'), outline('circle', 1));
      await capture.getByRole('button', { name: 'Add drawing' }).click();
      await textOf(capture.locator('.added'), /Added 1/);
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls), {
          timeout: 10_000,
        })
        .toBe(1);
      const persisted = await page.evaluate(() => navigator.storage.persisted());
      expect(await textOf(status.locator('p').last(), /\S/)).toMatch(
        persisted ? /^The browser keeps it/ : /^The browser may clear it when space runs low/,
      );
    } finally {
      await context.close();
    }
  });
});
