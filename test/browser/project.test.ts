import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUGMENT_PRESETS, type ProjectSettings } from '../../src/shared/api';
import { shape } from '../helpers/images';
import { openEnginePage, sharedEnginePage, startWorker } from './pages';

/** The device the project is made on, and a fresh one (a new browser profile) it is opened on. */
const made = sharedEnginePage({ worker: true });
let fresh: { page: Page; close: () => Promise<void> };

/** What the training form holds when the project is saved (the runs below train plainly, fast). */
const settings: ProjectSettings = {
  epochs: 7,
  batchSize: 4,
  learningRate: 0.002,
  seed: 4,
  augment: AUGMENT_PRESETS.light,
};
const run = { epochs: 2, batchSize: 3, learningRate: 0.001, seed: 3, backend: 'wasm-simd' } as const;
const probe = Array.from(shape('circle', 7));

/** Everything a device shows of the person's work: dataset, models, each sample's bytes, each model's predictions. */
const state = (page: Page) =>
  page.evaluate(async (probeBytes) => {
    const api = window.api;
    const dataset = await api.samples.list();
    const list = await api.models.list();
    const bytes: Record<string, string> = {};
    for (const s of dataset.user.samples) bytes[s.id] = window.engine.toBase64((await api.samples.image(s.id)).bytes);
    const predictions: Record<string, number[]> = {};
    for (const m of list.models) {
      await api.models.use(m.id);
      const image = { kind: 'encoded' as const, name: 'probe.png', bytes: new Uint8Array(probeBytes).buffer };
      predictions[m.id] = (await api.inference.predict([image]))[0]!.probabilities;
    }
    if (list.current) await api.models.use(list.current);
    return { dataset, list, bytes, predictions };
  }, probe);

/** Prepares and commits a project; a failure comes back as its message. */
const open = (page: Page, name: string, base64: string, mode: 'replace' | 'merge' = 'replace') =>
  page.evaluate(
    async ([n, b, m]) => {
      try {
        const summary = await window.api.projects.prepare(n, window.engine.fromBase64(b));
        return { summary, opened: await window.api.projects.commit(summary.token, m) };
      } catch (error) {
        return { error: (error as Error).message };
      }
    },
    [name, base64, mode] as const,
  );

let project: string;
/** What the project opened as on the fresh device. */
let asOpened: Awaited<ReturnType<typeof state>>;

beforeAll(async () => {
  const opened = await openEnginePage();
  await startWorker(opened.page);
  fresh = { page: opened.page, close: () => opened.context.close() };
  await made.page.evaluate(
    async ([files, r]) => {
      const api = window.api;
      await api.samples.includeBundled(false);
      await api.samples.add(
        files.map(([className, split, bytes], i) => ({
          image: { kind: 'encoded', name: i === 0 ? 'same.png' : `${i}.png`, bytes: new Uint8Array(bytes).buffer },
          className,
          split,
        })),
      );
      const noop = window.engine.proxy(() => undefined);
      const first = await api.training.train(r, noop);
      await api.models.rename(first.saved!.id, '첫 모델');
      await api.training.train({ ...r, seed: 5 }, noop);
      await api.models.use(first.saved!.id);
      // A class without samples yet (training would refuse it) travels too.
      await api.samples.addClass('빈 클래스');
    },
    [
      (['원', '세모'] as const).flatMap((name, c) => [
        ...[0, 1, 2, 3].map((i) => [name, 'train', Array.from(shape(c ? 'triangle' : 'circle', i))] as const),
        ...[4, 5].map((i) => [name, 'test', Array.from(shape(c ? 'triangle' : 'circle', i))] as const),
      ]),
      run,
    ] as const,
  );
  project = await made.page.evaluate(async (s) => window.engine.toBase64(await window.api.projects.save(s)), settings);
});

afterAll(() => fresh?.close());

describe('a project file', () => {
  it('opens on a fresh device as the same samples, classes, starter-set choice, settings, models and predictions', async () => {
    const before = await state(made.page);
    expect(before.list.models).toHaveLength(2);
    expect(before.list.models.some((m) => m.mistakes)).toBe(true);
    const { summary, opened } = await open(fresh.page, 'work.zip', project);
    expect(summary).toMatchObject({ origin: 'work.zip', samples: 12, models: 2, includeBundled: false });
    expect(summary!.classes).toEqual(['빈 클래스', '세모', '원']);
    expect(opened).toMatchObject({ settings, added: { samples: 12, models: 2 } });
    asOpened = await state(fresh.page);
    expect(asOpened.dataset).toEqual(before.dataset);
    expect(asOpened.list).toEqual(before.list);
    expect(asOpened.bytes).toEqual(before.bytes);
    expect(asOpened.predictions).toEqual(before.predictions);
  });

  it('adds nothing twice when merged into a device that has it already', async () => {
    const before = await state(fresh.page);
    const { opened } = await open(fresh.page, 'work.zip', project, 'merge');
    expect(opened).toMatchObject({ added: { samples: 0, models: 0 } });
    expect(opened?.settings).toBeUndefined();
    expect(await state(fresh.page)).toEqual(before);
  });

  it('merges into a device with work of its own: what it lacks is added, the rest of it stays', async () => {
    const ours = await state(fresh.page);
    // This device moves on: a model deleted, a sample its mistakes name deleted and added again
    // (a new id, the same pixels), and a sample of a class of its own.
    const moved = await fresh.page.evaluate(
      async (rectangle) => {
        const api = window.api;
        const { models } = await api.models.list();
        const model = models.find((m) => m.mistakes?.some((x) => x.source.kind === 'sample'))!;
        const source = model.mistakes!.find((x) => x.source.kind === 'sample')!.source as { id: string };
        const info = (await api.samples.list()).user.samples.find((s) => s.id === source.id)!;
        const { bytes } = await api.samples.image(info.id);
        await api.samples.remove([info.id]);
        const image = { kind: 'encoded' as const, name: info.name, bytes };
        const again = await api.samples.add([{ image, className: info.className, split: info.split }]);
        const mine = { kind: 'encoded' as const, name: 'mine.png', bytes: new Uint8Array(rectangle).buffer };
        await api.samples.add([{ image: mine, className: '네모', split: 'train' }]);
        await api.models.remove(model.id);
        return { model: model.id, old: info.id, again: again.added[0]!.id, current: (await api.models.list()).current };
      },
      Array.from(shape('rectangle', 2)),
    );
    const { opened } = await open(fresh.page, 'work.zip', project, 'merge');
    expect(opened?.added).toEqual({ samples: 0, models: 1 });
    const after = await state(fresh.page);
    expect(after.list.current).toBe(moved.current);
    expect(after.dataset.user.classes).toEqual(['네모', '빈 클래스', '세모', '원']);
    expect(after.dataset.user.samples).toHaveLength(13);
    const back = after.list.models.find((m) => m.id === moved.model)!;
    const named = back.mistakes!.flatMap((m) => (m.source.kind === 'sample' ? [m.source.id] : []));
    expect(named).toContain(moved.again);
    expect(named).not.toContain(moved.old);
    expect(after.predictions[moved.model]).toEqual(ours.predictions[moved.model]);
  });

  it('refuses damaged project files by name, and nothing stored changes', async () => {
    const before = await state(fresh.page);
    const files = unzipSync(Buffer.from(project, 'base64'));
    const sample = Object.keys(files).find((p) => p.startsWith('train/'))!;
    const damaged: [string, Record<string, Uint8Array> | Uint8Array, string][] = [
      ['cut.zip', Buffer.from(project, 'base64').subarray(0, 4000), 'cut.zip: not a valid .zip file'],
      ['dataset.zip', { [sample]: files[sample]! }, 'dataset.zip: not a Shape CNN project'],
      ['json.zip', { ...files, 'project.json': strToU8('{') }, 'json.zip/project.json: not valid JSON'],
      ['image.zip', { ...files, [sample]: files[sample]!.subarray(0, 60) }, `image.zip/${sample}: corrupt PNG`],
      [
        'weights.zip',
        { ...files, 'models/2/weights.bin': files['models/2/weights.bin']!.subarray(0, 100) },
        'weights.zip/models/2/weights.bin: holds 100 bytes',
      ],
      [
        'class.zip',
        { ...files, [`train/${'긴'.repeat(65)}/x.png`]: files[sample]! },
        `class.zip/train/${'긴'.repeat(65)}/x.png: class name:`,
      ],
    ];
    for (const [name, content, message] of damaged) {
      const bytes = content instanceof Uint8Array ? content : zipSync(content, { level: 0 });
      const result = await open(fresh.page, name, Buffer.from(bytes).toString('base64'));
      expect(result.error, name).toContain(message);
    }
    const stale = await fresh.page.evaluate(() =>
      window.api.projects.commit('no-such-token', 'replace').then(
        () => '',
        (e: Error) => e.message,
      ),
    );
    expect(stale).toBe('nothing to open: choose the project file again');
    expect(await state(fresh.page)).toEqual(before);
  });

  it('replaces what a device holds, models and samples included, when asked to', async () => {
    // The device the project came from moves on: a new sample, a model deleted.
    await made.page.evaluate(
      async (bytes) => {
        const api = window.api;
        await api.samples.add([
          {
            image: { kind: 'encoded', name: 'new.png', bytes: new Uint8Array(bytes).buffer },
            className: '원',
            split: 'train',
          },
        ]);
        const { models } = await api.models.list();
        await api.models.remove(models[0]!.id);
      },
      Array.from(shape('rectangle', 3)),
    );
    const { opened } = await open(made.page, 'work.zip', project, 'replace');
    expect(opened).toMatchObject({ added: { samples: 12, models: 2 } });
    expect(await state(made.page)).toEqual(asOpened);
  });
});
