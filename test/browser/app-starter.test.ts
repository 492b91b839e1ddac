import { describe, expect, it } from 'vitest';
import { axeViolations, sharedApp, showTab, textOf } from './ui-app';

// The app as a new person meets it: the real-drawing starter set, the app's default settings.
const app = sharedApp({}, { bundled: 'starter' });

describe('the real-drawing starter set', () => {
  it('is what the Dataset tab offers first, with its authors and licence, and can be swapped for the tutorial-sized set', async () => {
    const { page } = app;
    await showTab(page, 'Dataset');
    const view = page.locator('sc-dataset-view');
    expect(await view.getByLabel('Bundled drawings').inputValue()).toBe('starter');
    const total = view.locator('p.muted').first();
    expect(await textOf(total, /Training: 1,770/)).toMatch(/Test: 105 \(by people not in training\)/);
    expect(await view.locator('.attribution').textContent()).toMatch(
      /Hand-drawn Shapes \(HDS\) Dataset © 2022 Francois Robert, CC BY 4.0/,
    );
    expect(await view.locator('h3').allTextContents()).toEqual([
      expect.stringMatching(/^Circle/),
      expect.stringMatching(/^Not a shape/),
      expect.stringMatching(/^Rectangle/),
      expect.stringMatching(/^Triangle/),
    ]);
    // One atlas per split: the thumbnails are tiles of it, not a request each.
    expect(await view.locator('.tile').count()).toBe(4 * 40);
    expect(await axeViolations(page)).toEqual([]);

    await view.getByLabel('Bundled drawings').selectOption('starter-shapes');
    await textOf(total, /Training: 1,450 · Test: 90/);
    await view.getByLabel('Bundled drawings').selectOption('tutorial');
    await textOf(total, /Training: 45 · Test: 15 · Hard: 30/);
    expect(await view.locator('img').count()).toBe(45);
    await view.getByLabel('Bundled drawings').selectOption('starter');
    await textOf(total, /Training: 1,770/);
  });

  it('trains with the app defaults (fitted, redrawn) on all of it and scores it on other people', async () => {
    const { page } = app;
    await showTab(page, 'Train');
    const pipeline = page.locator('sc-drawing-pipeline');
    expect(await pipeline.getByLabel('Fit each drawing to the frame').isChecked()).toBe(true);
    expect(await pipeline.getByLabel('Redraw training drawings').isChecked()).toBe(true);
    expect(await page.getByLabel('Augmentation (Keras ImageDataGenerator)').isDisabled()).toBe(true);
    await page.getByLabel('Backend', { exact: true }).selectOption('wasm-simd');
    // One epoch of the default run: this checks the data and the pipeline, not the accuracy.
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await textOf(page.locator('sc-train-panel .status'), /Training finished after 1 epochs?/, 180_000);
    const results = page.locator('sc-results-view');
    await results.getByText(/· 105 images/).waitFor();
    // A starter drawing it got wrong is shown as its atlas tile, named for screen readers.
    const tile = results.locator('sc-mistake-list .tile').first();
    expect(await tile.getAttribute('aria-label')).toMatch(/\S/);

    // Turning fitting off turns redrawing off with it, and gives the Keras augmentation back.
    await pipeline.getByLabel('Fit each drawing to the frame').uncheck();
    expect(await pipeline.getByLabel('Redraw training drawings').isDisabled()).toBe(true);
    expect(await page.getByLabel('Augmentation (Keras ImageDataGenerator)').isDisabled()).toBe(false);
    await page.getByRole('button', { name: 'Recommended settings' }).click();
    expect(await pipeline.getByLabel('Redraw training drawings').isChecked()).toBe(true);
  });
});
