import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appReady, sharedApp, showTab, textOf } from './ui-app';

const app = sharedApp();

const modelRows = async (page: Page) => {
  await showTab(page, 'Models');
  const rows = await page.locator('sc-model-library tbody tr').count();
  await showTab(page, 'Train');
  return rows;
};

async function startTraining(page: Page, epochs: number): Promise<void> {
  await showTab(page, 'Train');
  await page.getByLabel('Backend', { exact: true }).selectOption('wasm-simd');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill(String(epochs));
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.locator('sc-train-panel .progress').first().waitFor({ timeout: 60_000 });
}

/** Waits until the run has completed `epochs` epochs (its log shows them). */
const epochsDone = (page: Page, epochs: number) =>
  expect
    .poll(
      () => page.locator('sc-train-log').evaluate((log) => log.shadowRoot!.textContent!.split('Epoch ').length - 1),
      {
        timeout: 120_000,
      },
    )
    .toBeGreaterThanOrEqual(epochs);

const pending = (page: Page) => page.locator('sc-pending-run section');

/** Whether the worker has stored a checkpoint of the running run (its database, read from the page). */
const storedCheckpoint = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('shape-cnn');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction('settings').objectStore('settings').get('checkpoint');
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            db.close();
            resolve((read.result as { reason?: string } | undefined)?.reason === 'interrupted');
          };
        };
      }),
  );

describe('a run that does not finish', () => {
  it('stopped: asks whether to keep its model, and until then the model in use stays', async () => {
    const { page } = app;
    await startTraining(page, 2);
    await textOf(page.locator('sc-train-panel .status'), /Training finished after 2 epochs/, 120_000);
    expect(await modelRows(page)).toBe(1);

    await startTraining(page, 500);
    await epochsDone(page, 3);
    await page.getByRole('button', { name: 'Stop' }).click();
    const card = pending(page);
    await textOf(card, /Keep the stopped model\?/, 60_000);
    expect(await textOf(card, /epochs/)).toMatch(/Training stopped after \d+ of 500 epochs\. Test accuracy: [\d.]+%\./);
    expect(await modelRows(page)).toBe(1);
    await card.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => card.isHidden(), { timeout: 10_000 }).toBe(true);
    expect(await modelRows(page)).toBe(1);

    await startTraining(page, 500);
    await epochsDone(page, 3);
    await page.getByRole('button', { name: 'Stop' }).click();
    await card.getByRole('button', { name: 'Keep this model' }).click();
    await expect.poll(() => card.isHidden(), { timeout: 30_000 }).toBe(true);
    expect(await modelRows(page)).toBe(2);
  });

  it('interrupted by a reload: its last checkpoint is offered after the reload, whole', async () => {
    const { page } = app;
    const before = await modelRows(page);
    await startTraining(page, 500);
    // A checkpoint is kept every 15 s of training: reload once the worker has stored one.
    await expect.poll(() => storedCheckpoint(page), { timeout: 120_000 }).toBe(true);
    await page.reload();
    await appReady(page);
    const card = pending(page);
    await textOf(card, /An unfinished training run/, 60_000);
    expect(await textOf(card, /interrupted/)).toMatch(/after \d+ of 500 epochs/);
    expect(await modelRows(page)).toBe(before);
    await card.getByRole('button', { name: 'Keep this model' }).click();
    await expect.poll(() => card.isHidden(), { timeout: 30_000 }).toBe(true);
    expect(await modelRows(page)).toBe(before + 1);
    // The kept model was scored on the test split when it was kept.
    expect(await textOf(page.locator('sc-results-view .summary'), /Accuracy/)).toMatch(/Accuracy [\d.]+%/);
    expect(app.errors).toEqual([]);
  });
});
