import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foundMessage, loadDataset } from '../../src/engine/data/dataset';
import { decodeFile, listFolder } from '../../src/engine/node/listing';
import { jpg, png, writeTree } from '../helpers/images';

const load = async (root: string, size?: [number, number]) => loadDataset(await listFolder(root), decodeFile, { size });
const white: [number, number, number, number] = [255, 255, 255, 255];

describe('flow_from_directory loader', () => {
  it('takes classes from sorted sub-folder names and files in sorted order', async () => {
    const root = writeTree({
      'triangle/b.png': png(4, 4, () => white),
      'circle/z.png': png(4, 4, () => white),
      'circle/a.png': png(4, 4, () => white),
      'rectangle/m.jpg': jpg(4, 4, () => white),
    });
    const data = await load(root, [4, 4]);
    expect(data.classNames).toEqual(['circle', 'rectangle', 'triangle']);
    expect(data.files.map((f) => f.slice(root.length + 1))).toEqual([
      'circle/a.png',
      'circle/z.png',
      'rectangle/m.jpg',
      'triangle/b.png',
    ]);
    expect(Array.from(data.labels)).toEqual([0, 0, 1, 2]);
    expect(foundMessage(data)).toBe('Found 4 images belonging to 3 classes.');
  });

  it('rescales by 1/255 and keeps RGB order', async () => {
    const root = writeTree({ 'a/x.png': png(1, 1, () => [255, 51, 0, 255], 2), 'b/y.png': png(1, 1, () => white) });
    const data = await load(root, [1, 1]);
    expect(Array.from(data.images.subarray(0, 3))).toEqual([1, 0.2, 0].map(Math.fround));
  });

  it('composites transparent RGBA onto white instead of black', async () => {
    const root = writeTree({
      'a/clear.png': png(2, 1, (x) => (x === 0 ? [0, 0, 0, 0] : [0, 0, 0, 128])),
      'b/y.png': png(2, 1, () => white),
    });
    const data = await load(root, [1, 2]);
    expect(data.images[0]).toBe(1);
    expect(data.images[3]).toBeCloseTo(127 / 255, 5);
  });

  it('expands grayscale to three equal channels', async () => {
    const root = writeTree({ 'a/g.png': png(1, 1, () => [90, 90, 90, 255], 0), 'b/y.png': png(1, 1, () => white) });
    const data = await load(root, [1, 1]);
    expect(Array.from(data.images.subarray(0, 3))).toEqual([90 / 255, 90 / 255, 90 / 255].map(Math.fround));
  });

  it('resizes to the target size by area averaging', async () => {
    // 48x48 with the left half black: the 24x24 result is black on the left, white on the right.
    const root = writeTree({
      'a/big.png': png(48, 48, (x) => (x < 24 ? [0, 0, 0, 255] : white)),
      'b/y.png': png(3, 3, () => white),
    });
    const data = await load(root);
    expect(data.size).toEqual([24, 24]);
    expect(data.images.length).toBe(2 * 24 * 24 * 3);
    expect(data.images[0]).toBe(0);
    expect(data.images[(5 * 24 + 23) * 3]).toBe(1);
    const odd = writeTree({
      'a/x.png': png(36, 36, (x) => (x % 3 === 0 ? [0, 0, 0, 255] : white)),
      'b/y.png': png(2, 2, () => white),
    });
    const thin = await load(odd);
    // A 1-px line every 3 px survives the shrink as grey, not dropped as nearest-neighbour would.
    expect(thin.images[0]!).toBeGreaterThan(0.2);
    expect(thin.images[0]!).toBeLessThan(0.8);
  });

  it('names the file when an image is corrupt, empty or not an image', async () => {
    const good = png(2, 2, () => white);
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['a/broken.png', good.subarray(0, 40), /a\/broken\.png: corrupt PNG/],
      ['a/empty.png', new Uint8Array(0), /a\/empty\.png: empty file \(0 bytes\)/],
      ['a/text.png', 'hello, not an image', /a\/text\.png: not a PNG or JPEG image/],
      ['a/notes.txt', 'hello', /a\/notes\.txt: not a PNG or JPEG image/],
    ];
    for (const [name, bytes, message] of cases) {
      const root = writeTree({ [name]: bytes, 'a/ok.png': good, 'b/ok.png': good });
      await expect(load(root)).rejects.toThrow(message);
    }
  });

  it('refuses missing folders, folders without classes and empty classes', async () => {
    await expect(listFolder('/nonexistent/shapes')).rejects.toThrow('/nonexistent/shapes: folder not found');
    const flat = writeTree({ 'x.png': png(2, 2, () => white) });
    await expect(listFolder(flat)).rejects.toThrow(`${flat}: no class sub-folders`);
    const empty = writeTree({ 'a/x.png': png(2, 2, () => white), 'b/.keep': '' });
    await expect(listFolder(empty)).rejects.toThrow(`${join(empty, 'b')}: no images in this class folder`);
  });
});
