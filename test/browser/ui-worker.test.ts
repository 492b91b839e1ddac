import { describe, expect, it, inject } from 'vitest';
import { launch } from '../../src/tools/chromium';
import { alertText } from './ui-app';

describe('a training worker that cannot start', () => {
  it('is reported in an alert instead of leaving the app waiting', async () => {
    const context = await launch();
    try {
      await context.route(/shapes\.worker-[^/]*\.js$/, (route) => route.abort());
      const page = await context.newPage();
      await page.goto(inject('appUrl'));
      expect(await alertText(page)).toMatch(
        /^Something went wrong The training worker failed to start; reload the page to try again/,
      );
    } finally {
      await context.close();
    }
  });
});
