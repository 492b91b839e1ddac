import { describe, expect, it } from 'vitest';
import { accessibilityProblems, componentPage, mount, update } from '../components';

const shared = componentPage();

describe('sc-line-chart', () => {
  it('says there is nothing yet before the first epoch', async () => {
    const { page } = shared;
    const chart = await mount(page, 'sc-line-chart', { heading: 'Loss', epochs: 50, series: [] });
    expect(await chart.getByRole('img').getAttribute('aria-label')).toMatch(/Loss/);
    await expect(chart.locator('.empty').isVisible()).resolves.toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('draws training solid and validation dashed, and states the latest values as its text alternative', async () => {
    const { page } = shared;
    const chart = await mount(page, 'sc-line-chart', { heading: 'Accuracy', epochs: 10, max: 1 });
    await page.evaluate(() =>
      window.components.update({
        format: window.components.formats.percent,
        series: [
          { label: 'Training', kind: 'train', values: [0.4, 0.7, 0.9] },
          { label: 'Validation', kind: 'validation', values: [0.33, 0.6, 0.8] },
        ],
      }),
    );
    const label = await chart.getByRole('img').getAttribute('aria-label');
    expect(label).toContain('90%');
    expect(label).toContain('80%');
    expect(label).toContain('3');
    expect(await chart.locator('polyline.line.train').count()).toBe(1);
    const dash = await chart
      .locator('polyline.line.validation')
      .evaluate((line) => getComputedStyle(line).strokeDasharray);
    expect(dash).not.toBe('none');
    await expect(chart.locator('.empty').count()).resolves.toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('keeps every point inside the plot when a value passes the fixed top', async () => {
    const { page } = shared;
    const chart = await mount(page, 'sc-line-chart', { heading: 'Loss', epochs: 2, max: 1 });
    await update(page, { series: [{ label: 'Training', kind: 'train', values: [3, 0.5] }] });
    const ys = await chart
      .locator('polyline')
      .evaluate((line) => (line.getAttribute('points') ?? '').split(' ').map((p) => Number(p.split(',')[1])));
    for (const y of ys) expect(y).toBeGreaterThanOrEqual(10);
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
