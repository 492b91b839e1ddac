import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { png } from '../helpers/images';
import { sharedApp, showTab, textOf } from './ui-app';

const app = sharedApp();

/** Tiny distinct images: an 8x8 grey pattern that spells out the index in its pixels. */
const tiny = (index: number) =>
  png(8, 8, (x, y) => ((index >> ((y * 8 + x) % 14)) & 1 ? [0, 0, 0, 255] : [255, 255, 255, 255]), 0);

describe('a large import', () => {
  it('checks 10,000 small files with progress shown, then stores them all', async () => {
    const { page, errors } = app;
    const files: Record<string, [Uint8Array, { level: 0 }]> = {};
    for (let i = 0; i < 10_000; i++) files[`${i % 2 ? 'odd' : 'even'}/${i}.png`] = [tiny(i), { level: 0 }];
    await showTab(page, 'Dataset');
    const panel = page.locator('sc-import-panel');
    const seen: string[] = [];
    const status = panel.locator('[role=status]');
    await panel
      .locator('input#zip')
      .setInputFiles({ name: 'many.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(files)) });
    // The worker reports how far it has come while it checks every file.
    await expect
      .poll(
        async () => {
          const text = (await status.textContent()) ?? '';
          if (/Checking every image/.test(text)) seen.push(text);
          return /Checked many\.zip/.test(text);
        },
        { timeout: 240_000, interval: 100 },
      )
      .toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toMatch(/^Checking every image: [\d,]+ of 10,000…$/);
    expect(await textOf(panel.locator('.summary .found'), /Found/)).toMatch(
      /Found 8000 images belonging to 2 classes\./,
    );
    await panel.getByRole('button', { name: 'Import 10,000 images' }).click();
    await textOf(status, /Imported 10,000 images from many\.zip/, 240_000);
    expect(errors).toEqual([]);
  });
});
