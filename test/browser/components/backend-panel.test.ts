import { describe, expect, it } from 'vitest';
import { accessibilityProblems, componentPage, mount } from '../components';

const shared = componentPage();
const report = (isolated: boolean, threads: number) => ({
  active: 'wasm-simd',
  device: 'WebAssembly SIMD on the CPU',
  skipped: [],
  isolated,
  threads,
});

/** The thread limits the panel sent, in order. */
async function listenForLimits(page: (typeof shared)['page']): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const sent: number[] = [];
    (window as unknown as { limits: number[] }).limits = sent;
    document.addEventListener('sc-threads-change', (e) => sent.push((e as CustomEvent<number>).detail));
  });
  return () => page.evaluate(() => (window as unknown as { limits: number[] }).limits);
}

describe('sc-backend-panel', () => {
  it('on an isolated page says how many of the cores train, and limits them with a checked field', async () => {
    const { page } = shared;
    const panel = await mount(page, 'sc-backend-panel', { report: report(true, 4), cores: 4 });
    const limits = await listenForLimits(page);
    expect(await panel.locator('dd').last().textContent()).toBe('4 of 4 cores: the page is cross-origin isolated');
    const field = panel.getByRole('spinbutton', { name: 'Most threads to train on' });
    expect(await field.inputValue()).toBe('4');
    expect(await field.isDisabled()).toBe(false);
    expect(await accessibilityProblems(page)).toEqual([]);

    await field.fill('9');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await panel.locator('#threads-problem').textContent()).toBe('Enter a whole number from 1 to 4.');
    expect(await accessibilityProblems(page)).toEqual([]);
    await field.fill('2');
    expect(await field.getAttribute('aria-invalid')).toBe('false');
    expect(await limits()).toEqual([2]);
  });

  it('shows a limit it was given in the thread count', async () => {
    const { page } = shared;
    const panel = await mount(page, 'sc-backend-panel', { report: report(true, 4), cores: 4, threadLimit: 3 });
    expect(await panel.locator('dd').last().textContent()).toBe('3 of 4 cores: the page is cross-origin isolated');
    expect(await panel.getByRole('spinbutton', { name: 'Most threads to train on' }).inputValue()).toBe('3');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('on a page that is not isolated says it trains on one thread, and offers no limit', async () => {
    const { page } = shared;
    const panel = await mount(page, 'sc-backend-panel', { report: report(false, 1), cores: 4 });
    expect(await panel.locator('dd').last().textContent()).toBe('one thread: page not isolated');
    expect(await panel.getByRole('spinbutton', { name: 'Most threads to train on' }).isDisabled()).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('says the same in Korean', async () => {
    const { page } = shared;
    await page.evaluate(() => window.components.setLocale('ko'));
    const panel = await mount(page, 'sc-backend-panel', { report: report(false, 1), cores: 2 });
    expect(await panel.locator('dd').last().textContent()).toBe('스레드 하나: 페이지가 격리되지 않음');
    await page.evaluate(() => window.components.setLocale('en'));
  });
});
