import { describe, expect, it } from 'vitest';
import { meanOverTurns, predictTurned, TURNS, withTurns } from '../../src/engine/data/turns';

/** A 3 × 3 single-channel image with a different value in every pixel: 0 … 8 row by row. */
const numbered = Float32Array.from({ length: 9 }, (_, i) => i);

describe('quarter turns', () => {
  it('follows each image with itself turned 90°, 180° and 270° clockwise', () => {
    const views = withTurns(numbered, 3, 1);
    expect(views.length).toBe(9 * TURNS);
    expect(Array.from(views.subarray(0, 9))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // Clockwise: the left column, bottom to top, becomes the top row.
    expect(Array.from(views.subarray(9, 18))).toEqual([6, 3, 0, 7, 4, 1, 8, 5, 2]);
    expect(Array.from(views.subarray(18, 27))).toEqual([8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(Array.from(views.subarray(27, 36))).toEqual([2, 5, 8, 1, 4, 7, 0, 3, 6]);
  });

  it('turns every channel of every image alike', () => {
    const rgb = Float32Array.from({ length: 2 * 9 * 3 }, (_, i) => i);
    const views = withTurns(rgb, 3, 3);
    const second = views.subarray(TURNS * 27, TURNS * 27 + 27);
    expect(Array.from(second)).toEqual(Array.from(rgb.subarray(27)));
    const pixel = (view: number, p: number) => Array.from(views.subarray(view * 27 + p * 3, view * 27 + p * 3 + 3));
    expect(pixel(1, 0)).toEqual([18, 19, 20]); // pixel 6 of the first image, its three channels
    expect(() => withTurns(new Float32Array(10), 3, 1)).toThrow(/10 floats are not whole 3×3 images/);
  });

  it("averages each image's four rows of probabilities", () => {
    const rows = Float32Array.from([1, 0, 0, 1, 0.5, 0.5, 0.5, 0.5, 0.2, 0.8, 0.2, 0.8, 0.2, 0.8, 0.2, 0.8]);
    expect(Array.from(meanOverTurns(rows, 2))).toEqual([0.5, 0.5, 0.2, 0.8].map(Math.fround));
  });

  it('runs the model once on all the views, or on the images alone when not turning', async () => {
    const calls: number[] = [];
    // A "model" that says how bright the top-left pixel is: turning moves other corners there.
    const model = (x: Float32Array, n: number) => {
      calls.push(n);
      return Float32Array.from({ length: n * 2 }, (_, i) => (i % 2 ? 1 - x[(i >> 1) * 9]! : x[(i >> 1) * 9]!));
    };
    const corners = Float32Array.from([1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(await predictTurned(model, corners, 1, [3, 3], false))).toEqual([1, 0]);
    expect(Array.from(await predictTurned(model, corners, 1, [3, 3], true))).toEqual([0.25, 0.75]);
    expect(calls).toEqual([1, TURNS]);
    await expect(predictTurned(model, new Float32Array(6), 1, [2, 3], true)).rejects.toThrow(/square input.*2×3/);
  });
});
