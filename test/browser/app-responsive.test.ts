import { describe, expect, inject, it } from 'vitest';
import { launch } from '../../src/tools/chromium';
import { appReady, textOf, useTutorialSet } from './ui-app';

describe('training in the worker', () => {
  // Frame and long-task times are the bench's to measure (`npm run bench`, ui-metrics): here, what
  // keeps the page responsive by construction: TensorFlow.js never runs on the page thread.
  it('runs on WebGPU (a software fallback adapter here) in the worker, never on the page thread', async () => {
    const context = await launch({ webgpu: true });
    const page = await context.newPage();
    await page.goto(inject('appUrl'));
    await appReady(page);
    await useTutorialSet(page);
    await page.getByLabel('Backend', { exact: true }).selectOption('webgpu');
    const backend = page.locator('sc-backend-panel');
    await textOf(backend.locator('dd').first(), /WebGPU/);
    expect(await textOf(backend.locator('dd').nth(1), /\S/)).toMatch(/fallback adapter/);
    await page.getByRole('button', { name: 'Tutorial defaults' }).click();
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    // Looked at in the middle of the run (a whole epoch on software WebGPU adds half a minute and
    // nothing to what is checked), once batches have trained.
    await textOf(page.locator('sc-train-panel .progress'), /Batch ([2-9]|1\d) of 15/, 180_000);
    expect(await textOf(backend.locator('dd').first(), /\S/)).toMatch(/WebGPU/);
    // TensorFlow.js keeps its engine on the global object of the thread it runs in.
    expect(await page.evaluate(() => '_tfengine' in globalThis)).toBe(false);
    const worker = page.workers().find((w) => /shapes\.worker/.test(w.url()))!;
    expect(
      await worker.evaluate(
        () => (globalThis as unknown as { _tfengine: { backendName: string } })._tfengine.backendName,
      ),
    ).toBe('webgpu');
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await textOf(page.locator('sc-train-panel .status'), /stopped/);
    expect(await page.evaluate(() => '_tfengine' in globalThis)).toBe(false);
    await context.close();
  });
});
