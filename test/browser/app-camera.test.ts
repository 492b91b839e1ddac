import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { launch } from '../../src/tools/chromium';
import { alertText, appReady, showTab, textOf, useTutorialSet } from './ui-app';

/** Chromium's fake camera plays an MJPEG file: a run of JPEG frames, here one photo of a drawing. */
function fakeCamera(photo: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'camera-')), 'drawing.mjpeg');
  const frame = readFileSync(photo);
  writeFileSync(file, Buffer.concat(Array.from({ length: 10 }, () => frame)));
  return file;
}

async function openWithCamera(photo: string) {
  const context = await launch({
    args: [
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${fakeCamera(photo)}`,
    ],
  });
  const page = await context.newPage();
  await page.goto(inject('appUrl'));
  await appReady(page);
  await useTutorialSet(page);
  return { context, page };
}

describe('the camera', () => {
  it('photographs a drawing on paper: the app finds the drawing in the photo and classifies what it found', async () => {
    const { context, page } = await openWithCamera('test/fixtures/photos/03-triangle.jpg');
    try {
      await page.getByLabel('Backend', { exact: true }).selectOption('wasm-simd');
      await page.getByRole('spinbutton', { name: 'Epochs' }).fill('2');
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await textOf(page.locator('sc-train-panel .status'), /Training finished after 2 epochs/, 120_000);
      await showTab(page, 'Predict');
      const panel = page.locator('sc-predict-panel');
      await panel.getByRole('button', { name: 'Use the camera' }).click();
      await panel.locator('video').waitFor();
      await expect
        .poll(() => panel.locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 20_000 })
        .toBeGreaterThan(0);
      await panel.getByRole('button', { name: 'Take the photo and classify it' }).click();
      await textOf(panel.locator('sc-probability-bars [role=status]'), /Most likely/, 30_000);
      expect(await textOf(panel.locator('.source'), /Input/)).toMatch(/^Input: photo-[\d-]+\.jpg$/);
      // What the model saw is the drawing, black on white: its corners are paper.
      const corners = await panel.locator('sc-model-input canvas').evaluate((canvas: HTMLCanvasElement) => {
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, 24, 24);
        return [0, 23, 24 * 23, 24 * 24 - 1].map((p) => data[p * 4]!);
      });
      expect(Math.min(...corners)).toBeGreaterThan(240);
      await panel.getByRole('button', { name: 'Close the camera' }).click();
    } finally {
      await context.close();
    }
  });

  it('refuses a photo with no drawing on it, saying so', async () => {
    const { context, page } = await openWithCamera('test/fixtures/photos/blank.jpg');
    try {
      await page.getByLabel('Backend', { exact: true }).selectOption('wasm-simd');
      await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await textOf(page.locator('sc-train-panel .status'), /Training finished after 1 epoch/, 120_000);
      await showTab(page, 'Predict');
      const panel = page.locator('sc-predict-panel');
      await panel.getByRole('button', { name: 'Use the camera' }).click();
      await expect
        .poll(() => panel.locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 20_000 })
        .toBeGreaterThan(0);
      await panel.getByRole('button', { name: 'Take the photo and classify it' }).click();
      expect(await alertText(page)).toMatch(/photo-[\d-]+\.jpg: no drawing found on this photo/);
    } finally {
      await context.close();
    }
  });
});
