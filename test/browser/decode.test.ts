import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { toModelInput } from '../../src/engine/data/pixels';
import { decodeImage } from '../../src/engine/node/decode';
import { apng, jpg, png } from '../helpers/images';
import { sharedEnginePage } from './pages';

const shared = sharedEnginePage({ worker: false });

const inBrowser = (bytes: Uint8Array, size: [number, number]) =>
  shared.page.evaluate(([b, s]) => window.engine.modelInput(b, s), [Array.from(bytes), size] as const);
const inNode = (bytes: Uint8Array, size: [number, number]) => Array.from(toModelInput(decodeImage(bytes, 'x'), size));

describe('browser and Node decoding', () => {
  it('give the same tensor for the same bundled PNG', async () => {
    const bytes = readFileSync('public/data/shapes/train/triangle/triangle001.png');
    expect(await inBrowser(bytes, [24, 24])).toEqual(inNode(bytes, [24, 24]));
  });

  it('give the same tensor for RGBA with transparency, grayscale and a resize', async () => {
    const rgba = png(30, 20, (x, y) => (x < 10 ? [0, 0, 0, 0] : [(x * 7) % 256, (y * 11) % 256, 90, 255]));
    const gray = png(24, 24, (x) => [x * 10, x * 10, x * 10, 255], 0);
    for (const bytes of [rgba, gray]) expect(await inBrowser(bytes, [24, 24])).toEqual(inNode(bytes, [24, 24]));
  });

  it('agree on a JPEG within decoder rounding', async () => {
    const bytes = jpg(24, 24, (x, y) => [x * 10, y * 10, 128, 255]);
    const browser = await inBrowser(bytes, [24, 24]);
    const node = inNode(bytes, [24, 24]);
    const worst = Math.max(...browser.map((v, i) => Math.abs(v - node[i]!)));
    // Three 8-bit levels: libjpeg-turbo and jpeg-js round their IDCTs differently (float32 slack added).
    expect(worst).toBeLessThanOrEqual(3 / 255 + 1e-6);
  });

  it('agree on a 1×1 image, a 10000×1 strip, and an animated PNG (its first frame)', async () => {
    const dot = png(1, 1, () => [40, 80, 120, 255]);
    const strip = png(10_000, 1, (x) => (x % 100 < 50 ? [0, 0, 0, 255] : [255, 255, 255, 255]));
    const black = png(24, 24, () => [0, 0, 0, 255]);
    const white = png(24, 24, () => [255, 255, 255, 255]);
    const animated = apng(black, white);
    for (const bytes of [dot, strip, animated])
      expect(await inBrowser(bytes, [24, 24])).toEqual(inNode(bytes, [24, 24]));
    expect(inNode(dot, [24, 24]).slice(0, 3)).toEqual([40, 80, 120].map((v) => Math.fround(v / 255)));
    expect(new Set(inNode(animated, [24, 24]))).toEqual(new Set([0]));
  });

  it('names the file for a corrupt image', async () => {
    const broken = png(8, 8, () => [0, 0, 0, 255]).subarray(0, 60);
    await expect(inBrowser(broken, [24, 24])).rejects.toThrow(/test: corrupt PNG/);
  });
});
