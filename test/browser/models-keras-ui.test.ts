import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/images';
import { maxAbsDiff, python, type Inputs } from '../python/consumers';
import { chooseModelFile, consumerInputs, exportModel, focusedId, rows, zipProbabilities } from './models-ui';
import { alertText, appReady, openApp, sharedApp, showTab, textOf } from './ui-app';

const app = sharedApp();
let inputs: Inputs;

beforeAll(async () => {
  ({ inputs } = await consumerInputs());
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
    await expect.poll(() => rows(page), { timeout: 10_000 }).toEqual(['tutorial In use']);
    expect(await textOf(page.locator('sc-model-library tbody td.classes'), /\S/)).toBe('Circle, Rectangle, Triangle');
    const { bytes } = await exportModel(page);
    expect(maxAbsDiff(await zipProbabilities(bytes, inputs), keras.tutorial!)).toBeLessThan(1e-5);
  });

  it('wants a name of its own for each output, and imports nothing when cancelled', async () => {
    const { page } = app;
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
    await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
    expect(await rows(page)).toEqual(['tutorial In use']);
    await expect.poll(() => page.getByRole('alert').count(), { timeout: 10_000 }).toBe(0);
  });

  it('imports a Keras 2 .h5 of the tutorial with the names offered', async () => {
    const { page } = app;
    await chooseModelFile(page, 'tutorial_keras2.h5', kerasFile('tutorial_keras2.h5'));
    const dialog = page.getByRole('dialog', { name: 'Name the classes of “tutorial_keras2.h5”' });
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => rows(page), { timeout: 10_000 }).toEqual(['tutorial_keras2 In use', 'tutorial']);
    const { bytes } = await exportModel(page);
    expect(maxAbsDiff(await zipProbabilities(bytes, inputs), keras.tutorial!)).toBeLessThan(1e-5);
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
    expect(await rows(page)).toEqual(['tutorial_keras2 In use', 'tutorial']);
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
      /^shape-cnn-3-classes-\d{4}-\d\d-\d\d-\d{6}\.h5$/,
    );
    await chooseModelFile(page, keras.name, keras.bytes);
    await expect.poll(() => rows(page).then((r) => r.length), { timeout: 10_000 }).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });
});
