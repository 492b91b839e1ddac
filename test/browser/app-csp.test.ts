import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch } from '../../src/tools/chromium';
import { appReady, draw, outline, showTab, textOf, useTutorialSet } from './ui-app';

/** Every CSP violation the page or any of its workers reports: events on the page, messages from workers. */
function watchViolations(page: Page): () => Promise<string[]> {
  const messages: string[] = [];
  const record = (text: string) => {
    if (/Content Security Policy|Refused to/i.test(text)) messages.push(text);
  };
  page.on('console', (message) => record(message.text()));
  page.on('worker', (worker) => worker.on('console', (message) => record(message.text())));
  return async () => {
    const events = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    return [...events, ...messages];
  };
}

describe('the Content-Security-Policy', () => {
  it('is strict, and the app trains and predicts on every backend without one violation', async () => {
    const context = await launch({ webgpu: true });
    try {
      await context.addInitScript(() => {
        const violations: string[] = [];
        (window as unknown as { violations: string[] }).violations = violations;
        document.addEventListener('securitypolicyviolation', (e) =>
          violations.push(`${e.violatedDirective}: ${e.blockedURI}`),
        );
      });
      const page = await context.newPage();
      const violations = watchViolations(page);
      const response = await page.goto(inject('appUrl'));
      const policy = (await response!.allHeaders())['content-security-policy'] ?? '';
      expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
      expect(policy).not.toMatch(/'unsafe-eval'|https?:|\*/);
      expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(
        /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/,
      );
      await appReady(page);
      await useTutorialSet(page);
      for (const backend of ['wasm-simd', 'webgl', 'cpu', 'webgpu']) {
        await showTab(page, 'Train');
        await page.getByLabel('Backend', { exact: true }).selectOption(backend);
        await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
        await page.getByRole('button', { name: 'Train', exact: true }).click();
        await textOf(page.locator('sc-train-panel .status'), /Training finished after 1 epochs?/, 240_000);
        await showTab(page, 'Predict');
        // The Predict tab's pad (the Dataset tab, visited to choose the set, has one too).
        await draw(page, page.locator('sc-predict-panel sc-draw-pad canvas'), outline('circle'));
        await textOf(page.locator('sc-predict-panel sc-probability-bars [role=status]'), /Most likely|Not a shape/);
      }
      expect(await violations()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
