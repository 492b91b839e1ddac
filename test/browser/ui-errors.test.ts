import { zipSync } from 'fflate';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shape } from '../helpers/images';
import { alertText, openApp, showTab } from './ui-app';

/** Whether the element's box lies within the viewport. */
async function onScreen(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const { height } = page.viewportSize()!;
  return !!box && box.y >= 0 && box.y + Math.min(box.height, 40) <= height;
}

describe('an error appears where the person is', () => {
  for (const [device, viewport, locale, tab, dismiss, pattern] of [
    ['a phone', { width: 360, height: 740 }, 'ko-KR', '데이터셋', '닫기', /가져올 수 없습니다/],
    ['a desktop', { width: 1280, height: 700 }, 'en-US', 'Dataset', 'Dismiss', /Could not import/],
  ] as const) {
    it(`on ${device} (${locale}): a failed import far down the Dataset tab shows its alert on screen, with the focus`, async () => {
      const { context, page } = await openApp({ viewport, locale, hasTouch: device === 'a phone' });
      try {
        await showTab(page, tab);
        const zipInput = page.locator('sc-import-panel input#zip');
        const chooser = page.locator('sc-import-panel .drop');
        await chooser.scrollIntoViewIfNeeded();
        const bad = Buffer.from(
          zipSync({ 'a/1.png': shape('circle', 0), 'b/1.png': shape('circle', 1).subarray(0, 60) }),
        );
        await zipInput.setInputFiles({ name: 'bad.zip', mimeType: 'application/zip', buffer: bad });
        expect(await alertText(page)).toMatch(pattern);
        const alert = page.getByRole('alert');
        expect(await onScreen(page, alert)).toBe(true);
        expect(await onScreen(page, chooser)).toBe(true);
        expect(
          await page.evaluate(() => {
            const inner = document.querySelector('sc-shape-app')!.shadowRoot!.activeElement;
            return inner?.tagName === 'SC-ERROR-ALERT' && inner.shadowRoot!.activeElement?.getAttribute('role');
          }),
        ).toBe('alert');
        await alert.getByRole('button', { name: dismiss }).click();
        expect(await page.getByRole('alert').count()).toBe(0);
      } finally {
        await context.close();
      }
    });
  }
});
