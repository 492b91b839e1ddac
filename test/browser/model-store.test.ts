import { describe, expect, it } from 'vitest';
import { sharedEnginePage } from './pages';

const shared = sharedEnginePage({ worker: false });

describe('models saved in IndexedDB', () => {
  it('keep the previous model current when a save fails, and delete cleanly', async () => {
    const result = await shared.page.evaluate(async () => {
      const { tf, ModelStore, openAppDb, createModel } = window.engine.modules;
      await tf.setBackend('cpu');
      const metadata = {
        classNames: ['circle', 'rectangle', 'triangle'],
        inputSize: [24, 24] as [number, number],
        backend: 'cpu' as const,
        date: new Date().toISOString(),
        settings: { epochs: 1, batchSize: 3, learningRate: 0.001, seed: 3, backend: 'cpu' as const },
        history: [],
      };
      const x = tf.ones([1, 24, 24, 3]);
      const probabilities = (m: { predict(x: unknown): unknown }) =>
        Array.from((m.predict(x) as { dataSync(): Float32Array }).dataSync());
      const store = new ModelStore(await openAppDb());
      const first = createModel({ inputSize: [24, 24], classes: 3, seed: 3, learningRate: 0.001 });
      const saved = await store.save(first, metadata);
      const expected = probabilities(first);
      const second = createModel({ inputSize: [24, 24], classes: 3, seed: 4, learningRate: 0.001 });
      second.save = async () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      const error = await store.save(second, metadata).then(
        () => '',
        (e: Error) => e.message,
      );
      const reopened = new ModelStore(await openAppDb());
      const loaded = await reopened.load();
      const tfjsModels = Object.keys(await tf.io.listModels());
      const currentAfterDelete = await reopened.remove(saved.id);
      return {
        error,
        same: JSON.stringify(probabilities(loaded!.model)) === JSON.stringify(expected),
        tfjsModels: tfjsModels.length,
        currentAfterDelete,
        afterDelete: await reopened.load(),
        tfjsAfterDelete: Object.keys(await tf.io.listModels()).length,
      };
    });
    expect(result.error).toMatch(/Could not save the model on this device: The quota has been exceeded/);
    expect(result.same).toBe(true);
    expect(result.tfjsModels).toBe(1);
    expect(result.currentAfterDelete).toBeNull();
    expect(result.afterDelete).toBeNull();
    expect(result.tfjsAfterDelete).toBe(0);
  });
});
