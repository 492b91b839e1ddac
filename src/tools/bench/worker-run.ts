// One training run in the app's worker (production build) in a fresh headless Chromium: the page
// drives the worker over Comlink exactly as the UI does (open, then train with an event proxy).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page, Worker } from 'playwright-core';
import type * as Comlink from 'comlink';
import type {
  AugmentOptions,
  BackendName,
  ExposedShapesApi,
  TrainEvent,
  TrainResult,
  TrainSettings,
} from '../../shared/api';
import type { ServedApp } from './app-build';
import { KEEP_NAMES_SHIM, launchChromium, samplePeak, type Browser } from './chromium';
import { installMainThreadProbe, startRecording, stopRecording } from './main-thread-probe';
import { pathLabel, type MemorySample, type TrainRun } from './types';

const COMLINK_UMD = createRequire(import.meta.url).resolve('comlink/dist/umd/comlink.js');

declare global {
  interface Window {
    Comlink: typeof Comlink;
    benchApi: Comlink.Remote<ExposedShapesApi>;
    benchEpochEnded(epoch: number): void;
  }
}

/** An opened worker on a page of the built app, ready to train. */
export interface WorkerPage {
  browser: Browser;
  page: Page;
  worker: Worker;
  /** Called (in Node) when the worker reports an epoch; set per training run. */
  onEpoch?: (epoch: number) => void;
}

export async function openWorkerPage(
  app: ServedApp,
  backend: BackendName,
  datasetUrl = app.appUrl,
): Promise<WorkerPage> {
  const browser = await launchChromium({ webgpu: backend === 'webgpu' });
  const page = await browser.context.newPage();
  await page.addInitScript(KEEP_NAMES_SHIM);
  await page.addInitScript(installMainThreadProbe);
  await page.goto(app.hostUrl);
  await page.waitForFunction(() => typeof window.benchStartWorker === 'function');
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy refuses the inline
  // script that addScriptTag would make of it.
  await page.evaluate(readFileSync(COMLINK_UMD, 'utf8'));
  const started = page.waitForEvent('worker');
  await page.evaluate(async (url) => {
    window.benchApi = window.Comlink.wrap<ExposedShapesApi>(window.benchStartWorker());
    await window.benchApi.app.open(url);
    // The bench times the tutorial-sized class folders (or generated ones in their place), not the
    // real-drawing starter set the app trains on by default.
    await window.benchApi.samples.useBundledSet('tutorial');
  }, datasetUrl);
  const opened: WorkerPage = { browser, page, worker: await started };
  await page.exposeFunction('benchEpochEnded', (epoch: number) => opened.onEpoch?.(epoch));
  return opened;
}

/** Points the open worker at another dataset root (`data/shapes/index.json` and `data/starter/` under it). */
export async function reopen(w: WorkerPage, datasetUrl: string): Promise<void> {
  await w.page.evaluate(async (url) => void (await window.benchApi.app.open(url)), datasetUrl);
}

/** tf.memory() (tfjs keeps its engine on the global object) and the probe's wasm bytes, in the worker. */
export async function workerMemory(worker: Worker, epoch: number): Promise<MemorySample> {
  return worker.evaluate((e) => {
    const g = globalThis as unknown as {
      _tfengine: { memory(): { numTensors: number; numBytes: number } };
      __benchWasmBytes(): number;
    };
    const { numTensors, numBytes } = g._tfengine.memory();
    return { epoch: e, numTensors, numBytes, wasmBytes: g.__benchWasmBytes() };
  }, epoch);
}

export interface TrainOptions {
  epochs: number;
  /** Record tf/wasm memory after each epoch (one worker evaluate per epoch: negligible cost). */
  memoryEachEpoch?: boolean;
  /** The tutorial's 3 unless given. */
  batchSize?: number;
  augment?: AugmentOptions;
  /** TrainSettings.threads: the fast path's thread limit (unset: every core). */
  threads?: number;
  /** The app's default pipeline (fit to frame, redrawn, predicted over quarter turns) instead of the tutorial's. */
  pipeline?: Pick<TrainSettings, 'fitFrame' | 'redraw'>;
}

/**
 * Trains on the open page; peak memory is Chromium's whole-tree RSS above its level just before.
 * Memory samples are taken while the next epoch runs, so the last one overlaps evaluate + save.
 */
export async function trainOnPage(w: WorkerPage, backend: BackendName, options: TrainOptions): Promise<TrainRun> {
  const { page, worker, browser } = w;
  const memory: MemorySample[] = [];
  const pending: Promise<void>[] = [];
  w.onEpoch = options.memoryEachEpoch
    ? (epoch) => void pending.push(workerMemory(worker, epoch).then((sample) => void memory.push(sample)))
    : undefined;
  const idle = browser.rssBytes();
  const peak = samplePeak(browser.rssBytes);
  await startRecording(page);
  const { epochs, batchSize = 3, augment, threads, pipeline } = options;
  const settings: TrainSettings = {
    ...{ epochs, batchSize, learningRate: 0.001, seed: 3, backend, augment, threads },
    ...pipeline,
  };
  const { result, device, cores, wallSeconds } = await page.evaluate(async (s) => {
    let device = '';
    let cores = 1;
    const onEvent = (event: TrainEvent) => {
      if (event.type === 'backend') [device, cores] = [event.report.device, event.report.threads ?? 1];
      if (event.type === 'epoch') window.benchEpochEnded(event.log.epoch);
    };
    const started = performance.now();
    const result: TrainResult = await window.benchApi.training.train(s, window.Comlink.proxy(onEvent));
    return { result, device, cores, wallSeconds: (performance.now() - started) / 1000 };
  }, settings);
  const mainThread = await stopRecording(page);
  const peakBytes = peak.stop();
  await Promise.all(pending);
  const last = result.history.at(-1);
  if (!last) throw new Error(`${backend}: training produced no epochs`);
  return {
    path: pathLabel(backend, Math.min(threads ?? cores, cores)),
    runtime: 'chromium worker',
    seconds: result.history.map((h) => h.seconds),
    loss: last.loss,
    valLoss: last.valLoss,
    testAccuracy: result.evaluation?.accuracy ?? NaN,
    wallSeconds,
    peakMemoryBytes: Math.max(0, peakBytes - idle),
    memory: memory.sort((a, b) => a.epoch - b.epoch),
    device,
    mainThread,
  };
}

/** A whole run: fresh browser, open, train, close. */
export async function trainInWorker(app: ServedApp, backend: BackendName, options: TrainOptions): Promise<TrainRun> {
  const w = await openWorkerPage(app, backend);
  try {
    return await trainOnPage(w, backend, options);
  } finally {
    await w.browser.close();
  }
}

/** Round trips of `predict` on one encoded 24x24 PNG from the bundled test split, in ms. */
export async function predictLatencies(w: WorkerPage, appUrl: string, count: number): Promise<number[]> {
  return w.page.evaluate(
    async ([url, n]) => {
      const bytes = await (await fetch(new URL('data/shapes/test/circle/circle001.png', url))).arrayBuffer();
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        // Transferred like the UI's bridge does; a fresh copy each time since transfer empties it.
        const copy = bytes.slice(0);
        const started = performance.now();
        await window.benchApi.inference.predict(
          window.Comlink.transfer([{ kind: 'encoded', name: 'circle001.png', bytes: copy }], [copy]),
        );
        times.push(performance.now() - started);
      }
      return times;
    },
    [appUrl, count] as const,
  );
}
