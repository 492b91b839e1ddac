import { describe, expect, it } from 'vitest';
import { accessibilityProblems, componentPage, mount } from '../components';

const shared = componentPage();
const log = { epoch: 1, epochs: 300, loss: 1, acc: 0.5, seconds: 0.1 };

describe('sc-pending-run', () => {
  it('asks about a stopped run, with its accuracy, and sends the choice', async () => {
    const { page } = shared;
    const card = await mount(page, 'sc-pending-run', {
      run: {
        reason: 'stopped',
        epoch: 13,
        epochs: 300,
        date: '2026-12-01T21:37:00.000Z',
        history: [log],
        evaluation: { loss: 0.8, accuracy: 0.667, classIndices: {}, perClass: {}, confusion: [], count: 15 },
      },
    });
    const region = card.getByRole('region', { name: 'Keep the stopped model?' });
    expect(await region.textContent()).toMatch(/Training stopped after 13 of 300 epochs\.\s*Test accuracy: 66\.7%\./);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.evaluate(() =>
      document.addEventListener('sc-keep-run', () => ((window as unknown as { kept: boolean }).kept = true)),
    );
    await region.getByRole('button', { name: 'Keep this model' }).click();
    expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
  });

  it('tells of an interrupted run by its date, and locks its buttons while busy', async () => {
    const { page } = shared;
    const card = await mount(page, 'sc-pending-run', {
      busy: true,
      run: { reason: 'interrupted', epoch: 40, epochs: 100, date: '2026-12-01T21:37:00.000Z', history: [log] },
    });
    const region = card.getByRole('region', { name: 'An unfinished training run' });
    expect(await region.textContent()).toMatch(/interrupted on .*2026.* after 40 of 100 epochs/);
    for (const button of await region.getByRole('button').all()) expect(await button.isDisabled()).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});

describe('sc-refused-list', () => {
  it('lists each refused file with its reason, the first few until asked for all', async () => {
    const { page } = shared;
    const problems = Array.from({ length: 10 }, (_, i) => ({ subject: `a/${i}.png`, code: 'notImage', params: {} }));
    const list = await mount(page, 'sc-refused-list', { problems });
    await expect
      .poll(() => list.getByRole('listitem').first().textContent(), { timeout: 5_000 })
      .toBe('a/0.png: not a PNG or JPEG image');
    expect(await list.getByRole('listitem').count()).toBe(8);
    expect(await accessibilityProblems(page)).toEqual([]);
    await list.getByRole('button', { name: 'Show all 10' }).click();
    expect(await list.getByRole('listitem').count()).toBe(10);
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
