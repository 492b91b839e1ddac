import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/data/random';
import { changeStrokeWidth, strokeWidthBatch } from '../../src/engine/data/stroke-width';

const size = [24, 24] as const;
const pixels = 24 * 24 * 3;

/** A ring of radius 7 drawn 2 pixels wide, dark on white, HWC in [0, 1]. */
function ring(ink: readonly [number, number, number] = [0, 0, 0]): Float32Array {
  const image = new Float32Array(pixels).fill(1);
  for (let y = 0; y < 24; y++) {
    for (let x = 0; x < 24; x++) {
      const d = Math.hypot(x + 0.5 - 12, y + 0.5 - 12);
      if (d > 6 && d < 8) image.set(ink, (y * 24 + x) * 3);
    }
  }
  return image;
}

/** Total darkness of the red channel: how much ink there is. */
const ink = (image: Float32Array) => image.filter((_, i) => i % 3 === 0).reduce((sum, v) => sum + (1 - v), 0);

describe('changeStrokeWidth', () => {
  it('leaves the image unchanged at radius 0', () => {
    expect(changeStrokeWidth(ring(), size, 0)).toEqual(ring());
  });

  it('adds and removes ink monotonically with the radius, fractional radii included', () => {
    const radii = [-1.5, -1, -0.6, -0.3, 0, 0.3, 0.6, 1, 1.2, 1.5, 2, 2.5];
    const amounts = radii.map((r) => ink(changeStrokeWidth(ring(), size, r)));
    for (let i = 1; i < amounts.length; i++) expect(amounts[i]!).toBeGreaterThan(amounts[i - 1]!);
  });

  it('grows a 1-pixel line to 3 pixels at radius 1 and erases it at radius -1', () => {
    const line = new Float32Array(pixels).fill(1);
    for (let x = 4; x < 20; x++) line.fill(0, (12 * 24 + x) * 3, (12 * 24 + x + 1) * 3);
    const thick = changeStrokeWidth(line, size, 1);
    const column = (image: Float32Array) => Array.from({ length: 24 }, (_, y) => image[(y * 24 + 10) * 3]!);
    expect(column(thick).filter((v) => v === 0)).toHaveLength(3);
    expect(ink(changeStrokeWidth(line, size, -1))).toBe(0);
  });

  it('keeps coloured ink its colour', () => {
    const blue = changeStrokeWidth(ring([0.1, 0.2, 0.6]), size, 1.5);
    const centreOfStroke = (12 * 24 + 12 + 7) * 3;
    expect(Array.from(blue.subarray(centreOfStroke, centreOfStroke + 3))).toEqual([0.1, 0.2, 0.6].map(Math.fround));
  });

  it('works on one channel at any resolution', () => {
    const grey = Float32Array.from({ length: 70 * 70 }, (_, p) => (p % 70 === 35 ? 0 : 255));
    const thick = changeStrokeWidth(grey, [70, 70], 3, 1);
    expect(thick.filter((v) => v === 0)).toHaveLength(70 * 7);
  });
});

describe('strokeWidthBatch', () => {
  const images = new Float32Array(4 * pixels);
  for (let i = 0; i < 4; i++) images.set(ring(), i * pixels);
  const rows = Int32Array.from([0, 1, 2, 3]);
  const options = { radius: [-0.5, 1.5] as [number, number] };

  it('is deterministic for a seed and differs between seeds', () => {
    const a = strokeWidthBatch(images, rows, size, options, createRng(3));
    expect(strokeWidthBatch(images, rows, size, options, createRng(3))).toEqual(a);
    expect(strokeWidthBatch(images, rows, size, options, createRng(4))).not.toEqual(a);
  });

  it('gives each image its own width within the range', () => {
    const batch = strokeWidthBatch(images, rows, size, options, createRng(5));
    const amounts = [0, 1, 2, 3].map((i) => ink(batch.subarray(i * pixels, (i + 1) * pixels)));
    expect(new Set(amounts).size).toBe(4);
    for (const amount of amounts) {
      expect(amount).toBeGreaterThanOrEqual(ink(changeStrokeWidth(ring(), size, -0.5)));
      expect(amount).toBeLessThanOrEqual(ink(changeStrokeWidth(ring(), size, 1.5)));
    }
  });
});
