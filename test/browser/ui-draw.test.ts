import { describe, expect, it } from 'vitest';
import { shape } from '../helpers/images';
import { draw, outline, pasteFile, sharedApp, showTab, textOf } from './ui-app';

/** A phone: small screen, touch input. */
const app = sharedApp({ viewport: { width: 390, height: 844 }, hasTouch: true });

const pad = () => app.page.locator('sc-sample-capture sc-draw-pad canvas');

/** Dark pixels on the drawing pad's canvas. */
const ink = () =>
  pad().evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    return data.filter((value, i) => i % 4 === 0 && value < 128).length;
  });

const scrollTop = () => app.page.evaluate(() => document.scrollingElement!.scrollTop);

const line: [number, number][] = [
  [0.2, 0.5],
  [0.4, 0.5],
  [0.6, 0.5],
  [0.8, 0.5],
];

describe('drawing with a finger and a pen, and pasting', () => {
  it('draws with a finger on a phone without scrolling the page, and adds the drawing as a sample', async () => {
    const { page } = app;
    await showTab(page, 'Dataset');
    const capture = page.locator('sc-sample-capture');
    await capture.getByLabel('Class', { exact: true }).selectOption('circle');
    await pad().scrollIntoViewIfNeeded();
    const before = await scrollTop();
    await draw(page, pad(), outline('circle'), { device: 'touch' });
    // The pad takes the touch (touch-action: none): the stroke drew, the page did not pan.
    expect(await scrollTop()).toBe(before);
    expect(await ink()).toBeGreaterThan(1000);
    await capture.getByRole('button', { name: 'Add drawing' }).click();
    expect(await textOf(capture.getByRole('status'), /Added/)).toBe('Added 1 to Circle (Training).');
    // Adding clears the pad for the next drawing.
    await expect.poll(ink, { timeout: 10_000 }).toBe(0);
  });

  it('draws wider lines the harder a pen presses, and undoes and clears strokes', async () => {
    const { page } = app;
    const capture = page.locator('sc-sample-capture');
    await draw(page, pad(), line, { device: 'pen', pressure: 0.1 });
    const light = await ink();
    await capture.getByRole('button', { name: 'Undo' }).click();
    expect(await ink()).toBe(0);
    await draw(page, pad(), line, { device: 'pen', pressure: 1 });
    const firm = await ink();
    // Width factor 0.35 + 1.3 × pressure: 0.48 at 0.1, 1.65 at 1 — about 3.4 times the ink.
    expect(light).toBeGreaterThan(500);
    expect(firm / light).toBeGreaterThan(2.5);
    expect(firm / light).toBeLessThan(4);

    await draw(page, pad(), outline('triangle'), { device: 'touch' });
    expect(await ink()).toBeGreaterThan(firm);
    await capture.getByRole('button', { name: 'Undo' }).click();
    expect(await ink()).toBe(firm);
    await capture.getByRole('button', { name: 'Clear' }).click();
    expect(await ink()).toBe(0);
    await expect
      .poll(() => capture.getByRole('button', { name: 'Add drawing' }).isDisabled(), { timeout: 10_000 })
      .toBe(true);
    expect(app.errors).toEqual([]);
  });

  it('adds a pasted image to the chosen class and split', async () => {
    const { page } = app;
    const capture = page.locator('sc-sample-capture');
    await capture.locator('label', { hasText: /^Test$/ }).click();
    await pasteFile(page, { name: 'pasted-circle.png', type: 'image/png', bytes: shape('circle', 2, 48) });
    expect(await textOf(capture.getByRole('status'), /Test/)).toBe('Added 1 to Circle (Test).');
    expect(await page.locator('sc-sample-editor').getByRole('img', { name: 'pasted-circle.png' }).count()).toBe(1);
    expect(app.errors).toEqual([]);
  });
});
