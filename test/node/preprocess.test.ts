import { describe, expect, it } from 'vitest';
import { FIT_FRAME_DEFAULTS, PLAIN_RESIZE, TUTORIAL_SETTINGS, DEFAULT_SETTINGS } from '../../src/shared/api';
import { modelInput, preprocessFor, preprocessOf } from '../../src/engine/data/preprocess';
import type { RgbaImage } from '../../src/engine/data/pixels';

/** A ring of the given radius (ink 20 on white) centred at (cx, cy) on a size × size page. */
function ring(size: number, cx: number, cy: number, radius: number): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const v = Math.abs(Math.hypot(x + 0.5 - cx, y + 0.5 - cy) - radius) < radius / 8 ? 20 : 255;
      data.set([v, v, v, 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

const meanDifference = (a: Float32Array, b: Float32Array) =>
  a.reduce((n, v, i) => n + Math.abs(v - b[i]!), 0) / a.length;

describe('preprocessing', () => {
  it('is recorded from the settings: plain for the tutorial, fit to frame for the app', () => {
    expect(preprocessFor(TUTORIAL_SETTINGS)).toEqual(PLAIN_RESIZE);
    expect(preprocessFor(DEFAULT_SETTINGS)).toEqual({ fitFrame: FIT_FRAME_DEFAULTS, averageTurns: true });
    // Quarter turns only for a model that was shown drawings turned that far in training.
    const upright = { ...DEFAULT_SETTINGS, redraw: { ...DEFAULT_SETTINGS.redraw!, rotationRange: 30 } };
    expect(preprocessFor(upright)).toEqual({ fitFrame: FIT_FRAME_DEFAULTS });
    expect(preprocessOf({})).toEqual(PLAIN_RESIZE);
  });

  it('makes a small off-centre drawing look like the same drawing centred, which the plain resize does not', () => {
    const big = ring(120, 60, 60, 50);
    const small = ring(120, 30, 85, 12);
    const fit = { fitFrame: FIT_FRAME_DEFAULTS };
    const fitted = meanDifference(modelInput(big, [24, 24], fit), modelInput(small, [24, 24], fit));
    const plain = meanDifference(modelInput(big, [24, 24], PLAIN_RESIZE), modelInput(small, [24, 24], PLAIN_RESIZE));
    // Not zero: the small ring's pixels are coarser. The plain resize keeps it small and in a corner.
    expect(fitted).toBeLessThan(0.08);
    expect(plain).toBeGreaterThan(2 * fitted);
  });

  it('resizes a page with no ink whole instead of failing', () => {
    const blank: RgbaImage = { width: 30, height: 30, data: new Uint8Array(30 * 30 * 4).fill(255) };
    expect(modelInput(blank, [24, 24], { fitFrame: FIT_FRAME_DEFAULTS }).every((v) => v === 1)).toBe(true);
  });
});
