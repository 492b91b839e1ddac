import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { alertText, draw, outline, sharedApp, showTab, textOf } from './ui-app';

const app = sharedApp();

/** The app's training worker (not the service worker), as Playwright reaches it. */
async function shapesWorker(page: Page): Promise<Worker> {
  await expect.poll(() => page.workers().some((w) => /shapes\.worker/.test(w.url())), { timeout: 30_000 }).toBe(true);
  return page.workers().find((w) => /shapes\.worker/.test(w.url()))!;
}

const modelRows = (page: Page) => page.locator('sc-model-library tbody tr').count();

async function predictCircle(page: Page): Promise<string> {
  await showTab(page, 'Predict');
  const clear = page.locator('sc-predict-panel').getByRole('button', { name: 'Clear' });
  if (await clear.isEnabled()) await clear.click();
  await draw(page, page.locator('sc-predict-panel sc-draw-pad canvas'), outline('circle', 1));
  return textOf(page.locator('sc-probability-bars [role=status]'), /Most likely/, 30_000);
}

describe('a worker that stops', () => {
  it('during training: the app says so, starts a new worker, saves nothing half-done and keeps what was stored', async () => {
    const { page } = app;
    await page.getByLabel('Backend', { exact: true }).selectOption('wasm-simd');
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill('2');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await textOf(page.locator('sc-train-panel .status'), /Training finished after 2 epochs/, 180_000);
    await showTab(page, 'Models');
    expect(await modelRows(page)).toBe(1);
    await showTab(page, 'Train');

    await page.getByRole('spinbutton', { name: 'Epochs' }).fill('500');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.locator('sc-train-panel .progress').first().waitFor({ timeout: 60_000 });
    const before = await shapesWorker(page);
    // Closing itself is what the browser does to a worker it kills (out of memory included): no error event.
    await before.evaluate(() => self.close());
    expect(await alertText(page)).toMatch(
      /^Something went wrong The training worker stopped and was started again: what it was doing \(training, a prediction\) was interrupted; everything stored on this device is intact/,
    );
    await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('button', { name: 'Train', exact: true }).isEnabled()).toBe(true);
    await showTab(page, 'Models');
    // The interrupted run left no model behind; the saved one is still there and predicts.
    expect(await modelRows(page)).toBe(1);
    expect(await predictCircle(page)).toMatch(/Most likely/);
    // One training worker is left: the closed one is gone once the browser reports it closed.
    const trainingWorkers = () => page.workers().filter((w) => /shapes\.worker/.test(w.url())).length;
    await expect.poll(trainingWorkers, { timeout: 30_000 }).toBe(1);
  });

  it('on an uncaught error: a new worker takes over and the app still predicts', async () => {
    const { page } = app;
    await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
    const worker = await shapesWorker(page);
    await worker.evaluate(() => {
      setTimeout(() => {
        throw new Error('boom');
      });
    });
    expect(await alertText(page)).toMatch(/The training worker stopped and was started again.*boom/);
    expect(await predictCircle(page)).toMatch(/Most likely/);
    expect(app.errors).toEqual([]);
  });

  it('a GPU device lost during training: the app says so and why, and what was stored is intact', async () => {
    const { page } = app;
    const dismiss = page.getByRole('alert').getByRole('button', { name: 'Dismiss' });
    if (await dismiss.isVisible()) await dismiss.click();
    await showTab(page, 'Models');
    const models = await modelRows(page);
    await showTab(page, 'Train');
    await page.getByLabel('Backend', { exact: true }).selectOption('webgl');
    // Long enough to be still training when the context is lost: a few epochs of 45 images take seconds.
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill('300');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.locator('sc-train-panel .progress').first().waitFor({ timeout: 120_000 });
    const worker = await shapesWorker(page);
    await worker.evaluate(() => {
      const tfjs = (
        globalThis as unknown as { _tfengine: { backendInstance: { gpgpu: { gl: WebGL2RenderingContext } } } }
      )._tfengine;
      tfjs.backendInstance.gpgpu.gl.getExtension('WEBGL_lose_context')!.loseContext();
    });
    expect(await alertText(page)).toMatch(
      /Training failed: the GPU stopped working during training \(webgl device lost\); the app starts its worker again/,
    );
    // Train comes back once the fresh worker is open: a run started before would have died with the old one.
    await page.locator('sc-train-panel button[type=submit]:enabled').waitFor({ timeout: 60_000 });
    await showTab(page, 'Models');
    expect(await modelRows(page)).toBe(models);
    // A fresh worker trains again, on the CPU.
    await showTab(page, 'Train');
    await page.getByLabel('Backend', { exact: true }).selectOption('wasm-simd');
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await textOf(page.locator('sc-train-panel .status'), /Training finished after 1 epoch/, 120_000);
  });
});
