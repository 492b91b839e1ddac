import { describe, expect, it } from 'vitest';
import { accessibilityProblems, componentPage, mount } from '../components';

const shared = componentPage();

describe('sc-storage-status', () => {
  for (const [persisted, said] of [
    [true, /^The browser keeps it/],
    [false, /^The browser may clear it when space runs low.*save a project file/],
    [null, /^This browser does not say/],
  ] as const) {
    it(`says how the data is kept (persisted: ${persisted})`, async () => {
      const { page } = shared;
      const status = await mount(page, 'sc-storage-status', {
        state: { persisted, usage: 2.34 * 1024 * 1024, quota: 2048 * 1024 * 1024 },
      });
      expect(await status.locator('p').first().textContent()).toBe('2.3 MB used of the 2,048 MB this browser allows.');
      expect(await status.locator('p').last().textContent()).toMatch(said);
      expect(await accessibilityProblems(page)).toEqual([]);
    });
  }
});
