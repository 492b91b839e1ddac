import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelFromZip } from '../../src/engine/io/model-zip';
import { tempDir } from '../helpers/images';
import { maxAbsDiff, modelInputs, predict, python, type Inputs } from '../python/consumers';
import { alertText, appReady, draw, openApp, outline, sharedApp, showTab, textOf } from './ui-app';

const app = sharedApp();

/** Each probability bar of the prediction panel: class and percentage. */
const bars = (page: Page) => page.locator('sc-predict-panel sc-probability-bars li').allTextContents();

const rows = (page: Page) =>
  page
    .locator('sc-model-library tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.querySelector('th')!.textContent!.replace(/\s+/g, ' ').trim()));

/** Exports the selected model from its details in one format, as a person does; returns the download. */
async function exportModel(page: Page, format = 'TensorFlow.js (.zip)'): Promise<{ name: string; bytes: Buffer }> {
  await page.getByLabel('Export as').selectOption({ label: format });
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** The id of the element that has the focus, however deep in shadow roots. */
const focusedId = (page: Page) =>
  page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element?.id;
  });

const chooseModelFile = (page: Page, name: string, bytes: Uint8Array) =>
  page.locator('sc-model-library input[type=file]').setInputFiles({ name, mimeType: '', buffer: Buffer.from(bytes) });

let dir: string;
let inputs: Inputs;

beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = tempDir('shapes-ui-models-');
  inputs = modelInputs(dir);
});

/** What the model in a TensorFlow.js .zip predicts for the inputs: the app's model, weight for weight. */
async function zipProbabilities(bytes: Uint8Array): Promise<number[][]> {
  const { model } = await modelFromZip(bytes, 'exported.zip');
  const probabilities = await predict(model, inputs);
  model.dispose();
  return probabilities;
}

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
    await expect.poll(() => rows(page)).toEqual(['첫 모델 In use']);
    expect(await textOf(page.locator('sc-model-library tbody td').nth(1), /\S/)).toBe('Circle, Rectangle, Triangle');
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
    const ours = await zipProbabilities(exported.bytes);
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
    await expect.poll(() => rows(page)).toEqual(['첫 모델 In use']);
    await showTab(page, 'Predict');
    // The drawing is still on the pad: the imported model classifies it as soon as it is loaded.
    await textOf(page.locator('sc-probability-bars [role=status]'), /Most likely/);
    expect(await bars(page)).toEqual(before);
    expect(errors).toEqual([]);
  });
});

describe('Keras files in the app', () => {
  let made: string;
  let keras: Record<string, number[][]>;
  const kerasFile = (name: string) => new Uint8Array(readFileSync(join(made, name)));

  beforeAll(async () => {
    made = tempDir('shapes-ui-keras-');
    ({ predictions: keras } = await python<{ predictions: Record<string, number[][]> }>('make_tutorial_model.py', [
      made,
      inputs.path,
      String(inputs.count),
    ]));
  });

  it('asks for the class names a .keras file lacks, offering the dataset’s, then predicts as Keras does', async () => {
    const { page } = app;
    await showTab(page, 'Models');
    await chooseModelFile(page, 'tutorial.keras', kerasFile('tutorial.keras'));
    const dialog = page.getByRole('dialog', { name: 'Name the classes of “tutorial.keras”' });
    await dialog.waitFor();
    const fields = dialog.getByRole('textbox');
    expect(await fields.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual([
      'circle',
      'rectangle',
      'triangle',
    ]);
    expect(await focusedId(page)).toBe('name-0');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => rows(page)).toEqual(['tutorial In use', '첫 모델']);
    expect(await textOf(page.locator('sc-model-library tbody td').nth(1), /\S/)).toBe('Circle, Rectangle, Triangle');
    const { bytes } = await exportModel(page);
    expect(maxAbsDiff(await zipProbabilities(bytes), keras.tutorial!)).toBeLessThan(1e-5);
  });

  it('wants a name of its own for each output, and imports nothing when cancelled', async () => {
    const { page } = app;
    // The alert of an earlier refusal is taken down, so that no new one can pass unseen.
    await page.locator('sc-error-alert').getByRole('button', { name: 'Dismiss' }).click();
    await chooseModelFile(page, 'five.keras', kerasFile('five.keras'));
    const dialog = page.getByRole('dialog', { name: 'Name the classes of “five.keras”' });
    await dialog.waitFor();
    // Five outputs, three classes in the dataset: nothing to offer.
    expect(
      await dialog.getByRole('textbox').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
    ).toEqual(['', '', '', '', '']);
    for (const [i, name] of ['a', 'b', 'c', 'd', 'a'].entries()) await dialog.getByLabel(`Output ${i + 1}`).fill(name);
    await dialog.getByRole('button', { name: 'Import' }).click();
    expect(await dialog.getByLabel('Output 5').evaluate((i) => (i as HTMLInputElement).validationMessage)).toBe(
      'Each output needs a name of its own.',
    );
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await rows(page)).toEqual(['tutorial In use', '첫 모델']);
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
  });

  it('imports a Keras 2 .h5 of the tutorial with the names offered', async () => {
    const { page } = app;
    await chooseModelFile(page, 'tutorial_keras2.h5', kerasFile('tutorial_keras2.h5'));
    const dialog = page.getByRole('dialog', { name: 'Name the classes of “tutorial_keras2.h5”' });
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => rows(page)).toEqual(['tutorial_keras2 In use', 'tutorial', '첫 모델']);
    const { bytes } = await exportModel(page);
    expect(maxAbsDiff(await zipProbabilities(bytes), keras.tutorial!)).toBeLessThan(1e-5);
  });

  it.each([
    ['dropout.keras', "dropout.keras: layer 'dropout' (Dropout): expected Flatten as layer 4"],
    ['size32.keras', 'size32.keras: input shape [null, 32, 32, 3] is not [null, 24, 24, 3]'],
  ])('refuses %s, which is not the tutorial’s CNN, naming what, and changes nothing', async (name, message) => {
    const { page } = app;
    await chooseModelFile(page, name, kerasFile(name));
    expect(await textOf(page.getByRole('alert'), new RegExp(name.replace('.', '\\.')))).toContain(
      `Could not import the model: ${message}`,
    );
    expect(await rows(page)).toEqual(['tutorial_keras2 In use', 'tutorial', '첫 모델']);
  });
});

describe('Keras files offline', () => {
  it('need the network the first time, then work offline', async () => {
    const { context, page, errors } = await openApp();
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    await page.reload();
    await appReady(page);
    await page.getByLabel('Backend', { exact: true }).selectOption('wasm-simd');
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await textOf(page.locator('sc-train-panel .status'), /Training finished after 1 epochs/, 120_000);
    await showTab(page, 'Models');
    await context.setOffline(true);
    await page.getByLabel('Export as').selectOption({ label: 'Keras 3 (.keras)' });
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    expect(await alertText(page)).toContain('Could not export the model: Keras files need HDF5 support (about 1 MB)');

    // Online once: HDF5 is fetched and kept. Then, offline and reloaded, both Keras formats work.
    await context.setOffline(false);
    await page.reload();
    await appReady(page);
    await showTab(page, 'Models');
    const keras = await exportModel(page, 'Keras 3 (.keras)');
    await context.setOffline(true);
    await page.reload();
    await appReady(page);
    await showTab(page, 'Models');
    expect((await exportModel(page, 'Keras HDF5 (.h5)')).name).toMatch(
      /^shape-cnn-3-classes-\d{4}-\d\d-\d\d-\d{4}\.h5$/,
    );
    await chooseModelFile(page, keras.name, keras.bytes);
    await expect.poll(() => rows(page).then((r) => r.length)).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });
});
