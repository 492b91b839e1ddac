import { readFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { alertText, draw, outline, sharedApp, showTab, textOf } from './ui-app';

const app = sharedApp();

/** Each probability bar of the prediction panel: class and percentage. */
const bars = (page: Page) => page.locator('sc-predict-panel sc-probability-bars li').allTextContents();

const rows = (page: Page) =>
  page
    .locator('sc-model-library tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.querySelector('th')!.textContent!.replace(/\s+/g, ' ').trim()));

async function exportModel(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export (.zip)' }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

describe('saved models in the app', () => {
  let before: string[];
  let exported: { name: string; bytes: Buffer };

  it('trains on the starter set, renames the model and exports it as a zip', async () => {
    const { page } = app;
    await page.getByLabel('Backend', { exact: true }).selectOption('wasm-simd');
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill('3');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await textOf(page.locator('sc-train-panel .status'), /Training finished after 3 epochs/, 180_000);

    await showTab(page, 'Predict');
    await draw(page, page.locator('sc-predict-panel sc-draw-pad canvas'), outline('circle', 2));
    await textOf(page.locator('sc-probability-bars [role=status]'), /Most likely/);
    before = await bars(page);
    expect(before).toHaveLength(3);

    await showTab(page, 'Models');
    await page.getByLabel('Name', { exact: true }).fill('첫 모델');
    await page.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => rows(page), { timeout: 10_000 }).toEqual(['첫 모델 In use']);
    expect(await textOf(page.locator('sc-model-library tbody td').nth(1), /\S/)).toBe('Circle, Rectangle, Triangle');
    // The stored curves: three epochs of the saved run.
    expect(
      await page.locator('sc-model-details sc-line-chart svg[role=img]').first().getAttribute('aria-label'),
    ).toMatch(/^Loss after epoch 3:/);
    exported = await exportModel(page);
    expect(exported.name).toBe('첫 모델.zip');
    expect(Object.keys(unzipSync(exported.bytes)).sort()).toEqual(['metadata.json', 'model.json', 'weights.bin']);
  });

  it('refuses a model zip without weights by name and changes nothing', async () => {
    const { page } = app;
    const { 'weights.bin': _, ...rest } = unzipSync(exported.bytes);
    await page
      .locator('sc-model-library input[type=file]')
      .setInputFiles({ name: 'no-weights.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(rest)) });
    expect(await alertText(page)).toContain(
      'Could not import the model: no-weights.zip/weights.bin: missing weights file',
    );
    await page
      .locator('sc-model-library input[type=file]')
      .setInputFiles({ name: 'not-a-zip.zip', mimeType: 'application/zip', buffer: Buffer.from('hello') });
    expect(await textOf(page.getByRole('alert'), /not-a-zip/)).toContain('Could not import the model: not-a-zip.zip');
    expect(await rows(page)).toEqual(['첫 모델 In use']);
  });

  it('deletes the model after confirmation, imports the zip back and predicts exactly as before', async () => {
    const { page, errors } = app;
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    expect(await textOf(dialog.locator('h3'), /Delete/)).toBe('Delete the model “첫 모델”?');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await textOf(page.locator('sc-model-library p'), /No saved models yet/);
    await showTab(page, 'Predict');
    await textOf(page.locator('sc-predict-panel .note'), /Train a model first/);
    expect(await bars(page)).toEqual([]);

    await showTab(page, 'Models');
    await page
      .locator('sc-model-library input[type=file]')
      .setInputFiles({ name: exported.name, mimeType: 'application/zip', buffer: exported.bytes });
    await expect.poll(() => rows(page), { timeout: 10_000 }).toEqual(['첫 모델 In use']);
    await showTab(page, 'Predict');
    // The drawing is still on the pad: the imported model classifies it as soon as it is loaded.
    await textOf(page.locator('sc-probability-bars [role=status]'), /Most likely/);
    expect(await bars(page)).toEqual(before);
    expect(errors).toEqual([]);
  });
});
