import { describe, expect, it } from 'vitest';
import { accessibilityProblems, componentPage, mount, update } from '../components';

const shared = componentPage();
const classes = ['circle', 'rectangle', 'triangle'];

describe('sc-probability-bars', () => {
  it('waits with a hint in a live region until there is a prediction', async () => {
    const { page } = shared;
    const bars = await mount(page, 'sc-probability-bars', { classes });
    expect(await bars.getByRole('status').textContent()).toMatch(/Draw|draw|image/);
    expect(await bars.getByRole('listitem').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('announces the winner and shows each class with its probability in words and as a bar', async () => {
    const { page } = shared;
    const bars = await mount(page, 'sc-probability-bars', { classes });
    await update(page, { prediction: { label: 'triangle', probabilities: [0.1, 0.15, 0.75] } });
    expect(await bars.getByRole('status').textContent()).toContain('Triangle');
    const items = bars.getByRole('listitem');
    expect(await items.evaluateAll((lis) => lis.map((li) => li.textContent!.replace(/\s+/g, ' ').trim()))).toEqual([
      'Circle 10.0%',
      'Rectangle 15.0%',
      'Triangle 75.0%',
    ]);
    expect(await items.nth(2).getAttribute('class')).toBe('top');
    expect(
      await items
        .nth(2)
        .locator('.bar > span')
        .evaluate((s) => (s as HTMLElement).style.width),
    ).toBe('75%');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('says plainly that a drawing is none of the shapes when the model calls it other', async () => {
    const { page } = shared;
    const bars = await mount(page, 'sc-probability-bars', { classes: ['circle', 'other', 'rectangle', 'triangle'] });
    await update(page, { prediction: { label: 'other', probabilities: [0.1, 0.7, 0.1, 0.1] } });
    expect((await bars.getByRole('status').textContent())!.trim()).toBe(
      'Not a shape: this looks like none of Circle, Rectangle, or Triangle.',
    );
    expect(await bars.getByRole('listitem').nth(1).textContent()).toMatch(/Not a shape\s*70\.0%/);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('compact bars leave out the live region (the winner is said beside them)', async () => {
    const { page } = shared;
    const bars = await mount(page, 'sc-probability-bars', {
      classes,
      compact: true,
      prediction: { label: 'circle', probabilities: [0.9, 0.05, 0.05] },
    });
    expect(await bars.getByRole('status').count()).toBe(0);
    expect(await bars.getByRole('listitem').count()).toBe(3);
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
