import { readFileSync } from 'node:fs';
import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { decodePlainPng } from '../../src/engine/data/plain-png';
import { decodeImage } from '../../src/engine/node/decode';
import { apng, png } from '../helpers/images';

/** What pngjs (Node's decoder, which reads every kind of PNG) makes of the same file. */
const reference = (bytes: Uint8Array) => {
  const { width, height, data } = decodeImage(bytes, 'x');
  return { width, height, data: Array.from(data) };
};
const plain = (bytes: Uint8Array) => {
  const image = decodePlainPng(bytes);
  return image && { width: image.width, height: image.height, data: Array.from(image.data) };
};

describe('decodePlainPng', () => {
  it('matches Node’s decoder on grey, grey + alpha, RGB and RGBA, interlaced or not, and bundled drawings', () => {
    const pixel = (x: number, y: number) => [(x * 37) % 256, (y * 53) % 256, (x * y) % 256, (x + y * 9) % 256];
    const files: Uint8Array[] = [
      readFileSync('public/data/shapes/train/triangle/triangle001.png'),
      png(30, 20, (x, y) => (x < 10 ? [0, 0, 0, 0] : [(x * 7) % 256, (y * 11) % 256, 90, 255])),
      png(24, 24, (x) => [x * 10, x * 10, x * 10, 255], 0),
      png(17, 9, (x, y) => [x * 9, y * 20, 7, 255], 2),
    ];
    for (const channels of [1, 2, 3, 4])
      for (const interlace of ['null', 'Adam7'] as const) {
        const data = new Uint8Array(13 * 11 * channels);
        for (let p = 0; p < 13 * 11; p++)
          for (let c = 0; c < channels; c++) data[p * channels + c] = pixel(p % 13, (p / 13) | 0)[c]!;
        files.push(encode({ width: 13, height: 11, data, channels, depth: 8 }, { interlace }));
      }
    for (const bytes of files) expect(plain(bytes)).toEqual(reference(bytes));
  });

  it('takes an animated PNG’s first frame, as browsers show it', () => {
    const first = png(8, 8, () => [0, 0, 0, 255]);
    const bytes = apng(
      first,
      png(8, 8, () => [255, 255, 255, 255]),
    );
    expect(plain(bytes)).toEqual(reference(first));
  });

  it('leaves 16-bit, palette and colour-keyed PNGs, and broken files, to the full decoder', () => {
    const deep = encode({ width: 4, height: 4, data: new Uint16Array(16 * 3).fill(40_000), channels: 3, depth: 16 });
    const palette = encode({
      width: 4,
      height: 4,
      data: new Uint8Array(16).fill(1),
      channels: 1,
      depth: 8,
      palette: [
        [0, 0, 0],
        [255, 0, 0],
      ],
    });
    const broken = png(8, 8, () => [0, 0, 0, 255]).subarray(0, 60);
    for (const bytes of [deep, palette, broken]) expect(decodePlainPng(bytes)).toBeNull();
    expect(reference(palette).data.slice(0, 4)).toEqual([255, 0, 0, 255]);
  });
});
