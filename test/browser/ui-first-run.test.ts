import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appReady, axeViolations, draw, openApp, outline, showTab, textOf } from './ui-app';

const guide = (page: Page) => page.locator('sc-first-run');
const step = (page: Page, n: number) =>
  guide(page)
    .locator('li')
    .nth(n - 1);

/** Dark pixels on the Predict tab's drawing pad. */
const padInk = (page: Page) =>
  page.locator('sc-predict-panel sc-draw-pad canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    return data.filter((value, i) => i % 4 === 0 && value < 128).length;
  });

/** Trains from the guide's step 1 with a short run (the form's epochs are what the guide trains with). */
async function trainFromGuide(page: Page, start: string, done: RegExp, epochs = 3): Promise<void> {
  await page.locator('sc-train-panel input[name=epochs]').fill(String(epochs));
  await step(page, 1).getByRole('button', { name: start, exact: true }).click();
  await textOf(step(page, 1).locator('p'), done, 180_000);
}

describe('the first run, in English on a desktop', () => {
  it('leads from training to drawing to the answer, says when it measures, and the backend panel stays true after a reload', async () => {
    const { context, page, errors } = await openApp({ viewport: { width: 1280, height: 900 } });
    try {
      expect(await textOf(guide(page).locator('h2'), /\S/)).toBe('Get started in three steps');
      expect(await step(page, 1).getAttribute('aria-current')).toBe('step');
      expect(await step(page, 2).getByRole('button', { name: 'Draw a shape' }).isDisabled()).toBe(true);
      const next = page.locator('sc-backend-panel .next');
      expect(await textOf(next, /\S/)).toMatch(/the first run measures them/);
      expect(await axeViolations(page)).toEqual([]);

      await page.locator('sc-train-panel input[name=epochs]').fill('3');
      await step(page, 1).getByRole('button', { name: 'Start training', exact: true }).click();
      // Before the first batch, the first run on 'auto' measures the backends, and says so.
      expect(await textOf(step(page, 1).locator('p'), /fastest way|Epoch|Trained/)).toMatch(/fastest way/);
      expect(await textOf(page.locator('sc-train-panel .status'), /\S/)).toMatch(/Measuring which backend|Epoch/);
      await textOf(step(page, 1).locator('p'), /Trained and saved on this device: \d+% right/, 180_000);
      expect(await step(page, 2).getAttribute('aria-current')).toBe('step');
      const measured = await textOf(next, /measured on/);
      expect(measured).toMatch(/^Training runs on .+: the fastest that worked when measured on .+\.$/);

      await step(page, 2).getByRole('button', { name: 'Draw a shape' }).click();
      expect(await page.locator('#tab-predict').getAttribute('aria-selected')).toBe('true');
      await showTab(page, 'Predict');
      const panel = page.locator('sc-predict-panel');

      // A known test image says whether the answer is right.
      await panel.getByRole('button', { name: 'Try a test image' }).click();
      expect(await textOf(panel.locator('sc-model-input strong'), /\S/)).toMatch(
        /^(Right: it is a (Circle|Rectangle|Triangle)\.|Wrong: it is a (Circle|Rectangle|Triangle)\.)$/,
      );

      // Several at once: a grid with every file's name and answer, and the right ones counted.
      await panel.getByRole('button', { name: 'Try 8 test images' }).click();
      const grid = panel.locator('sc-prediction-grid');
      expect(await textOf(grid.getByRole('status'), /classified/)).toMatch(
        /^8 classified: [0-8] of 8 test images right\.$/,
      );
      const cards = grid.locator('li.item');
      expect(await cards.count()).toBe(8);
      expect(await textOf(cards.first(), /(Right|Wrong)/)).toMatch(/^(test|hard)\/\w+\/[\w-]+\.png /);

      // A drawing replaces the grid; an image then replaces the drawing.
      await draw(page, panel.locator('sc-draw-pad canvas'), outline('circle'));
      await textOf(panel.locator('sc-probability-bars [role=status]'), /Most likely|Not a shape/);
      expect(await grid.count()).toBe(0);
      expect(await padInk(page)).toBeGreaterThan(500);
      const file = 'public/data/shapes/test/triangle/triangle004.png';
      await panel
        .locator('input[type=file]')
        .setInputFiles({ name: 'triangle004.png', mimeType: 'image/png', buffer: readFileSync(file) });
      await panel.getByText('Input: triangle004.png').waitFor();
      expect(await padInk(page)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);

      // The guide has done its job once the model exists and Predict was seen.
      await showTab(page, 'Train');
      expect(await guide(page).count()).toBe(0);

      // The models table says what stands behind each score.
      await showTab(page, 'Models');
      const row = page.locator('sc-model-library tbody tr').first();
      expect(await textOf(row.locator('td.data'), /\S/)).toBe('45 · 15 images · tutorial-sized set');
      expect(await textOf(row.locator('td').nth(1), /\S/)).toMatch(/^\d+(\.\d)?%$/);

      await page.reload();
      await appReady(page);
      expect(await textOf(next, /Training runs/)).toBe(measured);
      expect(await guide(page).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a phone, in Korean', () => {
  it('has a one-row header, says quietly when it is offline, and keeps the answer in view while drawing', async () => {
    const { context, page, errors } = await openApp({
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      locale: 'ko-KR',
    });
    try {
      const header = page.locator('sc-app-header header');
      expect((await header.boundingBox())!.height).toBeLessThan(60);
      // The purpose is left to screen readers on a phone.
      expect((await page.locator('sc-app-header .brand p').boundingBox())!.width).toBeLessThanOrEqual(1);
      const network = page.locator('sc-app-header .network');
      expect(await network.textContent()).toBe('');
      await context.setOffline(true);
      expect(await textOf(network, /\S/)).toBe('오프라인');
      await context.setOffline(false);
      await expect.poll(() => network.textContent()).toBe('');

      await trainFromGuide(page, '학습 시작', /학습을 마치고/);
      // The Keras log keeps its lines whole and scrolls sideways, as a terminal does.
      const log = page.locator('sc-train-log pre');
      expect(await log.evaluate((pre) => getComputedStyle(pre).whiteSpace)).toBe('pre');
      expect(await log.evaluate((pre) => pre.scrollWidth > pre.clientWidth)).toBe(true);
      // The engine's device descriptions are said in Korean too.
      expect(await textOf(page.locator('sc-backend-panel dd').nth(1), /\S/)).toMatch(/CPU의|어댑터|SwiftShader|ANGLE/);

      await showTab(page, '예측');
      const pad = page.locator('sc-predict-panel sc-draw-pad canvas');
      await pad.scrollIntoViewIfNeeded();
      await draw(page, pad, outline('triangle'), { device: 'touch' });
      const bars = page.locator('sc-predict-panel sc-probability-bars');
      await textOf(bars.locator('[role=status]'), /가능성|도형 아님/);
      const [padBox, barsBox] = [(await pad.boundingBox())!, (await bars.boundingBox())!];
      // The pad and the whole answer fit one screen at once.
      expect(barsBox.y + barsBox.height - padBox.y).toBeLessThan(740);
      expect(barsBox.y).toBeGreaterThan(padBox.y + padBox.height);

      // The models table scrolls sideways with the name column kept in view.
      await showTab(page, '모델');
      const wrap = page.locator('sc-model-library .table-wrap');
      expect(await wrap.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      const name = page.locator('sc-model-library tbody th').first();
      const before = (await name.boundingBox())!.x;
      await wrap.evaluate((el) => el.scrollBy(200, 0));
      expect((await name.boundingBox())!.x).toBe(before);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
