import { zipSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { shape } from '../helpers/images';
import { sharedEnginePage } from './pages';

const shared = sharedEnginePage({ worker: true });

const settings = { epochs: 2, batchSize: 3, learningRate: 0.001, seed: 3, backend: 'wasm-simd' as const };
const probe = Array.from(shape('circle', 4));

/** Probabilities of the current model for one image. */
const predict = () =>
  shared.page.evaluate(
    async (bytes) =>
      (
        await window.api.inference.predict([
          { kind: 'encoded', name: 'probe.png', bytes: new Uint8Array(bytes).buffer },
        ])
      )[0]!,
    probe,
  );

describe('models of your own', () => {
  it('trains on your own Korean classes only, keeps several named models, and evaluates with mistakes', async () => {
    const images = { 원: 'circle', 세모: 'triangle' } as const;
    const result = await shared.page.evaluate(
      async ([files, s]) => {
        const api = window.api;
        await api.samples.includeBundled(false);
        await api.samples.add(
          files.map(([className, split, bytes], i) => ({
            image: { kind: 'encoded', name: `${i}.png`, bytes: new Uint8Array(bytes).buffer },
            className,
            split,
          })),
        );
        const first = await api.training.train(
          s,
          window.engine.proxy(() => undefined),
        );
        const second = await api.training.train(
          { ...s, seed: 4 },
          window.engine.proxy(() => undefined),
        );
        const renamed = await api.models.rename(first.saved!.id, '첫 모델');
        const evaluation = await api.inference.evaluate('test');
        return { first, second, renamed, evaluation, list: await api.models.list() };
      },
      [
        Object.entries(images).flatMap(([name, kind]) => [
          ...[0, 1, 2, 3, 4, 5].map((i) => [name, 'train', Array.from(shape(kind, i))] as const),
          ...[6, 7].map((i) => [name, 'test', Array.from(shape(kind, i))] as const),
        ]),
        settings,
      ] as const,
    );
    expect(result.first.saved!.metadata.classNames).toEqual(['세모', '원']);
    expect(result.first.history).toHaveLength(2);
    expect(result.list.models.map((m) => m.id)).toEqual([result.second.saved!.id, result.first.saved!.id]);
    expect(result.list.current).toBe(result.second.saved!.id);
    expect(result.list.models[1]!.name).toBe('첫 모델');
    expect(result.renamed).toEqual(result.list);
    // Training answers with the test split's evaluation and its mistakes, as a later evaluation does.
    expect(result.second.evaluation).toEqual(result.evaluation);
    expect(result.second.saved!.mistakes).toEqual(result.evaluation.mistakes);
    expect(result.evaluation.count).toBe(4);
    expect(result.evaluation.mistakes).toHaveLength(Math.round((1 - result.evaluation.accuracy) * 4));
    for (const m of result.evaluation.mistakes) expect(m.source.kind).toBe('sample');
  });

  it('exports a model as a zip and imports it back with identical predictions', async () => {
    const before = await predict();
    const exported = await shared.page.evaluate(async () => {
      const { current } = await window.api.models.list();
      return window.engine.toBase64(await window.api.models.exportModel(current!));
    });
    expect(Object.keys(unzipSync(Buffer.from(exported, 'base64'))).sort()).toEqual([
      'metadata.json',
      'model.json',
      'weights.bin',
    ]);
    const imported = await shared.page.evaluate(
      async (text) => window.api.models.importModel('내 모델.zip', window.engine.fromBase64(text)),
      exported,
    );
    const current = imported.models.find((m) => m.id === imported.current);
    expect(current?.name).toBe('내 모델');
    expect((await shared.page.evaluate(() => window.api.models.list())).current).toBe(imported.current);
    expect(await predict()).toEqual(before);
  });

  it('refuses damaged model archives by name and changes nothing', async () => {
    const before = await shared.page.evaluate(() => window.api.models.list());
    const exported = await shared.page.evaluate(
      async (id) => window.engine.toBase64(await window.api.models.exportModel(id!)),
      before.current,
    );
    const files = unzipSync(Buffer.from(exported, 'base64'));
    const json = JSON.parse(new TextDecoder().decode(files['model.json']));
    const wrongShape = structuredClone(json);
    wrongShape.modelTopology.config.layers[0].config.batch_input_shape = [null, 32, 32, 3];
    const damaged: [string, Record<string, Uint8Array>, string][] = [
      [
        'no-weights.zip',
        { 'model.json': files['model.json']!, 'metadata.json': files['metadata.json']! },
        'no-weights.zip/weights.bin: missing weights file',
      ],
      [
        'short.zip',
        { ...files, 'weights.bin': files['weights.bin']!.subarray(0, 1000) },
        'short.zip/weights.bin: holds 1000 bytes',
      ],
      [
        'bad-json.zip',
        { ...files, 'model.json': new TextEncoder().encode('{"modelTopology":') },
        'bad-json.zip/model.json: not valid JSON',
      ],
      [
        'shape.zip',
        { ...files, 'model.json': new TextEncoder().encode(JSON.stringify(wrongShape)) },
        'shape.zip/model.json',
      ],
      ['not-a-zip.zip', { x: new Uint8Array(0) }, 'not-a-zip.zip'],
    ];
    for (const [name, content, message] of damaged) {
      const bytes = Buffer.from(
        name === 'not-a-zip.zip' ? new TextEncoder().encode('hello') : zipSync(content),
      ).toString('base64');
      const error = await shared.page.evaluate(
        async ([n, b]) =>
          window.api.models.importModel(n, window.engine.fromBase64(b)).then(
            () => '',
            (e: Error) => e.message,
          ),
        [name, bytes] as const,
      );
      expect(error, name).toContain(message);
    }
    expect(await shared.page.evaluate(() => window.api.models.list())).toEqual(before);
  });

  it('refuses a run that diverges: the model in use and its predictions stay', async () => {
    const before = await shared.page.evaluate(() => window.api.models.list());
    const probabilities = await predict();
    const error = await shared.page.evaluate(
      (s) =>
        window.api.training
          .train(
            { ...s, learningRate: 50 },
            window.engine.proxy(() => undefined),
          )
          .then(
            () => '',
            (e: Error) => e.message,
          ),
      settings,
    );
    expect(error).toMatch(
      /training diverged at epoch 1 .*the learning rate 50 is too large; try a smaller one such as 5/,
    );
    expect(await shared.page.evaluate(() => window.api.models.list())).toEqual(before);
    expect(await predict()).toEqual(probabilities);
  });

  it('switches and deletes models; deleting the current one makes the newest remaining current', async () => {
    const { models, current } = await shared.page.evaluate(() => window.api.models.list());
    const oldest = models.at(-1)!;
    const used = await shared.page.evaluate((id) => window.api.models.use(id), oldest.id);
    expect(used.current).toBe(oldest.id);
    expect((await shared.page.evaluate(() => window.api.models.list())).current).toBe(oldest.id);
    const after = await shared.page.evaluate((id) => window.api.models.remove(id), oldest.id);
    expect(after.models.map((m) => m.id)).not.toContain(oldest.id);
    expect(after.current).toBe(models[0]!.id);
    expect(current).toBe(models[0]!.id);
  });
});
