import { describe, expect, inject, it } from 'vitest';
import { openEnginePage } from './pages';

/** One model fits, two do not: the tutorial model's weights alone are 3.36 MB. */
const QUOTA = 5 * 1024 * 1024;

describe('saving a model when storage runs out (a real quota, in the worker)', () => {
  it('keeps the model in use and its predictions, says why, and leaves no partial files behind', async () => {
    const { context, page } = await openEnginePage();
    try {
      const origin = new URL(inject('pagesUrl')).origin;
      const cdp = await context.newCDPSession(page);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: QUOTA });
      await page.evaluate(async (appUrl) => {
        window.api = window.engine.startWorker();
        await window.api.app.open(appUrl);
        await window.api.samples.useBundledSet('tutorial');
      }, inject('pagesUrl'));
      const train = (seed: number) =>
        page.evaluate(
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
          { epochs: 1, batchSize: 3, learningRate: 0.001, seed, backend: 'wasm-simd' as const },
        );
      const state = () =>
        page.evaluate(async (appUrl) => {
          const bytes = await (await fetch(new URL('data/shapes/test/circle/circle001.png', appUrl))).arrayBuffer();
          const [prediction] = await window.api.inference.predict([{ kind: 'encoded', name: 'probe.png', bytes }]);
          // tfjs keeps the artifacts in its own database.
          const artifacts = await new Promise<string[]>((resolve, reject) => {
            const open = indexedDB.open('tensorflowjs');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const keys = open.result.transaction('models_store').objectStore('models_store').getAllKeys();
              keys.onsuccess = () => resolve(keys.result.map(String));
            };
          });
          return { models: await window.api.models.list(), probabilities: prediction!.probabilities, artifacts };
        }, inject('pagesUrl'));

      expect(await train(3)).toBe('');
      const before = await state();
      expect(before.artifacts).toHaveLength(1);
      // tfjs says a save is done before IndexedDB has committed it: the app reads the model back.
      expect(await train(4)).toBe('Could not save the model on this device: not enough storage space');
      expect(await state()).toEqual(before);
    } finally {
      await context.close();
    }
  });
});
