import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { launch } from '../../src/tools/chromium';
import { installServiceWorker, serveBuild } from './static-server';
import { appReady, showTab, textOf, useTutorialSet } from './ui-app';

/** One bundled test image per class. */
const PROBES = ['test/circle/circle003.png', 'test/rectangle/rectangle001.png', 'test/triangle/triangle004.png'];

/** Every request the context's pages, workers and service workers make, from now on. */
function watchRequests(context: BrowserContext): string[] {
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  return requests;
}

/** Trains a short run on the WebAssembly path from the Train tab and waits for it to finish. */
async function trainShort(page: Page, epochs: number): Promise<void> {
  await useTutorialSet(page);
  await page.getByLabel('Backend', { exact: true }).selectOption('wasm-simd');
  await page.getByRole('button', { name: 'Tutorial defaults' }).click();
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill(String(epochs));
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await textOf(page.locator('sc-train-panel .status'), new RegExp(`Training finished after ${epochs} epochs`), 120_000);
}

/** The exact probabilities the Predict tab shows for each probe image (read from the bars' widths). */
async function predictProbes(page: Page): Promise<number[][]> {
  await showTab(page, 'Predict');
  const panel = page.locator('sc-predict-panel');
  const rows: number[][] = [];
  for (const path of PROBES) {
    const name = path.split('/').pop()!;
    await panel
      .locator('input[type=file]')
      .setInputFiles({ name, mimeType: 'image/png', buffer: readFileSync(`public/data/shapes/${path}`) });
    await panel.getByText(`Input: ${name}`).waitFor();
    // The bars keep the previous image's probabilities until the worker answers for this one.
    const bars = panel.locator('sc-probability-bars .bar > span');
    const read = () => bars.evaluateAll((spans) => spans.map((s) => parseFloat((s as HTMLElement).style.width) / 100));
    const previous = JSON.stringify(rows.at(-1));
    await expect
      .poll(async () => {
        const row = await read();
        return (
          row.length === 3 && Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-4 && JSON.stringify(row) !== previous
        );
      })
      .toBe(true);
    rows.push(await read());
  }
  return rows;
}

describe('the installed app', () => {
  it('hears the requests of the page, its worker and its service worker (the check itself works)', async () => {
    const context = await launch();
    const requests = watchRequests(context);
    const page = await context.newPage();
    await page.goto(inject('appUrl'));
    await appReady(page);
    const worker = page.workers().find((w) => /shapes\.worker/.test(w.url()))!;
    const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const tryFetch = (url: string) =>
      fetch(url).then(
        () => undefined,
        () => undefined,
      );
    // Addresses of the app's own server that do not exist: the app's Content-Security-Policy stops
    // a request to another origin before it is made, so there would be nothing to hear.
    const probe = (from: string) => new URL(`probe-from-the-${from}`, inject('appUrl')).href;
    await page.evaluate(tryFetch, probe('page'));
    await worker.evaluate(tryFetch, probe('worker'));
    await serviceWorker.evaluate(tryFetch, probe('service-worker'));
    await context.close();
    // The service worker passes the page's request on: it may be heard twice.
    expect([...new Set(requests.filter((url) => url.includes('/probe-from-the-')))].sort()).toEqual([
      probe('page'),
      probe('service-worker'),
      probe('worker'),
    ]);
  });

  it('starts, predicts with the saved model and keeps its probabilities with the server stopped; nothing ever leaves the machine', async () => {
    const server = await serveBuild();
    const context = await launch();
    // Watched from before the first navigation, for the page, the worker and the service worker.
    const requests = watchRequests(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await appReady(page);
    await installServiceWorker(page);
    await trainShort(page, 3);
    const online = await predictProbes(page);
    for (const row of online) expect(row.reduce((a, b) => a + b)).toBeCloseTo(1, 4);

    // The server is really gone: every file must come from the service worker's cache now.
    await server.close();
    await context.setOffline(true);
    await page.reload();
    await appReady(page);
    await showTab(page, 'Models');
    await page.locator('sc-model-library').getByText('In use').first().waitFor();
    expect(await predictProbes(page)).toEqual(online);
    await trainShort(page, 1);

    await context.close();
    expect(errors).toEqual([]);
    const origin = new URL(server.url).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !/^(blob|data):/.test(url))).toEqual([]);
    expect(requests.length).toBeGreaterThan(10);
  });

  it('offers a new version without reloading by itself, and not in the middle of a training run', async () => {
    // The built app from a server whose service worker script can change, as a deploy changes it.
    const server = await serveBuild();
    const context = await launch();
    const page = await context.newPage();
    await page.goto(server.url);
    await appReady(page);
    await useTutorialSet(page);
    await installServiceWorker(page);
    server.nextVersion();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const prompt = page.locator('sc-update-prompt');
    await prompt.getByText('A new version is available.').waitFor({ timeout: 60_000 });
    await showTab(page, 'Train');
    await page.getByLabel('Backend', { exact: true }).selectOption('wasm-simd');
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill('100');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await prompt.getByText('You can reload once training has finished.').waitFor();
    expect(await prompt.getByRole('button', { name: 'Reload' }).isDisabled()).toBe(true);
    // The run ends when the person stops it (100 epochs only keep it going until then).
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await textOf(page.locator('sc-train-panel .status'), /stopped/);
    const reloaded = page.waitForEvent('load');
    await prompt.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await appReady(page);
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null),
    ).toBeNull();
    expect(await page.evaluate(() => fetch('sw.js').then((r) => r.text()))).toContain('// version 2');
    await context.close();
    await server.close();
  });
});
