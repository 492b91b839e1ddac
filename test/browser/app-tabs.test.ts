import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from '../../src/tools/chromium';
import { alertText, appReady, draw, outline, showTab, textOf, useTutorialSet } from './ui-app';

/** Two tabs of the app in one browser profile, as a person opens them. */
const tabs = {} as { a: Page; b: Page; close: () => Promise<void> };

beforeAll(async () => {
  const context = await launch();
  tabs.close = () => context.close();
  for (const name of ['a', 'b'] as const) {
    tabs[name] = await context.newPage();
    await tabs[name].goto(inject('appUrl'));
    await appReady(tabs[name]);
  }
  await useTutorialSet(tabs.a);
});
afterAll(() => tabs.close?.());

const editorSummary = (page: Page) => textOf(page.locator('sc-sample-editor p').first(), /\S/);
const modelRows = (page: Page) => page.locator('sc-model-library tbody tr').count();

async function train(page: Page, epochs: number): Promise<void> {
  await page.bringToFront();
  await showTab(page, 'Train');
  await page.getByLabel('Backend', { exact: true }).selectOption('wasm-simd');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill(String(epochs));
  await page.getByRole('button', { name: 'Train', exact: true }).click();
}

describe('two tabs of the app', () => {
  it('a sample added in one tab appears in the other without a reload', async () => {
    const { a, b } = tabs;
    await showTab(b, 'Dataset');
    expect(await editorSummary(b)).toMatch(/^No classes of your own yet/);
    await a.bringToFront();
    await showTab(a, 'Dataset');
    const capture = a.locator('sc-sample-capture');
    await capture.getByLabel('Class', { exact: true }).selectOption('circle');
    await draw(a, capture.locator('canvas'), outline('circle', 2));
    await capture.getByRole('button', { name: 'Add drawing' }).click();
    await textOf(capture.locator('.added'), /Added 1/);
    expect(await textOf(b.locator('sc-sample-editor p').first(), /^Samples: 1\b/, 15_000)).toMatch(/^Samples: 1\b/);
  });

  it('trains in one tab at a time: the other tab says so', async () => {
    const { a, b } = tabs;
    await train(a, 400);
    await a.locator('sc-train-panel .progress').first().waitFor({ timeout: 60_000 });
    await train(b, 1);
    expect(await alertText(b)).toMatch(/Another tab of this app is training: wait for it to finish, or stop it there/);
    await a.getByRole('button', { name: 'Stop' }).click();
    await a.getByRole('button', { name: 'Train', exact: true }).waitFor({ timeout: 60_000 });
    await b.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  });

  it('a model trained in one tab is listed in the other, and deleting it there reaches the first', async () => {
    const { a, b } = tabs;
    await showTab(b, 'Models');
    await showTab(a, 'Models');
    // Both tabs list the same models (the stopped run's among them) before this one trains.
    const before = await modelRows(a);
    await expect.poll(() => modelRows(b), { timeout: 15_000 }).toBe(before);
    await train(a, 1);
    await textOf(a.locator('sc-train-panel .status'), /Training finished after 1 epochs?/, 120_000);
    await expect.poll(() => modelRows(b), { timeout: 15_000 }).toBe(before + 1);
    await showTab(a, 'Models');
    const inA = await modelRows(a);
    await b.bringToFront();
    await b.locator('sc-model-details').getByRole('button', { name: 'Delete' }).click();
    await b.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => modelRows(b), { timeout: 15_000 }).toBe(before);
    await expect.poll(() => modelRows(a), { timeout: 15_000 }).toBe(inA - 1);
  });

  it('a newer version of the database in another tab: this tab closes its connection and says to reload', async () => {
    const { a, b } = tabs;
    // What a new version of the app does when it opens: its database at a higher version.
    await b.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('shape-cnn', 2);
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(open.error);
        }),
    );
    await showTab(a, 'Dataset');
    await a.locator('sc-sample-editor').getByLabel('New class').fill('star');
    await a.locator('sc-sample-editor').getByRole('button', { name: 'Add class' }).click();
    expect(await alertText(a)).toMatch(/A newer version of the app opened in another tab: reload this tab to go on/);
  });
});
