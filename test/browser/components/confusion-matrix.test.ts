import { describe, expect, it } from 'vitest';
import { accessibilityProblems, componentPage, mount } from '../components';

const shared = componentPage();

describe('sc-confusion-matrix', () => {
  it('is a table with true classes as row headers, predictions as column headers and the counts', async () => {
    const { page } = shared;
    const matrix = await mount(page, 'sc-confusion-matrix', {
      classes: ['circle', 'rectangle', 'triangle'],
      counts: [
        [5, 0, 0],
        [1, 3, 1],
        [0, 0, 5],
      ],
    });
    const table = matrix.getByRole('table', { name: /Confusion matrix/ });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Circle', 'Rectangle', 'Triangle']);
    expect(await table.getByRole('rowheader').allTextContents()).toEqual(['Circle', 'Rectangle', 'Triangle']);
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => [td.textContent, td.className])),
      );
    expect(rows[1]).toEqual([
      ['1', 'miss'],
      ['3', 'hit'],
      ['1', 'miss'],
    ]);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('shows a class of the person’s own by its name, and stays accessible with none yet', async () => {
    const { page } = shared;
    const matrix = await mount(page, 'sc-confusion-matrix', {
      classes: ['별', 'circle'],
      counts: [
        [2, 0],
        [1, 1],
      ],
    });
    expect(await matrix.getByRole('columnheader').allTextContents()).toEqual(['별', 'Circle']);
    expect(await accessibilityProblems(page)).toEqual([]);
    await mount(page, 'sc-confusion-matrix', { classes: [], counts: [] });
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('speaks Korean', async () => {
    const { page } = shared;
    await page.evaluate(() => window.components.setLocale('ko'));
    const matrix = await mount(page, 'sc-confusion-matrix', {
      classes: ['circle', 'triangle'],
      counts: [
        [1, 0],
        [0, 1],
      ],
    });
    expect(await matrix.getByRole('columnheader').allTextContents()).toEqual(['원', '삼각형']);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.evaluate(() => window.components.setLocale('en'));
  });
});
