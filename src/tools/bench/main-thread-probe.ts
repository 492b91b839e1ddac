// Watches a page's main thread while something else (the training worker) runs: every long task
// (> 50 ms, from the Long Tasks API) and every interval between animation frames. Installed with
// `page.addInitScript` so it sees the page from its first frame; records only between start/stop.
import type { Page } from 'playwright-core';
import { max, quantile } from './stats';

export interface MainThreadStats {
  longTasks: number;
  longestTaskMs: number;
  frames: number;
  frameP50Ms: number;
  frameP95Ms: number;
  frameMaxMs: number;
}

interface Probe {
  recording: boolean;
  longTasks: number[];
  frames: number[];
}

declare global {
  interface Window {
    benchMainThread: Probe;
  }
}

export function installMainThreadProbe(): void {
  const probe: Probe = { recording: false, longTasks: [], frames: [] };
  window.benchMainThread = probe;
  new PerformanceObserver((list) => {
    if (probe.recording) for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
  let last: number | undefined;
  const tick = (now: number) => {
    if (probe.recording && last !== undefined) probe.frames.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export async function startRecording(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window.benchMainThread, { recording: true, longTasks: [], frames: [] }));
}

export async function stopRecording(page: Page): Promise<MainThreadStats> {
  const { longTasks, frames } = await page.evaluate(() => {
    window.benchMainThread.recording = false;
    return window.benchMainThread;
  });
  return {
    longTasks: longTasks.length,
    longestTaskMs: longTasks.length ? max(longTasks) : 0,
    frames: frames.length,
    frameP50Ms: quantile(frames, 0.5),
    frameP95Ms: quantile(frames, 0.95),
    frameMaxMs: max(frames),
  };
}
