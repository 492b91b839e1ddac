import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../src/tools/dataset/generate';
import { CLASSES, DEFAULT_SEED, SPLITS } from '../../src/tools/dataset/layout';

const listFiles = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(root.length + 1)
        .split('\\')
        .join('/'),
    )
    .sort();

const sha = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Hash of each file's bytes, or of its decoded pixels, keyed by relative path: small, readable diffs. */
const fingerprint = (root: string, of: 'bytes' | 'pixels'): Record<string, string> =>
  Object.fromEntries(
    listFiles(root).map((path) => {
      const bytes = readFileSync(join(root, path));
      return [path, of === 'pixels' && path.endsWith('.png') ? sha(PNG.sync.read(bytes).data) : sha(bytes)];
    }),
  );

describe('generateDataset', () => {
  let dir: string;
  let out: string;
  let sheet: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'shapes-dataset-'));
    out = join(dir, 'shapes');
    sheet = join(dir, 'dataset.png');
    generateDataset({ out, sheet, seed: DEFAULT_SEED });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // The bundled drawings are real now (HDS); the generator makes the bench's larger synthetic sets.
  it('writes the same files, byte for byte, from the same seed', () => {
    const again = join(dir, 'again');
    generateDataset({ out: again, sheet: join(dir, 'again.png'), seed: DEFAULT_SEED });
    expect(fingerprint(again, 'bytes')).toEqual(fingerprint(out, 'bytes'));
    expect(sha(readFileSync(join(dir, 'again.png')))).toBe(sha(readFileSync(sheet)));
  });

  it('writes the expected number of images per split and class', () => {
    for (const split of SPLITS) {
      for (const cls of CLASSES) {
        expect(readdirSync(join(out, split.name, cls)), `${split.name}/${cls}`).toHaveLength(split.perClass);
      }
    }
    expect(SPLITS.map((s) => [s.name, s.perClass])).toEqual([
      ['train', 15],
      ['test', 5],
      ['hard', 10],
    ]);
  });

  it('writes 24x24 8-bit RGB PNGs', () => {
    const pngs = listFiles(out).filter((path) => path.endsWith('.png'));
    expect(pngs).toHaveLength(90);
    for (const path of pngs) {
      const bytes = readFileSync(join(out, path));
      // IHDR is the first chunk: width, height, bit depth, colour type (2 = RGB, no alpha).
      expect(bytes.subarray(12, 16).toString('latin1'), path).toBe('IHDR');
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20), bytes[24], bytes[25]], path).toEqual([24, 24, 8, 2]);
    }
  });

  it('writes an index.json listing exactly the files on disk', () => {
    const text = readFileSync(join(out, 'index.json'), 'utf8');
    const index = JSON.parse(text) as { splits: Record<string, Record<string, string[]>> };
    expect(text).toBe(`${JSON.stringify(index, null, 2)}\n`);
    expect(Object.keys(index)).toEqual(['version', 'imageSize', 'classes', 'splits']);
    expect(index).toMatchObject({ version: 1, imageSize: [24, 24], classes: ['circle', 'rectangle', 'triangle'] });
    expect(Object.keys(index.splits)).toEqual(['train', 'test', 'hard']);

    const listed = Object.values(index.splits).flatMap((byClass) => Object.values(byClass).flat());
    expect([...listed].sort()).toEqual(listFiles(out).filter((path) => path.endsWith('.png')));
    for (const [split, byClass] of Object.entries(index.splits)) {
      expect(Object.keys(byClass)).toEqual([...CLASSES]);
      for (const [cls, files] of Object.entries(byClass)) {
        expect(files).toEqual([...files].sort());
        for (const [i, file] of files.entries())
          expect(file).toBe(`${split}/${cls}/${cls}${String(i + 1).padStart(3, '0')}.png`);
      }
    }
  });

  it('gives a different dataset for a different seed', () => {
    const other = join(dir, 'other');
    generateDataset({ out: other, sheet: join(dir, 'other.png'), seed: DEFAULT_SEED + 1 });
    expect(sha(readFileSync(join(other, 'train/circle/circle001.png')))).not.toBe(
      sha(readFileSync(join(out, 'train/circle/circle001.png'))),
    );
  });
});
