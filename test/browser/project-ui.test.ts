import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shape } from '../helpers/images';
import { alertText, openApp, showTab, textOf, type AppPage } from './ui-app';

/** The device a project is made on, and a fresh browser profile it is opened on. */
let made: AppPage;
let fresh: AppPage;
let project: { name: string; bytes: Buffer };

const files: Record<string, Uint8Array> = {};
for (const [name, kind] of [
  ['원', 'circle'],
  ['세모', 'triangle'],
] as const) {
  for (let i = 0; i < 4; i++) files[`train/${name}/${kind}-${i}.png`] = shape(kind, i);
  files[`test/${name}/${kind}-4.png`] = shape(kind, 4);
}

const rows = (page: Page) =>
  page
    .locator('sc-model-library tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.querySelector('th')!.textContent!.replace(/\s+/g, ' ').trim()));

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

const chooseProject = (page: Page, name: string, bytes: Uint8Array) =>
  page
    .locator('sc-project-panel input[type=file]')
    .setInputFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(bytes) });

/** What a person sees of their work: the dataset as exported, classes, starter set, settings, models, predictions. */
async function seen(page: Page) {
  await showTab(page, 'Dataset');
  const dataset = await download(page, () => page.getByRole('button', { name: 'Export your dataset (.zip)' }).click());
  const classes = await page.locator('sc-sample-editor section h3').allTextContents();
  const include = await page.getByLabel('Include the starter set in training').isChecked();
  await showTab(page, 'Train');
  const settings = await page
    .locator('sc-train-panel input[type=number]')
    .evaluateAll((inputs) => inputs.map((i) => `${i.id}=${(i as HTMLInputElement).value}`));
  const augment = await page.getByLabel('Augmentation (Keras ImageDataGenerator)').inputValue();
  await showTab(page, 'Models');
  const models = await rows(page);
  await showTab(page, 'Predict');
  const panel = page.locator('sc-predict-panel');
  await panel
    .locator('input[type=file]')
    .setInputFiles({ name: 'probe.png', mimeType: 'image/png', buffer: shape('circle', 6, 96) });
  await panel.getByText('Input: probe.png').waitFor();
  const widths = panel.locator('sc-probability-bars .bar > span');
  await expect.poll(() => widths.count(), { timeout: 10_000 }).toBe(2);
  const probabilities = await widths.evaluateAll((spans) => spans.map((s) => (s as HTMLElement).style.width));
  return { dataset: dataset.bytes, classes, include, settings, augment, models, probabilities };
}

beforeAll(async () => {
  made = await openApp();
  fresh = await openApp();
  const { page } = made;
  await showTab(page, 'Dataset');
  await page
    .locator('sc-import-panel input#zip')
    .setInputFiles({ name: 'shapes.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(files)) });
  await page.locator('sc-import-panel').getByRole('button', { name: 'Import 10 images' }).click();
  await page.getByLabel('Include the starter set in training').uncheck();
  await showTab(page, 'Train');
  await page.getByLabel('Backend', { exact: true }).selectOption('wasm-simd');
  await page.getByRole('button', { name: 'Tutorial defaults' }).click();
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('4');
  await page.getByRole('spinbutton', { name: 'Seed' }).fill('8');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page
    .locator('sc-train-panel .status', { hasText: 'Training finished after 4 epochs' })
    .waitFor({ timeout: 180_000 });
  // Settings changed after the run are the ones the project keeps; an empty class travels too.
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('9');
  await showTab(page, 'Dataset');
  await page.locator('sc-sample-editor').getByLabel('New class').fill('네모');
  await page.locator('sc-sample-editor').getByRole('button', { name: 'Add class' }).click();
  await showTab(page, 'Models');
  await page.getByLabel('Name', { exact: true }).fill('내 모델');
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.locator('sc-model-library tbody th').filter({ hasText: '내 모델' }).waitFor();
}, 300_000);

afterAll(async () => {
  await made?.context.close();
  await fresh?.context.close();
});

describe('the project file in the app', () => {
  let before: Awaited<ReturnType<typeof seen>>;

  it('saves everything as one .zip and opens it in a fresh browser as the same work', async () => {
    before = await seen(made.page);
    expect(before.classes).toEqual(['네모', '세모', '원']);
    expect(before.settings).toContain('epochs=9');
    await showTab(made.page, 'Models');
    project = await download(made.page, () => made.page.getByRole('button', { name: 'Save project' }).click());
    expect(project.name).toMatch(/^shape-cnn-project-\d{4}-\d\d-\d\d-\d{6}\.zip$/);
    expect(await textOf(made.page.locator('sc-project-panel [role=status]'), /Saved/)).toBe(
      `Saved the project as ${project.name}.`,
    );

    const { page } = fresh;
    await showTab(page, 'Models');
    // Nothing of the person's is on this device: it opens without a question.
    await chooseProject(page, project.name, project.bytes);
    expect(await textOf(page.locator('sc-project-panel [role=status]'), /Opened/)).toBe(
      `Opened ${project.name} (samples: 10, models: 1).`,
    );
    expect(await seen(page)).toEqual(before);
    expect(fresh.errors).toEqual([]);
  });

  it('asks before opening a project over work on the device; cancelling changes nothing, adding adds nothing twice', async () => {
    const { page } = fresh;
    await showTab(page, 'Models');
    await chooseProject(page, project.name, project.bytes);
    const dialog = page.getByRole('dialog', { name: `Open “${project.name}”?` });
    await dialog.waitFor();
    expect(await textOf(dialog.locator('#ask-body'), /Saved/)).toMatch(/samples: 10 \(classes: 3\), models: 1\./);
    const focused = await page.evaluate(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element?.textContent?.trim();
    });
    expect(focused).toBe('Cancel');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
    await chooseProject(page, project.name, project.bytes);
    await dialog.getByRole('button', { name: 'Add to it' }).click();
    expect(await textOf(page.locator('sc-project-panel [role=status]'), /Added/)).toBe(
      `Added from ${project.name}: new samples: 0, new models: 0 (those already here were skipped).`,
    );
    expect(await seen(page)).toEqual(before);
  });

  it('refuses a damaged project file by name, and nothing changes', async () => {
    const { page } = fresh;
    await showTab(page, 'Models');
    await chooseProject(page, 'cut.zip', project.bytes.subarray(0, 3000));
    expect(await alertText(page)).toContain('Could not open the project: cut.zip: not a valid .zip file');
    await chooseProject(page, 'shapes.zip', zipSync(files));
    expect(await textOf(page.getByRole('alert'), /shapes\.zip/)).toContain(
      'Could not open the project: shapes.zip: not a Shape CNN project',
    );
    expect(await seen(page)).toEqual(before);
  });

  it('replaces what is on a device when the person chooses to', async () => {
    const { page } = made;
    await showTab(page, 'Models');
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page
      .locator('sc-model-library')
      .getByText(/No saved models yet/)
      .waitFor();
    await chooseProject(page, project.name, project.bytes);
    await page.getByRole('dialog').getByRole('button', { name: 'Replace what is on this device' }).click();
    expect(await textOf(page.locator('sc-project-panel [role=status]'), /Opened/)).toBe(
      `Opened ${project.name} (samples: 10, models: 1).`,
    );
    expect(await seen(page)).toEqual(before);
    expect(made.errors).toEqual([]);
  });
});
