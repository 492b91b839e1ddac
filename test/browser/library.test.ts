import { zipSync } from 'fflate';
import { describe, expect, inject, it } from 'vitest';
import type { ImportSource } from '../../src/shared/api';
import { png, shape } from '../helpers/images';
import { openEnginePage, sharedEnginePage } from './pages';

const shared = sharedEnginePage({ worker: true });

/** Calls the worker API from the page; byte arrays travel as plain number arrays. */
const zipSource = (name: string, files: Record<string, Uint8Array>): { name: string; bytes: number[] } => ({
  name,
  bytes: Array.from(zipSync(Object.fromEntries(Object.entries(files).map(([p, b]) => [p, [b, { level: 0 }]])))),
});

async function prepare(source: { name: string; bytes: number[] }, testFraction = 0.2) {
  return shared.page.evaluate(
    ([s, f]) =>
      window.api.imports.prepare(
        { kind: 'zip', name: s.name, bytes: new Uint8Array(s.bytes).buffer } as ImportSource,
        f,
      ),
    [source, testFraction] as const,
  );
}

const samples = () => shared.page.evaluate(async () => (await window.api.samples.list()).user);

const KOREAN = { 원: 'circle', 삼각형: 'triangle' } as const;

describe('your own dataset in the worker', () => {
  it('imports a zip of Korean class folders after a Keras-style summary, and exports it back identically', async () => {
    const files: Record<string, Uint8Array> = {};
    for (const [name, kind] of Object.entries(KOREAN)) {
      for (let i = 0; i < 5; i++) files[`내 그림/${name.normalize('NFD')}/${i}.png`] = shape(kind, i);
    }
    const summary = await prepare(zipSource('그림.zip', files));
    expect(summary.classNames).toEqual(['삼각형', '원']);
    expect(summary.found).toEqual({
      train: 'Found 8 images belonging to 2 classes.',
      test: 'Found 2 images belonging to 2 classes.',
    });
    expect((await samples()).samples).toHaveLength(0);
    const committed = await shared.page.evaluate((t) => window.api.imports.commit(t), summary.token);
    expect(committed.count).toBe(10);
    const stored = await samples();
    // The commit answers with the dataset as now stored.
    expect(committed.dataset.user).toEqual(stored);
    expect(stored.classes).toEqual(['삼각형', '원']);
    const exported = await shared.page.evaluate(async () =>
      Array.from(new Uint8Array(await window.api.imports.exportDataset())),
    );
    const again = await prepare({ name: 'export.zip', bytes: exported });
    expect(again.layout).toBe('split');
    expect(again.counts).toEqual(summary.counts);
    const bytesOf = (all: Record<string, Uint8Array>) =>
      Object.values(all)
        .map((b) => Buffer.from(b).toString('base64'))
        .sort();
    const { unzipSync } = await import('fflate');
    expect(bytesOf(unzipSync(new Uint8Array(exported)))).toEqual(bytesOf(files));
  });

  it('refuses bad files and layouts by name, storing nothing', async () => {
    const before = await samples();
    const good = shape('circle', 0);
    const huge = Buffer.from(png(8, 8, () => [255, 255, 255, 255]));
    huge.writeUInt32BE(20000, 16);
    huge.writeUInt32BE(20000, 20);
    const cases: [Record<string, Uint8Array>, string][] = [
      [{ 'a/1.png': good, 'b/1.png': good.subarray(0, 60) }, 'bad.zip/b/1.png: corrupt PNG'],
      [{ 'a/1.png': good, 'b/1.png': new Uint8Array(0) }, 'bad.zip/b/1.png: empty file (0 bytes)'],
      [
        { 'a/1.png': good, 'b/1.png': new TextEncoder().encode('not a picture') },
        'bad.zip/b/1.png: not a PNG or JPEG image',
      ],
      [
        { 'a/1.png': good, 'b/1.svg': new TextEncoder().encode('<svg/>') },
        'bad.zip/b/1.svg: SVG drawings are not supported',
      ],
      [{ 'a/1.png': good, 'b/1.png': huge }, 'bad.zip/b/1.png: image too large (20000x20000'],
      [{ 'a.png': good, 'b.png': good }, 'bad.zip/a.png: not inside a class folder'],
      [{ 'a/1.png': good, 'a/2.png': good }, "bad.zip: only one class ('a')"],
      [{ 'train/a/1.png': good, 'test/b/1.png': good }, 'bad.zip/train/b: no training images in this class'],
    ];
    for (const [files, message] of cases)
      await expect(prepare(zipSource('bad.zip', files)), message).rejects.toThrow(message);
    expect(await samples()).toEqual(before);
  });

  it('imports 16-bit PNGs', async () => {
    const { PNG } = await import('pngjs');
    const deep = new PNG({ width: 4, height: 4, bitDepth: 16, colorType: 0, inputColorType: 0, inputHasAlpha: false });
    deep.data = Buffer.from(new Uint16Array(16).fill(40000).buffer);
    const bytes = PNG.sync.write(deep, { bitDepth: 16, colorType: 0, inputColorType: 0, inputHasAlpha: false });
    const summary = await prepare(zipSource('deep.zip', { 'x/1.png': bytes, 'y/1.png': shape('circle', 1) }), 0);
    expect(summary.found.train).toBe('Found 2 images belonging to 2 classes.');
  });

  it('adds drawn and uploaded samples, moves, renames and deletes them', async () => {
    const uploaded = Array.from(shape('triangle', 2));
    const result = await shared.page.evaluate(async (upload) => {
      const api = window.api;
      const rgba = new Uint8ClampedArray(40 * 30 * 4).fill(255);
      const { added } = await api.samples.add([
        {
          image: { kind: 'pixels', name: 'drawing.png', width: 40, height: 30, rgba: rgba.buffer },
          className: '네모',
          split: 'train',
        },
        {
          image: { kind: 'encoded', name: 'tri.png', bytes: new Uint8Array(upload).buffer },
          className: '삼각형',
          split: 'test',
        },
      ]);
      await api.samples.move([added[1]!.id], { split: 'train' });
      await api.samples.addClass('별');
      const renamed = (await api.samples.renameClass('네모', '사각형')).user;
      const broken = await api.samples
        .add([
          {
            image: { kind: 'encoded', name: 'ok.png', bytes: new Uint8Array(upload).buffer },
            className: '별',
            split: 'train',
          },
          {
            image: { kind: 'encoded', name: 'broken.png', bytes: new Uint8Array(upload.slice(0, 50)).buffer },
            className: '별',
            split: 'train',
          },
        ])
        .then(
          () => '',
          (e: Error) => e.message,
        );
      const afterBroken = (await api.samples.list()).user;
      const image = await api.samples.image(added[0]!.id);
      await api.samples.remove([added[0]!.id]);
      await api.samples.removeClass('별');
      const bad = await api.samples.addClass(' / ').then(
        () => '',
        (e: Error) => e.message,
      );
      const final = (await api.samples.list()).user;
      return {
        renamed,
        broken,
        afterBroken,
        pngSignature: Array.from(new Uint8Array(image.bytes).slice(1, 4)),
        final,
        bad,
      };
    }, uploaded);
    const mine = (list: typeof result.final) =>
      list.samples.filter((s) => !['원', '삼각형'].includes(s.className) || s.name === 'tri.png');
    expect(result.renamed.classes).toEqual(['별', '사각형', '삼각형', '원']);
    expect(mine(result.renamed).map((s) => [s.className, s.split, s.name])).toEqual([
      ['사각형', 'train', 'drawing.png'],
      ['삼각형', 'train', 'tri.png'],
    ]);
    expect(result.broken).toContain('broken.png: corrupt PNG');
    expect(result.afterBroken).toEqual(result.renamed);
    expect(String.fromCharCode(...result.pngSignature)).toBe('PNG');
    expect(result.final.classes).toEqual(['사각형', '삼각형', '원']);
    expect(mine(result.final).map((s) => s.name)).toEqual(['tri.png']);
    expect(result.bad).toContain('class name');
  });

  it('keeps what was imported before when storage runs out in the middle of an import', async () => {
    // A fresh profile whose origin has a 100 KiB quota from the start (Chromium reads it when the
    // database opens, and checks it per stored value): the third image of big.zip cannot fit.
    const fresh = await openEnginePage();
    const cdp = await fresh.context.newCDPSession(fresh.page);
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: new URL(inject('pagesUrl')).origin,
      quotaSize: 100 * 1024,
    });
    const result = await fresh.page.evaluate(
      async ([appUrl, small, big]) => {
        const api = window.engine.startWorker();
        await api.app.open(appUrl);
        await api.samples.includeBundled(false);
        const load = async (name: string, bytes: number[]) =>
          api.imports.commit(
            (await api.imports.prepare({ kind: 'zip', name, bytes: new Uint8Array(bytes).buffer }, 0)).token,
          );
        await load('small.zip', small);
        const before = (await api.samples.list()).user;
        const error = await load('big.zip', big).then(
          () => '',
          (e: Error) => e.message,
        );
        return { before, error, after: (await api.samples.list()).user };
      },
      [
        inject('pagesUrl'),
        zipSource('small.zip', { 'a/1.png': shape('circle', 1), 'b/1.png': shape('triangle', 1) }).bytes,
        zipSource('big.zip', { 'a/1.png': shape('circle', 2), 'a/2.png': shape('circle', 3), 'b/3.png': noisyPng(1) })
          .bytes,
      ] as const,
    );
    await fresh.context.close();
    expect(result.before.samples).toHaveLength(2);
    expect(result.error).toContain(
      'big.zip: could not be imported (not enough storage space on this device); nothing from it was stored',
    );
    expect(result.after).toEqual(result.before);
  });
});

/** A valid 256x256 PNG of random noise: about 190 kB that no compression can shrink. */
function noisyPng(seed: number): Uint8Array {
  let state = seed + 1;
  const random = () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return (state >>> 16) & 255;
  };
  return png(256, 256, () => [random(), random(), random(), 255], 2);
}
