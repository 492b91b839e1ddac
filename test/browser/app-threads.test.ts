import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launch } from '../../src/tools/chromium';
import { installServiceWorker, serveBuild } from './static-server';
import { appReady, openApp, textOf } from './ui-app';

const isolated = (page: Page) => page.evaluate(() => crossOriginIsolated);
const cores = (page: Page) => page.evaluate(() => navigator.hardwareConcurrency);
const threadsSaid = (page: Page) => textOf(page.locator('sc-backend-panel dd').last(), /\S/);
const limitField = (page: Page) => page.getByRole('spinbutton', { name: 'Most threads to train on' });

/** A short run on the WebAssembly path, from the Train tab. */
async function trainOnce(page: Page): Promise<void> {
  await page.getByLabel('Backend', { exact: true }).selectOption('wasm-simd');
  // The tutorial's settings: no redrawing or augmentation (the app's defaults redraw).
  await page.getByRole('button', { name: 'Tutorial defaults' }).click();
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await textOf(page.locator('sc-train-panel .status'), /Training finished after 1 epochs/, 180_000);
}

describe('training threads', () => {
  it('on a server sending COOP/COEP: isolated, every core, and a thread limit that is kept', async () => {
    const { context, page, errors } = await openApp();
    expect(await isolated(page)).toBe(true);
    const n = await cores(page);
    expect(await threadsSaid(page)).toBe(`${n} of ${n} cores: the page is cross-origin isolated`);
    await limitField(page).fill('1');
    await page.reload();
    await appReady(page);
    expect(await limitField(page).inputValue()).toBe('1');
    expect(await threadsSaid(page)).toBe(`1 of ${n} cores: the page is cross-origin isolated`);
    await trainOnce(page);
    await context.close();
    expect(errors).toEqual([]);
  });

  it('on a static host: one thread until the service worker serves the page, then isolated, offline too', async () => {
    const server = await serveBuild();
    const context = await launch();
    const page = await context.newPage();
    await page.goto(server.url);
    await appReady(page);
    expect(await isolated(page)).toBe(false);
    expect(await threadsSaid(page)).toBe('one thread: page not isolated');
    expect(await limitField(page).isDisabled()).toBe(true);

    await installServiceWorker(page);
    expect(await isolated(page)).toBe(true);
    const n = await cores(page);
    expect(await threadsSaid(page)).toBe(`${n} of ${n} cores: the page is cross-origin isolated`);

    // Offline: every file, the helper threads' included, comes from the cache with the headers added.
    await server.close();
    await context.setOffline(true);
    await page.reload();
    await appReady(page);
    expect(await isolated(page)).toBe(true);
    await trainOnce(page);
    await context.close();
  });
});
