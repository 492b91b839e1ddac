import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxAbsDiff, python, type Inputs } from '../python/consumers';
import { chooseModelFile, consumerInputs, exportModel, rows, zipProbabilities } from './models-ui';
import { alertText, draw, outline, sharedApp, showTab, textOf } from './ui-app';

const app = sharedApp();

/** Each probability bar of the prediction panel: class and percentage. */
const bars = (page: Page) => page.locator('sc-predict-panel sc-probability-bars li').allTextContents();

let dir: string;
let inputs: Inputs;

beforeAll(async () => {
  ({ dir, inputs } = await consumerInputs());
});

describe('saved models in the app', () => {
  let before: string[];
  let exported: { name: string; bytes: Buffer };

  it('trains on the starter set, renames the model and exports it as a zip named after it', async () => {
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
    expect(await textOf(page.locator('sc-model-library tbody td.classes'), /\S/)).toBe('Circle, Rectangle, Triangle');
    // The stored curves: three epochs of the saved run.
    expect(
      await page.locator('sc-model-details sc-line-chart svg[role=img]').first().getAttribute('aria-label'),
    ).toMatch(/^Loss after epoch 3:/);
    exported = await exportModel(page);
    expect(exported.name).toBe('첫-모델.zip');
    expect(Object.keys(unzipSync(exported.bytes)).sort()).toEqual(['metadata.json', 'model.json', 'weights.bin']);
  });

  it('exports .keras, .h5 and .onnx files that Keras and ONNX Runtime run as the app does, within 1e-5', async () => {
    const { page } = app;
    const files: Record<string, string> = {};
    for (const format of ['Keras 3 (.keras)', 'Keras HDF5 (.h5)', 'ONNX (.onnx)']) {
      const { name, bytes } = await exportModel(page, format);
      files[name.split('.').pop()!] = join(dir, name);
      writeFileSync(join(dir, name), bytes);
    }
    expect(Object.values(files).map((f) => f.split('/').pop())).toEqual([
      '첫-모델.keras',
      '첫-모델.h5',
      '첫-모델.onnx',
    ]);
    const ours = await zipProbabilities(exported.bytes, inputs);
    const keras = await python<{ files: Record<string, { probabilities: number[][] }> }>('check_keras.py', [
      inputs.path,
      String(inputs.count),
      files.keras!,
      files.h5!,
    ]);
    const onnx = await python<{ probabilities: number[][] }>('check_onnx.py', [
      files.onnx!,
      inputs.path,
      String(inputs.count),
    ]);
    for (const probabilities of [keras.files[files.keras!]!, keras.files[files.h5!]!, onnx].map((r) => r.probabilities))
      expect(maxAbsDiff(probabilities, ours)).toBeLessThan(1e-5);
    expect(app.errors).toEqual([]);
  });

  it('refuses a model zip without weights by name and changes nothing', async () => {
    const { page } = app;
    const { 'weights.bin': _, ...rest } = unzipSync(exported.bytes);
    await chooseModelFile(page, 'no-weights.zip', zipSync(rest));
    expect(await alertText(page)).toContain(
      'Could not import the model: no-weights.zip/weights.bin: missing weights file',
    );
    await chooseModelFile(page, 'not-a-zip.zip', new TextEncoder().encode('hello'));
    expect(await textOf(page.getByRole('alert'), /not-a-zip/)).toContain('Could not import the model: not-a-zip.zip');
    expect(await rows(page)).toEqual(['첫 모델 In use']);
  });

  it('deletes the model after confirmation, imports the zip back and predicts exactly as before', async () => {
    const { page, errors } = app;
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    expect(await textOf(dialog.locator('h3'), /Delete/)).toBe('Delete the model “첫 모델”?');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page
      .locator('sc-model-library')
      .getByText(/No saved models yet/)
      .waitFor();
    await showTab(page, 'Predict');
    await textOf(page.locator('sc-predict-panel .note'), /Train a model first/);
    expect(await bars(page)).toEqual([]);

    await showTab(page, 'Models');
    await chooseModelFile(page, '첫 모델.zip', exported.bytes);
    await expect.poll(() => rows(page), { timeout: 10_000 }).toEqual(['첫 모델 In use']);
    await showTab(page, 'Predict');
    // The drawing is still on the pad: the imported model classifies it as soon as it is loaded.
    await textOf(page.locator('sc-probability-bars [role=status]'), /Most likely/);
    expect(await bars(page)).toEqual(before);
    expect(errors).toEqual([]);
  });
});
