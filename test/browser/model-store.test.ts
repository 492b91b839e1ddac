import { describe, expect, inject, it } from 'vitest';
import { openEnginePage } from './pages';

/**
 * Room for the app's database as it opens (about 5 kB) and little more: the record of a new
 * model (its curves, evaluation and mistakes) does not fit, after its weights were written.
 */
const QUOTA = 8 * 1024;

describe('saving a model when storage runs out (a real quota, in the worker)', () => {
  it('keeps what is stored as it was, says why, and leaves no partial files behind', async () => {
    const { context, page } = await openEnginePage();
    try {
      const origin = new URL(inject('pagesUrl')).origin;
      const cdp = await context.newCDPSession(page);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: QUOTA });
      await page.evaluate(async (appUrl) => {
        window.api = window.engine.startWorker();
        await window.api.app.open(appUrl);
      }, inject('pagesUrl'));
      const state = () =>
        page.evaluate(async () => {
          // tfjs keeps the artifacts in its own database.
          const artifacts = await new Promise<string[]>((resolve, reject) => {
            const open = indexedDB.open('tensorflowjs');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const names = [...open.result.objectStoreNames];
              if (!names.includes('models_store')) return resolve([]);
              const keys = open.result.transaction('models_store').objectStore('models_store').getAllKeys();
              keys.onsuccess = () => resolve(keys.result.map(String));
            };
          });
          return { models: await window.api.models.list(), dataset: await window.api.samples.list(), artifacts };
        });
      const before = await state();
      const settings = { epochs: 1, batchSize: 3, learningRate: 0.001, seed: 3, backend: 'wasm-simd' as const };
      const error = await page.evaluate(
        (s) =>
          window.api.training
            .train(
              s,
              window.engine.proxy(() => undefined),
            )
            .then(
              () => '',
              (e: Error) => e.message,
            ),
        settings,
      );
      expect(error).toBe('Could not save the model on this device: not enough storage space');
      expect(await state()).toEqual(before);
      expect(before.artifacts).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
