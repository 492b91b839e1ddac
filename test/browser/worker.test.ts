import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { BackendName, TrainSettings } from '../../src/shared/api';
import { openEnginePage } from './pages';

/** A page with the training worker started and opened on the bundled tutorial-sized set. */
async function openWorker(webgpu: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await openEnginePage({ webgpu });
  await page.evaluate(async (appUrl) => {
    const api = window.engine.startWorker();
    (window as unknown as { api: typeof api }).api = api;
    await api.app.open(appUrl);
    await api.samples.useBundledSet('tutorial');
  }, inject('pagesUrl'));
  return { context, page };
}

const oneEpoch: TrainSettings = { epochs: 1, batchSize: 3, learningRate: 0.001, seed: 3, backend: 'auto' };

/**
 * One worker trains on each backend in turn, as a person switching backends would (a browser and
 * worker per backend cost seconds each); calibration gets a fresh profile below.
 */
let shared: { context: BrowserContext; page: Page };
beforeAll(async () => {
  shared = await openWorker(true);
});
afterAll(async () => {
  await shared?.context.close();
});

describe('the training worker', () => {
  for (const backend of ['webgpu', 'webgl', 'wasm-simd', 'cpu'] as BackendName[]) {
    it(`trains one epoch on ${backend} in the worker and reports it`, async () => {
      const result = await shared.page.evaluate(
        async (settings) => {
          const { proxy } = window.engine;
          const api = (window as unknown as { api: ReturnType<typeof window.engine.startWorker> }).api;
          const events: string[] = [];
          const outcome = await api.training.train(
            settings,
            proxy((event) => {
              if (event.type === 'backend') events.push(`backend:${event.report.active}`);
              else if (event.type === 'batch') events.push(`batch:${event.progress.batch}/${event.progress.batches}`);
              else events.push(event.type);
            }),
          );
          return { events, outcome, report: await api.backend.use(settings.backend) };
        },
        { ...oneEpoch, backend },
      );
      expect(result.events[0]).toBe(`backend:${backend}`);
      // Batch progress goes out at most every 50 ms, in order, and always for the epoch's last batch.
      const batches = result.events.filter((e) => e.startsWith('batch:')).map((e) => Number(e.split(/[:/]/)[1]));
      expect(batches.at(-1)).toBe(15);
      expect(batches).toEqual([...new Set(batches)].sort((a, b) => a - b));
      expect(result.events.at(-1)).toBe('epoch');
      expect(result.outcome.history).toHaveLength(1);
      // The first epoch from seed 3 on every path: loss ≈ 1.25, accuracy a whole number of 45 images.
      const [log] = result.outcome.history;
      expect(log!.loss).toBeCloseTo(1.256, 1);
      expect(Math.abs(log!.acc * 45 - Math.round(log!.acc * 45))).toBeLessThan(1e-4);
      expect(log!.valLoss).toBeCloseTo(1.065, 1);
      expect(result.outcome.evaluation?.count).toBe(15);
      expect(result.outcome.saved?.metadata.backend).toBe(backend);
      expect(result.report.active).toBe(backend);
      if (backend === 'webgpu') expect(result.report.device).toMatch(/fallback adapter/);
    });
  }

  it("calibrates on first 'auto' use, remembers the result, and trains on the fastest correct path", async () => {
    const { context, page } = await openWorker(true);
    const result = await page.evaluate(async (settings) => {
      const { proxy } = window.engine;
      const api = (window as unknown as { api: ReturnType<typeof window.engine.startWorker> }).api;
      const first = await api.backend.use('auto');
      const again = await api.backend.use('auto');
      const outcome = await api.training.train(
        { ...settings, epochs: 1 },
        proxy(() => undefined),
      );
      return { first, again, outcome };
    }, oneEpoch);
    await context.close();
    const { calibration } = result.first;
    expect(calibration?.results.map((r) => r.backend).sort()).toEqual(['cpu', 'wasm-simd', 'webgl', 'webgpu']);
    for (const r of calibration!.results.filter((r) => r.backend !== 'cpu')) {
      expect(r.ok, `${r.backend}: ${r.reason}`).toBe(true);
      expect(r.msPerStep).toBeGreaterThan(0);
    }
    // The reference cpu backend is not timed when the WebAssembly path, on the same CPU, works.
    expect(calibration!.results.find((r) => r.backend === 'cpu')).toMatchObject({ ok: false, reason: /not measured/ });
    const fastest = [...calibration!.results].sort((a, b) => a.msPerStep! - b.msPerStep!)[0]!.backend;
    expect(calibration!.chosen).toBe(fastest);
    expect(result.first.active).toBe(fastest);
    expect(result.again.calibration).toEqual(calibration);
    expect(result.outcome.saved?.metadata.backend).toBe(fastest);
  });
});
