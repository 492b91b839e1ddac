import { zipSync } from 'fflate';
import { describe, expect, inject, it } from 'vitest';
import type { ImportSource } from '../../src/shared/api';
import { PROBLEMS } from '../../src/shared/problem-messages';
import { describeProblem } from '../../src/shared/problems';
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
    // The export is laid out like flow_from_directory, and holds nothing new for this device.
    await expect(prepare({ name: 'export.zip', bytes: exported })).rejects.toThrow(
      'export.zip: nothing new: all 10 images are already stored',
    );
    const exportedPaths = Object.keys((await import('fflate')).unzipSync(new Uint8Array(exported)));
    expect(exportedPaths.every((p) => /^(train|test)\/(원|삼각형)\/\d\.png$/.test(p))).toBe(true);
    expect(exportedPaths.filter((p) => p.startsWith('test/'))).toHaveLength(2);
    const bytesOf = (all: Record<string, Uint8Array>) =>
      Object.values(all)
        .map((b) => Buffer.from(b).toString('base64'))
        .sort();
    const { unzipSync } = await import('fflate');
    expect(bytesOf(unzipSync(new Uint8Array(exported)))).toEqual(bytesOf(files));
  });

  it('judges an import file by file: each bad file is listed with its reason and the rest can go ahead', async () => {
    const before = await samples();
    // Pictures the first test did not store: a stored one would be refused as a duplicate.
    const good = shape('rectangle', 0);
    const other = shape('rectangle', 1);
    const huge = Buffer.from(png(8, 8, () => [255, 255, 255, 255]));
    huge.writeUInt32BE(20000, 16);
    huge.writeUInt32BE(20000, 20);
    const bad: [string, Uint8Array, string][] = [
      ['b/1.png', good.subarray(0, 60), 'bad.zip/b/1.png: corrupt PNG'],
      ['b/2.png', new Uint8Array(0), 'bad.zip/b/2.png: empty file (0 bytes)'],
      ['b/3.png', new TextEncoder().encode('not a picture'), 'bad.zip/b/3.png: not a PNG or JPEG image'],
      ['b/4.svg', new TextEncoder().encode('<svg/>'), 'bad.zip/b/4.svg: SVG drawings are not supported'],
      ['b/5.png', huge, 'bad.zip/b/5.png: image too large (20000x20000'],
      ['6.png', good, 'bad.zip/6.png: not inside a class folder'],
      ['b/7.png', good, 'bad.zip/b/7.png: the same image as bad.zip/a/1.png: skipped'],
    ];
    const summary = await prepare(
      zipSource('bad.zip', { 'a/1.png': good, 'c/1.png': other, ...Object.fromEntries(bad.map(([p, b]) => [p, b])) }),
      0,
    );
    expect(summary.classNames).toEqual(['a', 'c']);
    expect(summary.found.train).toBe('Found 2 images belonging to 2 classes.');
    const said = summary.refused.map((p) => [p.subject, p.code]);
    expect(said).toHaveLength(bad.length);
    const messages = summary.refused.map((p) => describeProblem(p, PROBLEMS[p.code]));
    for (const [, , message] of bad)
      expect(
        messages.some((m) => m.startsWith(message)),
        message,
      ).toBe(true);
    expect(await samples()).toEqual(before);
  });

  it('refuses, naming it, an import that cannot train at all, storing nothing', async () => {
    const before = await samples();
    const good = shape('rectangle', 2);
    const cases: [Record<string, Uint8Array>, string][] = [
      [{ 'a.png': good, 'b.png': good }, 'bad.zip/a.png: not inside a class folder'],
      [{ 'a/1.png': good, 'a/2.png': shape('rectangle', 3) }, "bad.zip: only one class ('a')"],
      // Its only file left out, class b is gone: the file that was left out explains it.
      [{ 'a/1.png': good, 'b/1.png': good.subarray(0, 60) }, 'bad.zip/b/1.png: corrupt PNG'],
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
    const summary = await prepare(zipSource('deep.zip', { 'x/1.png': bytes, 'y/1.png': shape('rectangle', 4) }), 0);
    expect(summary.found.train).toBe('Found 2 images belonging to 2 classes.');
  });

  it('adds drawn and uploaded samples file by file, moves, renames and deletes them', async () => {
    const uploaded = Array.from(shape('rectangle', 5));
    const star = Array.from(shape('rectangle', 6));
    const result = await shared.page.evaluate(
      async ([upload, another]) => {
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
        const mixed = await api.samples.add(
          [
            ['ok.png', another],
            ['broken.png', upload.slice(0, 50)],
            ['again.png', upload],
          ].map(([name, bytes]) => ({
            image: { kind: 'encoded', name: name as string, bytes: new Uint8Array(bytes as number[]).buffer },
            className: '별',
            split: 'train',
          })),
        );
        const afterMixed = (await api.samples.list()).user;
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
          mixed,
          afterMixed,
          pngSignature: Array.from(new Uint8Array(image.bytes).slice(1, 4)),
          final,
          bad,
        };
      },
      [uploaded, star] as const,
    );
    const mine = (list: typeof result.final) =>
      list.samples.filter((s) => !['원', '삼각형'].includes(s.className) || s.name === 'tri.png');
    expect(result.renamed.classes).toEqual(['별', '사각형', '삼각형', '원']);
    expect(mine(result.renamed).map((s) => [s.className, s.split, s.name])).toEqual([
      ['사각형', 'train', 'drawing.png'],
      ['삼각형', 'train', 'tri.png'],
    ]);
    // The good file is stored; the broken one and the one already stored (as 삼각형/tri.png) are refused, named.
    expect(result.mixed.added.map((s) => s.name)).toEqual(['ok.png']);
    expect(result.mixed.refused.map((p) => describeProblem(p, PROBLEMS[p.code]))).toEqual([
      expect.stringContaining('broken.png: corrupt PNG'),
      'again.png: the same image as 삼각형/tri.png: skipped',
    ]);
    expect(result.afterMixed.samples.map((s) => s.name).sort()).toEqual(
      [...result.renamed.samples.map((s) => s.name), 'ok.png'].sort(),
    );
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
