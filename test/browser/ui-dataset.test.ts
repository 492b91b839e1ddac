import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { shape, writeTree } from '../helpers/images';
import { appReady, draw, dropFromDisk, outline, pasteFile, sharedApp, showTab, textOf } from './ui-app';

const app = sharedApp();

/** The dark pixels of the 24x24 image the model saw, as drawn under "What the model sees". */
const seenInk = () =>
  app.page.locator('sc-predict-panel sc-model-input canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    return data.filter((value, i) => i % 4 === 0 && value < 128).length;
  });

describe('your own samples in the app', () => {
  it('draws samples with the mouse into two new Korean classes and uploads a file', async () => {
    const { page } = app;
    await showTab(page, 'Dataset');
    const editor = page.locator('sc-sample-editor');
    for (const name of ['동그라미', '세모']) {
      await editor.getByLabel('New class').fill(name);
      await editor.getByRole('button', { name: 'Add class' }).click();
      await expect.poll(() => editor.getByRole('heading', { name }).count(), { timeout: 10_000 }).toBe(1);
    }
    await page.getByLabel('Include the starter set in training').uncheck();
    const capture = page.locator('sc-sample-capture');
    // Without the starter set, only the two new classes can take samples.
    await expect
      .poll(() => capture.getByLabel('Class', { exact: true }).locator('option').allTextContents())
      .toEqual(['동그라미', '세모']);
    const count = (name: string) =>
      editor.locator('section', { has: page.getByRole('heading', { name }) }).locator('.count');
    for (const [name, kind] of [
      ['동그라미', 'circle'],
      ['세모', 'triangle'],
    ] as const) {
      await capture.getByLabel('Class', { exact: true }).selectOption(name);
      for (let variant = 0; variant < 5; variant++) {
        // The fifth drawing of each class is for testing.
        await capture.locator('label', { hasText: variant < 4 ? /^Training$/ : /^Test$/ }).click();
        await draw(page, capture.locator('canvas'), outline(kind, variant));
        await capture.getByRole('button', { name: 'Add drawing' }).click();
        await textOf(count(name), new RegExp(`Training ${Math.min(variant + 1, 4)} · Test ${variant < 4 ? 0 : 1}`));
      }
    }
    await capture.locator('label', { hasText: /^Training$/ }).click();
    await capture
      .locator('input[type=file]')
      .setInputFiles({ name: 'uploaded-triangle.png', mimeType: 'image/png', buffer: shape('triangle', 2, 96) });
    await textOf(count('세모'), /Training 5 · Test 1/);
    expect(await textOf(capture.getByRole('status'), /Added/)).toBe('Added 1 to 세모 (Training).');
    expect(await editor.getByRole('img', { name: 'uploaded-triangle.png' }).count()).toBe(1);
    expect(await textOf(editor.locator('p').first(), /Samples/)).toBe(
      'Samples: 11 · classes: 2 · kept on this device.',
    );
  });

  it('trains on them with the WebAssembly backend, shows results, and classifies a new drawing', async () => {
    const { page } = app;
    await showTab(page, 'Train');
    await page.getByLabel('Backend', { exact: true }).selectOption('wasm-simd');
    await textOf(page.locator('sc-backend-panel dd').first(), /WebAssembly SIMD/);
    await page.getByRole('button', { name: 'Tutorial defaults' }).click();
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill('40');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await textOf(page.locator('sc-train-panel .status'), /Training finished after 40 epochs/, 180_000);
    const results = page.locator('sc-results-view');
    await textOf(results.locator('sc-mistake-list h3'), /^Misclassified images \(\d\)$/);
    expect(await results.locator('sc-confusion-matrix th[scope=col]').allTextContents()).toEqual(['동그라미', '세모']);

    await showTab(page, 'Predict');
    await draw(page, page.locator('sc-predict-panel sc-draw-pad canvas'), outline('circle', 1));
    expect(await textOf(page.locator('sc-probability-bars [role=status]'), /Most likely/)).toBe(
      'Most likely: 동그라미',
    );
    expect(await page.locator('sc-predict-panel sc-model-input').isVisible()).toBe(true);
    expect(await seenInk()).toBeGreaterThan(20);

    await showTab(page, 'Models');
    const row = page.locator('sc-model-library tbody tr');
    expect(await row.count()).toBe(1);
    expect(await textOf(row.locator('td.classes'), /\S/)).toBe('동그라미, 세모');
  });

  it('works offline after a reload: samples, model and prediction are all still there', async () => {
    const { page, context, errors } = app;
    await textOf(page.locator('sc-update-prompt .toast'), /Ready to work offline/);
    await context.setOffline(true);
    await page.reload();
    await appReady(page);
    await showTab(page, 'Dataset');
    expect(await textOf(page.locator('sc-sample-editor p').first(), /Samples/)).toBe(
      'Samples: 11 · classes: 2 · kept on this device.',
    );
    await showTab(page, 'Predict');
    await draw(page, page.locator('sc-predict-panel sc-draw-pad canvas'), outline('triangle', 1));
    expect(await textOf(page.locator('sc-probability-bars [role=status]'), /Most likely/)).toBe('Most likely: 세모');
    await context.setOffline(false);
    expect(errors).toEqual([]);
  });

  it('classifies an image pasted anywhere or dropped from disk on the Predict tab; a paste elsewhere is not classified', async () => {
    const { page, errors } = app;
    await showTab(page, 'Predict');
    const panel = page.locator('sc-predict-panel');
    const result = page.locator('sc-probability-bars [role=status]');
    expect(await textOf(result, /Most likely/)).toBe('Most likely: 세모');
    // A pasted screenshot has no file name: the panel names it.
    await pasteFile(page, { name: '', type: 'image/png', bytes: shape('circle', 4, 96) });
    expect(await textOf(panel.locator('.source'), /pasted/)).toBe('Input: pasted image');
    await textOf(result, /Most likely: 동그라미/);

    const dir = writeTree({ 'my-triangle.png': shape('triangle', 4, 96) });
    await dropFromDisk(page, panel.locator('.drop'), [join(dir, 'my-triangle.png')]);
    expect(await textOf(panel.locator('.source'), /my-triangle/)).toBe('Input: my-triangle.png');
    await textOf(result, /Most likely: 세모/);

    // On the Models tab the Predict panel is hidden: a paste there is not taken for a prediction.
    await showTab(page, 'Models');
    await pasteFile(page, { name: 'ignored.png', type: 'image/png', bytes: shape('circle', 5, 96) });
    await showTab(page, 'Predict');
    expect(await textOf(panel.locator('.source'), /Input/)).toBe('Input: my-triangle.png');
    expect(errors).toEqual([]);
  });

  it('moves and deletes selected samples, renames a class, and removes one only once confirmed', async () => {
    const { page, errors } = app;
    await showTab(page, 'Dataset');
    const editor = page.locator('sc-sample-editor');
    const section = (name: string) =>
      editor.locator('section', { has: page.getByRole('heading', { name, exact: true }) });
    const count = (name: string) => section(name).locator('.count');
    const select = async (name: string, ...indices: number[]) => {
      for (const i of indices) await section(name).locator('.tile label').nth(i).click();
      await textOf(editor.locator('.selection strong'), new RegExp(`^${indices.length} selected$`));
    };
    const move = () => editor.getByRole('button', { name: 'Move', exact: true }).click();

    await select('동그라미', 0, 1);
    await editor.getByLabel('Move to split').selectOption('test');
    await move();
    await textOf(count('동그라미'), /^Training 2 · Test 3$/);
    await select('동그라미', 0);
    await editor.getByLabel('Move to class').selectOption('세모');
    await move();
    await textOf(count('세모'), /^Training 6 · Test 1$/);
    await textOf(count('동그라미'), /^Training 1 · Test 3$/);

    await select('세모', 0);
    await editor.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog');
    expect(await textOf(dialog.locator('h3'), /Delete/)).toBe('Delete the selected samples (1)?');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await textOf(count('세모'), /^Training 6 · Test 1$/);
    await editor.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await textOf(count('세모'), /^Training 5 · Test 1$/);

    await section('세모').getByRole('button', { name: 'Rename' }).click();
    await editor.getByLabel('New name for 세모').fill('삼각');
    await editor.getByRole('button', { name: 'Save' }).click();
    await textOf(count('삼각'), /^Training 5 · Test 1$/);
    expect(await editor.getByRole('heading', { name: '세모', exact: true }).count()).toBe(0);

    await section('동그라미').getByRole('button', { name: 'Remove' }).click();
    expect(await textOf(dialog.locator('p'), /deleted/)).toBe(
      'The class 동그라미 is deleted from this device, with all its samples (4).',
    );
    await page.keyboard.press('Escape');
    await textOf(count('동그라미'), /^Training 1 · Test 3$/);
    await section('동그라미').getByRole('button', { name: 'Remove' }).click();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await textOf(editor.locator('p').first(), /^Samples: 6 · classes: 1 /);
    expect(await editor.locator('section h3').allTextContents()).toEqual(['삼각']);
    expect(errors).toEqual([]);
  });
});
