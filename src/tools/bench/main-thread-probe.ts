// Watches a page's main thread while something else (the training worker) runs: every long task
// (> 50 ms, from the Long Tasks API) and every interval between animation frames. Installed with
// `page.addInitScript` so it sees the page from its first frame; records only between start/stop.
import type { Page } from 'playwright-core';
import { max, quantile } from './stats';

export interface MainThreadStats {
  longTasks: number;
  longestTaskMs: number;
  /** When each long task started and how long it ran, in ms from the start of recording. */
  longTaskTimes: { atMs: number; durationMs: number }[];
  recordedMs: number;
  frames: number;
  frameP50Ms: number;
  frameP95Ms: number;
  frameMaxMs: number;
}

interface Probe {
  recording: boolean;
  startedAt: number;
  longTasks: { atMs: number; durationMs: number }[];
  frames: number[];
}

declare global {
  interface Window {
    benchMainThread: Probe;
  }
}

export function installMainThreadProbe(): void {
  const probe: Probe = { recording: false, startedAt: 0, longTasks: [], frames: [] };
  window.benchMainThread = probe;
  new PerformanceObserver((list) => {
    if (!probe.recording) return;
    for (const entry of list.getEntries())
      probe.longTasks.push({ atMs: entry.startTime - probe.startedAt, durationMs: entry.duration });
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
  await page.evaluate(() =>
    Object.assign(window.benchMainThread, { recording: true, startedAt: performance.now(), longTasks: [], frames: [] }),
  );
}

export async function stopRecording(page: Page): Promise<MainThreadStats> {
  const { longTasks, frames, recordedMs } = await page.evaluate(() => {
    window.benchMainThread.recording = false;
    return { ...window.benchMainThread, recordedMs: performance.now() - window.benchMainThread.startedAt };
  });
  return {
    longTasks: longTasks.length,
    longestTaskMs: longTasks.length ? max(longTasks.map((t) => t.durationMs)) : 0,
    longTaskTimes: longTasks,
    recordedMs,
    frames: frames.length,
    frameP50Ms: quantile(frames, 0.5),
    frameP95Ms: quantile(frames, 0.95),
    frameMaxMs: max(frames),
  };
}
