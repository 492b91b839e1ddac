import { describe, expect, it } from 'vitest';
import { accessibilityProblems, componentPage, mount, update } from '../components';

const shared = componentPage();

describe('sc-split-picker', () => {
  it('is a labelled group of radios; arrow keys move the choice and announce a change', async () => {
    const { page } = shared;
    const picker = await mount(page, 'sc-split-picker', {
      label: 'Evaluate on',
      splits: ['test', 'hard'],
      value: 'test',
    });
    const group = picker.getByRole('group', { name: 'Evaluate on' });
    expect(await group.getByRole('radio').count()).toBe(2);
    expect(await group.getByRole('radio', { checked: true }).getAttribute('value')).toBe('test');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.evaluate(() => {
      const element = document.querySelector('sc-split-picker')!;
      element.addEventListener('change', () => ((window as unknown as { changed: string }).changed = element.value));
    });
    await group.getByRole('radio', { checked: true }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (window as unknown as { changed: string }).changed)).toBe('hard');
    expect(await group.getByRole('radio', { checked: true }).getAttribute('value')).toBe('hard');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('can be locked while an evaluation runs', async () => {
    const { page } = shared;
    const picker = await mount(page, 'sc-split-picker', { label: 'Split', value: 'train' });
    await update(page, { disabled: true });
    for (const radio of await picker.getByRole('radio').all()) expect(await radio.isDisabled()).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
