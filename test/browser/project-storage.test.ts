import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { modelToFiles } from '../../src/engine/io/model-files';
import { projectToZip, type ProjectToSave } from '../../src/engine/io/project';
import { createModel } from '../../src/engine/model/model';
import { TUTORIAL_SETTINGS } from '../../src/shared/api';
import { shape } from '../helpers/images';
import { openEnginePage, startWorker } from './pages';

const { backend: _, ...settings } = TUTORIAL_SETTINGS;
let device: Awaited<ReturnType<typeof openEnginePage>>;

/** A project of six images of two classes and `models` untrained models, made in Node. */
async function project(models: number): Promise<string> {
  const model = createModel({ inputSize: [24, 24], classes: 2, seed: 1, learningRate: 0.001 });
  const metadata = {
    classNames: ['a', 'b'],
    inputSize: [24, 24] as [number, number],
    backend: 'cpu' as const,
    date: '2026-12-01T10:00:00.000Z',
    settings: TUTORIAL_SETTINGS,
    history: [],
  };
  const files = await modelToFiles(model, metadata);
  model.dispose();
  const samples = (['a', 'b'] as const).flatMap((className, c) =>
    [0, 1, 2].map((i) => ({
      id: `${className}${i}`,
      name: `${i}.png`,
      addedAt: '2026-12-01T10:00:00.000Z',
      className,
      split: 'train' as const,
      type: 'image/png',
      bytes: new Uint8Array(shape(c ? 'triangle' : 'circle', i)),
    })),
  );
  const content: ProjectToSave = {
    savedAt: '2026-12-01T10:00:00.000Z',
    classes: ['a', 'b'],
    includeBundled: false,
    bundledSet: 'tutorial',
    settings,
    current: models ? 'm0' : null,
    samples,
    models: Array.from({ length: models }, (_, i) => ({ id: `m${i}`, name: `model ${i}`, files })),
  };
  return Buffer.from(projectToZip(content)).toString('base64');
}

/** Opens a project with the worker; a failure comes back as its message. */
const open = (name: string, base64: string) =>
  device.page.evaluate(
    async ([n, b]) => {
      try {
        const { token } = await window.api.projects.prepare(n, window.engine.fromBase64(b));
        return { opened: await window.api.projects.commit(token, 'replace') };
      } catch (error) {
        return { error: (error as Error).message };
      }
    },
    [name, base64] as const,
  );

const stored = () =>
  device.page.evaluate(async () => ({
    dataset: await window.api.samples.list(),
    models: await window.api.models.list(),
  }));

/** The models tfjs keeps in IndexedDB (its own database), by key. */
const modelFiles = () =>
  device.page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open('tensorflowjs');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const keys = request.result.transaction('model_info_store').objectStore('model_info_store').getAllKeys();
          keys.onsuccess = () => resolve(keys.result.map(String));
        };
      }),
  );

beforeAll(async () => {
  await tf.setBackend('cpu');
  // A fresh profile whose origin may store 100 KiB (Chromium checks it per stored value): a
  // project's samples fit, a model's 3 MB of weights do not.
  device = await openEnginePage();
  const cdp = await device.context.newCDPSession(device.page);
  await cdp.send('Storage.overrideQuotaForOrigin', {
    origin: new URL(inject('pagesUrl')).origin,
    quotaSize: 100 * 1024,
  });
  await startWorker(device.page);
});

afterAll(() => device?.context.close());

describe('a project on a full device', () => {
  it('leaves the device as it was when storage runs out in the middle of opening a project', async () => {
    expect((await open('samples.zip', await project(0))).opened?.added).toEqual({ samples: 6, models: 0 });
    const before = await stored();
    const result = await open('work.zip', await project(2));
    expect(result.error).toBe(
      'work.zip: could not be opened (not enough storage space on this device); nothing on this device changed',
    );
    expect(await stored()).toEqual(before);
    // The model files written before storage ran out were removed again.
    expect(await modelFiles()).toEqual([]);
  });
});
