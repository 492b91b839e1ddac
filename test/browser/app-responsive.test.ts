import { describe, expect, inject, it } from 'vitest';
import { launch } from '../../src/tools/chromium';
import { appReady, showTab, textOf } from './ui-app';

declare global {
  interface Window {
    /** Long tasks and frame times on the page thread, recorded from before the app starts. */
    probe: { longTasks: { start: number; duration: number }[]; frames: number[] };
  }
}

/** Installed before the app's own scripts run: a long-task observer and a frame-time recorder. */
const PROBE = () => {
  window.probe = { longTasks: [], frames: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      window.probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const frame = (time: number) => {
    window.probe.frames.push(time);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

describe('training in the worker', () => {
  it('runs on WebGPU (a software fallback adapter here) while the page stays responsive', async () => {
    const context = await launch({ webgpu: true });
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(inject('appUrl'));
    await appReady(page);
    await showTab(page, 'Train');
    await page.getByLabel('Backend', { exact: true }).selectOption('webgpu');
    const backend = page.locator('sc-backend-panel');
    await textOf(backend.locator('dd').first(), /WebGPU/);
    expect(await textOf(backend.locator('dd').nth(1), /\S/)).toMatch(/fallback adapter/);
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
    await page.getByLabel('Augmentation (Keras ImageDataGenerator)').selectOption('none');
    const started = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await textOf(page.locator('sc-train-panel .status'), /Training finished after 1 epochs/, 180_000);
    const { longTasks, frames } = await page.evaluate(() => window.probe);
    await context.close();
    const during = longTasks.filter((t) => t.start >= started);
    const intervals = frames
      .filter((t) => t >= started)
      .slice(1)
      .map((t, i, all) => t - (i === 0 ? started : all[i - 1]!));
    const longest = Math.max(0, ...during.map((t) => t.duration));
    console.log(
      `WebGPU epoch from the UI: ${during.length} long tasks (longest ${longest.toFixed(0)} ms); ` +
        `${intervals.length} frames, interval p50 ${percentile(intervals, 0.5).toFixed(1)} / p95 ${percentile(intervals, 0.95).toFixed(1)} / max ${Math.max(...intervals).toFixed(1)} ms`,
    );
    expect(during).toEqual([]);
    expect(intervals.length).toBeGreaterThan(100);
    expect(percentile(intervals, 0.95)).toBeLessThan(50);
  });
});
