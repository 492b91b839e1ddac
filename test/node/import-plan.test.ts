import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describePlan, planImport, type ImportFile } from '../../src/engine/data/import-plan';
import { readZip, writeZip } from '../../src/engine/io/zip';

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

  it('refuses, naming the file or folder, what Keras would misread', () => {
    const cases: [string[], string][] = [
      [['a.png', 'b.png'], 'my.zip/a.png: not inside a class folder'],
      [['cat/1.png', 'cat/2.png'], "my.zip: only one class ('cat')"],
      [[], 'my.zip: no class folders with images'],
      [['a/1.png', 'b/sub/2.png'], 'my.zip/b/sub/2.png: nested folder'],
      [['a/1.png', 'b/notes.txt'], 'my.zip/b/notes.txt: not a PNG or JPEG image'],
      [['a/1.png', 'b/drawing.svg'], 'my.zip/b/drawing.svg: SVG drawings are not supported'],
      [['train/a/1.png', 'test/b/1.png'], 'my.zip/train/b: no training images in this class'],
      [['train/a/1.png', 'train/b/1.png', 'extra/c/1.png'], 'my.zip/extra/c/1.png: outside train/ and test/'],
      [['a/1.png', 'a/1.png', 'b/1.png'], 'my.zip/a/1.png: appears twice'],
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

  it('name a damaged archive, and refuse files too large to be drawings', () => {
    expect(() => readZip(new Uint8Array([80, 75, 3, 4, 9, 9, 9]), 'bad.zip')).toThrow('bad.zip: not a valid .zip file');
    const bomb = zipSync({ 'a/huge.png': [new Uint8Array(40 * 2 ** 20), { level: 9 }] });
    expect(bomb.length).toBeLessThan(2 ** 20);
    expect(() => readZip(bomb, 'bomb.zip')).toThrow('bomb.zip/a/huge.png: file too large');
  });
});
