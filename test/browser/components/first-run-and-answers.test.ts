import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityProblems, componentPage, mount, update } from '../components';

const shared = componentPage();

/** Sets `predictions` on the mounted grid: 24 × 24 inputs are made in the page (buffers do not cross as JSON). */
const answer = (page: Page, labels: string[]) =>
  page.evaluate((labels) => {
    const grid = document.querySelector('#stage > sc-prediction-grid') as HTMLElement & { predictions: unknown };
    grid.predictions = labels.map((label, i) => ({
      label,
      probabilities: ['circle', 'rectangle', 'triangle'].map((c) => (c === label ? 0.9 : 0.05)),
      input: {
        kind: 'pixels',
        name: `${i}`,
        width: 24,
        height: 24,
        rgba: new Uint8Array(24 * 24 * 4).fill(200).buffer,
      },
    }));
  }, labels);

describe('sc-first-run', () => {
  it('marks the current step, trains with the remembered settings, then leads to Predict', async () => {
    const { page } = shared;
    const card = await mount(page, 'sc-first-run', { ready: true, trainCount: 1770 });
    const steps = card.getByRole('listitem');
    expect(await steps.nth(0).getAttribute('aria-current')).toBe('step');
    expect(await steps.nth(0).textContent()).toMatch(/1,770 drawings/);
    expect(await steps.nth(1).getByRole('button', { name: 'Draw a shape' }).isDisabled()).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.evaluate(() =>
      document.addEventListener(
        'sc-train',
        (e) => ((window as unknown as { trained: unknown }).trained = (e as CustomEvent).detail),
      ),
    );
    await steps.nth(0).getByRole('button', { name: 'Start training' }).click();
    expect(
      await page.evaluate(() => typeof (window as unknown as { trained?: { epochs: number } }).trained?.epochs),
    ).toBe('number');

    await update(page, { training: true, measuring: true });
    expect(await steps.nth(0).textContent()).toMatch(/fastest way this device can compute/);
    expect(await steps.nth(0).getByRole('button').isDisabled()).toBe(true);
    await update(page, { training: false, measuring: false, hasModel: true, accuracy: 0.94 });
    expect(await steps.nth(0).textContent()).toMatch(/94% right on test drawings/);
    expect(await steps.nth(1).getAttribute('aria-current')).toBe('step');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.evaluate(() =>
      document.addEventListener(
        'sc-show-tab',
        (e) => ((window as unknown as { tab: unknown }).tab = (e as CustomEvent).detail),
      ),
    );
    await steps.nth(1).getByRole('button', { name: 'Draw a shape' }).click();
    expect(await page.evaluate(() => (window as unknown as { tab?: string }).tab)).toBe('predict');
  });
});

describe('sc-prediction-grid', () => {
  it('names every image, says right or wrong where the class is known, and counts the right ones', async () => {
    const { page } = shared;
    const grid = await mount(page, 'sc-prediction-grid', {
      classes: ['circle', 'rectangle', 'triangle'],
      items: [
        { name: 'test/circle/a.png', expected: 'circle' },
        { name: 'test/triangle/b.png', expected: 'triangle' },
        { name: 'mine.png' },
      ],
    });
    expect(await grid.getByRole('status').textContent()).toBe('Classifying 3 images…');
    await answer(page, ['circle', 'rectangle', 'triangle']);
    await expect.poll(() => grid.getByRole('status').textContent()).toBe('3 classified: 1 of 2 test images right.');
    const items = grid.locator('li.item');
    expect(await items.nth(0).textContent()).toMatch(
      /test\/circle\/a\.png\s+Circle\s+90\.0%\s+Right: it is a Circle\./,
    );
    expect(await items.nth(1).textContent()).toMatch(/Wrong: it is a Triangle\./);
    expect(await items.nth(2).textContent()).not.toMatch(/Right|Wrong/);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('judges each image on its own: one that cannot be read says why, the others keep their answers', async () => {
    const { page } = shared;
    const grid = await mount(page, 'sc-prediction-grid', {
      classes: ['circle', 'rectangle', 'triangle'],
      items: [{ name: 'test/circle/a.png', expected: 'circle' }, { name: 'notes.png' }],
    });
    await answer(page, ['circle', 'circle']);
    await page.evaluate(() => {
      const el = document.querySelector('#stage > sc-prediction-grid') as HTMLElement & { predictions: unknown[] };
      el.predictions = [el.predictions[0], { error: 'notes.png: not a PNG or JPEG image' }];
    });
    await expect
      .poll(() => grid.getByRole('status').textContent())
      .toBe('1 classified: 1 of 1 test images right. 1 could not be read.');
    expect(await grid.locator('li.item').nth(1).textContent()).toMatch(
      /notes\.png\s+Not classified: notes\.png: not a PNG or JPEG image/,
    );
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});

describe('sc-model-input', () => {
  it('shows where the input came from and, for a test image, whether the answer is right', async () => {
    const { page } = shared;
    const view = await mount(page, 'sc-model-input', {
      source: 'test/circle/a.png',
      expected: 'circle',
      answer: 'triangle',
    });
    await expect
      .poll(() => view.locator('p').textContent())
      .toMatch(/What the model sees\s*Input: test\/circle\/a\.png\s*Wrong: it is a Circle\./);
    expect(await accessibilityProblems(page)).toEqual([]);
    await update(page, { answer: 'circle' });
    await expect.poll(() => view.locator('strong').textContent()).toBe('Right: it is a Circle.');
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
