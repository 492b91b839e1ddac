import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describePlan, planImport, type ImportFile } from '../../src/engine/data/import-plan';
import { readZip, writeZip } from '../../src/engine/io/zip';
import { PROBLEMS } from '../../src/shared/problem-messages';
import { describeProblem } from '../../src/shared/problems';

const file = (path: string, bytes = new Uint8Array([1, 2, 3])): ImportFile => ({ path, bytes });
const plan = (paths: string[], testFraction = 0.2) =>
  planImport(
    paths.map((p) => file(p)),
    'my.zip',
    { testFraction, seed: 3 },
  );

describe('reading a flow_from_directory layout out of a folder or zip', () => {
  it('reads train/ and test/ class folders inside a wrapping folder, classes sorted', () => {
    const result = plan([
      'shapes/train/b/1.png',
      'shapes/train/a/2.jpg',
      'shapes/test/a/3.JPEG',
      'shapes/train/b/.DS_Store',
      '__MACOSX/x',
    ]);
    expect(result.layout).toBe('split');
    expect(result.classNames).toEqual(['a', 'b']);
    expect(result.samples.map((s) => [s.split, s.className, s.path])).toEqual([
      ['train', 'b', 'train/b/1.png'],
      ['train', 'a', 'train/a/2.jpg'],
      ['test', 'a', 'test/a/3.JPEG'],
    ]);
    expect(describePlan(result)).toEqual({
      train: 'Found 2 images belonging to 2 classes.',
      test: 'Found 1 images belonging to 1 classes.',
    });
  });

  it('reads bare class folders and sets aside a seeded test fraction of each class', () => {
    const paths = ['원', '삼각형'].flatMap((c) => Array.from({ length: 10 }, (_, i) => `${c}/${i}.png`));
    const first = plan(paths, 0.2);
    expect(first.layout).toBe('classes');
    expect(first.classNames).toEqual(['삼각형', '원'].sort());
    for (const c of first.classNames)
      expect(first.samples.filter((s) => s.className === c && s.split === 'test')).toHaveLength(2);
    expect(plan(paths, 0.2).samples.map((s) => s.split)).toEqual(first.samples.map((s) => s.split));
    expect(plan(paths, 0).samples.every((s) => s.split === 'train')).toBe(true);
  });

  it('treats Korean folder names written decomposed (NFD, as macOS zips do) as the same class', () => {
    const nfd = '원'.normalize('NFD');
    const result = plan([`${nfd}/1.png`, '원/2.png', '네모/1.png', '네모/2.png']);
    expect(result.classNames).toEqual(['네모', '원']);
    expect(result.samples.filter((s) => s.className === '원')).toHaveLength(2);
  });

  it('leaves out, each with its reason, the files Keras would misread, and keeps the rest', () => {
    const cases: [string, string][] = [
      ['b.png', 'my.zip/b.png: not inside a class folder'],
      ['b/sub/2.png', 'my.zip/b/sub/2.png: nested folder'],
      ['b/notes.txt', 'my.zip/b/notes.txt: not a PNG or JPEG image'],
      ['b/drawing.svg', 'my.zip/b/drawing.svg: SVG drawings are not supported'],
      ['a/1.png', 'my.zip/a/1.png: appears twice'],
      ['../c/1.png', 'my.zip/../c/1.png: unsafe path'],
      ['/etc/c/1.png', 'my.zip//etc/c/1.png: unsafe path'],
      ['a/./2.png', 'my.zip/a/./2.png: unsafe path'],
      ['C:/a/3.png', 'my.zip/C:/a/3.png: unsafe path'],
      ['a\\4.png', 'my.zip/a\\4.png: unsafe path'],
    ];
    const result = plan(['a/1.png', 'b/1.png', ...cases.map(([path]) => path)]);
    expect(result.samples.map((s) => s.path)).toEqual(['a/1.png', 'b/1.png']);
    expect(result.classNames).toEqual(['a', 'b']);
    const said = result.refused.map((p) => describeProblem(p, PROBLEMS[p.code]));
    expect(said).toHaveLength(cases.length);
    for (const [, message] of cases)
      expect(
        said.some((m) => m.startsWith(message)),
        message,
      ).toBe(true);
    // Never a class named '..', whatever the archive holds.
    expect(plan(['../1.png', 'a/1.png', 'b/1.png']).classNames).toEqual(['a', 'b']);
  });

  it('refuses, naming the folder, a layout that cannot train at all', () => {
    const cases: [string[], string][] = [
      [['a.png', 'b.png'], 'my.zip/a.png: not inside a class folder'],
      [['cat/1.png', 'cat/2.png'], "my.zip: only one class ('cat')"],
      [[], 'my.zip: no class folders with images'],
      [['train/a/1.png', 'test/b/1.png'], 'my.zip/train/b: no training images in this class'],
      [['a/1.png', 'b/notes.txt'], 'my.zip/b/notes.txt: not a PNG or JPEG image'],
      [['Circle/1.png', 'circle/2.png', 'b/1.png'], "my.zip: classes 'Circle' and 'circle' differ only in case"],
    ];
    for (const [paths, message] of cases) expect(() => plan(paths), message).toThrow(message);
  });
});

describe('zip archives', () => {
  it('round-trip files byte for byte', () => {
    const files: [string, Uint8Array][] = [
      ['train/원/a.png', new Uint8Array([137, 80, 78, 71, 1, 2])],
      ['test/b/c.json', new TextEncoder().encode('{"x":1}')],
    ];
    const back = readZip(writeZip(files), 'x.zip');
    expect(back.map((f) => [f.path, Array.from(f.bytes)])).toEqual(files.map(([p, b]) => [p, Array.from(b)]));
  });

  it('reads names written without the UTF-8 flag as UTF-8 or Korean EUC-KR, and refuses any other encoding', () => {
    const won = { utf8: [0xec, 0x9b, 0x90], eucKr: [0xbf, 0xf8] };
    expect(readZip(legacyZip(won.utf8), 'mac.zip').map((f) => f.path)).toEqual(['원/1.png']);
    expect(readZip(legacyZip(won.eucKr), 'windows.zip').map((f) => f.path)).toEqual(['원/1.png']);
    expect(() => readZip(legacyZip([0xff, 0xfe]), 'odd.zip')).toThrow('odd.zip/ÿþ/1.png: file name is not UTF-8');
  });

  it('name a damaged archive, and refuse files too large to be drawings', () => {
    expect(() => readZip(new Uint8Array([80, 75, 3, 4, 9, 9, 9]), 'bad.zip')).toThrow('bad.zip: not a valid .zip file');
    const bomb = zipSync({ 'a/huge.png': [new Uint8Array(40 * 2 ** 20), { level: 9 }] });
    expect(bomb.length).toBeLessThan(2 ** 20);
    expect(() => readZip(bomb, 'bomb.zip')).toThrow('bomb.zip/a/huge.png: file too large');
  });
});

/**
 * A zip whose one entry's folder name is these raw bytes with the UTF-8 flag cleared, as older
 * tools write (fflate always writes UTF-8 names): the placeholder is patched in both headers.
 */
function legacyZip(folder: number[]): Uint8Array {
  const placeholder = 'X'.repeat(folder.length);
  const zip = zipSync({ [`${placeholder}/1.png`]: new Uint8Array([1, 2, 3]) });
  const signature = (at: number, value: number) => new DataView(zip.buffer).getUint32(at, true) === value;
  for (let at = 0; at + 4 < zip.length; at++) {
    const local = signature(at, 0x04034b50);
    const central = signature(at, 0x02014b50);
    if (!local && !central) continue;
    zip[at + (local ? 7 : 9)]! &= ~0x08; // bit 11 of the flags: names are UTF-8
    zip.set(folder, at + (local ? 30 : 46));
  }
  return zip;
}
