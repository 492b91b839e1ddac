import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import type { BackendName, TrainSettings } from '../../src/shared/api';
import { launch } from './chromium';
import { startDevServer } from './dev-server';

let server: ViteDevServer;
let url: string;

beforeAll(async () => {
  ({ server, url } = await startDevServer());
});
afterAll(async () => {
  await server?.close();
});

/** A page with the training worker started and opened on the bundled dataset. */
async function openWorker(webgpu: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launch({ webgpu });
  const page = await context.newPage();
  await page.goto(`${url}test/browser/pages/engine.html`);
  await page.waitForFunction(() => window.engineReady, undefined, { timeout: 60_000 });
  await page.evaluate(async (appUrl) => {
    const api = window.engine.startWorker();
    (window as unknown as { api: typeof api }).api = api;
    await api.open(appUrl);
  }, url);
  return { context, page };
}

const oneEpoch: TrainSettings = { epochs: 1, batchSize: 3, learningRate: 0.001, seed: 3, backend: 'auto' };

describe('the training worker', () => {
  for (const backend of ['webgpu', 'webgl', 'cpu'] as BackendName[]) {
    it(`trains one epoch on ${backend} in the worker and reports it`, async () => {
      const { context, page } = await openWorker(backend === 'webgpu');
      const result = await page.evaluate(async (settings) => {
        const { proxy } = window.engine;
        const api = (window as unknown as { api: ReturnType<typeof window.engine.startWorker> }).api;
        const events: string[] = [];
        const outcome = await api.train(
          settings,
          proxy((event) => {
            events.push(event.type === 'backend' ? `backend:${event.report.active}` : event.type);
          }),
        );
        return { events, outcome, report: await api.useBackend(settings.backend) };
      }, { ...oneEpoch, backend });
      await context.close();
      expect(result.events[0]).toBe(`backend:${backend}`);
      expect(result.events.filter((e) => e === 'batch')).toHaveLength(15);
      expect(result.events.at(-1)).toBe('epoch');
      expect(result.outcome.history).toHaveLength(1);
      expect(result.outcome.evaluation?.count).toBe(15);
      expect(result.outcome.saved?.metadata.backend).toBe(backend);
      expect(result.report.active).toBe(backend);
      if (backend === 'webgpu') expect(result.report.device).toMatch(/fallback adapter/);
    });
  }
});
