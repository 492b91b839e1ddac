import { describe, expect, it } from 'vitest';
import { findInk, fitFrame, FIT_FRAME_DEFAULTS, type FitFrameOptions } from '../../src/engine/data/fit-frame';
import type { RgbaImage } from '../../src/engine/data/pixels';

/** White paper with `ink` pixels set to the given grey. */
function paper(size: number, ink: (x: number, y: number) => boolean, grey = 0, background = 255): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const v = ink(x, y) ? grey : background;
      data.set([v, v, v, 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/** A 2-pixel outline of the rectangle [x0, x1] × [y0, y1]. */
const outline = (x0: number, y0: number, x1: number, y1: number) => (x: number, y: number) =>
  x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x < x0 + 2 || x > x1 - 2 || y < y0 + 2 || y > y1 - 2);

const ellipse = (cx: number, cy: number, rx: number, ry: number) => (x: number, y: number) => {
  const d = Math.hypot((x + 0.5 - cx) / rx, (y + 0.5 - cy) / ry);
  return d > 0.9 && d < 1.05;
};

const noMargin: FitFrameOptions = { ...FIT_FRAME_DEFAULTS, margin: 0 };
/** As models saved before `maxAspect` fit: always to a square. */
const { maxAspect: _, ...squareOnly } = noMargin;

describe('fitFrame', () => {
  it('centres a small off-centre square and fills the frame minus the margin', () => {
    const image = paper(70, outline(5, 40, 24, 59)); // 20 × 20, bottom left
    const fitted = fitFrame(image, { ...FIT_FRAME_DEFAULTS, margin: 0.1 })!;
    expect(fitted.width).toBe(fitted.height);
    expect(fitted.width).toBe(25); // 20 / (1 - 2 · 0.1)
    const box = findInk(fitted)!;
    const gaps = [box.x0, box.y0, fitted.width - 1 - box.x1, fitted.height - 1 - box.y1];
    for (const gap of gaps) expect(Math.abs(gap - 2.5)).toBeLessThanOrEqual(0.5);
  });

  it('keeps a wide ellipse wide without maxAspect: pads the short side instead of stretching it', () => {
    const fitted = fitFrame(paper(100, ellipse(50, 50, 40, 12)), squareOnly)!;
    expect(fitted.width).toBe(fitted.height);
    const box = findInk(fitted)!;
    const aspect = (box.x1 - box.x0 + 1) / (box.y1 - box.y0 + 1);
    expect(aspect).toBeGreaterThan(3);
    expect(box.x0).toBe(0);
    expect(box.x1).toBe(fitted.width - 1);
    // Centred vertically: the blank bands above and below differ by at most a pixel.
    expect(Math.abs(box.y0 - (fitted.height - 1 - box.y1))).toBeLessThanOrEqual(1);
  });

  it('stretches a drawing more elongated than maxAspect across, to exactly that aspect once resized square', () => {
    const thin = fitFrame(paper(100, ellipse(50, 50, 40, 8)), { ...noMargin, maxAspect: 2 })!;
    const box = findInk(thin)!;
    const [inkW, inkH] = [box.x1 - box.x0 + 1, box.y1 - box.y0 + 1];
    expect(inkW / inkH).toBeGreaterThan(4);
    // A window 2 × the ink's height tall, as wide as the ink: square after the resize, the ink 2 : 1.
    expect(thin.width).toBe(inkW);
    expect(Math.abs(thin.height - 2 * inkH)).toBeLessThanOrEqual(1);
    expect(Math.abs(box.y0 - (thin.height - 1 - box.y1))).toBeLessThanOrEqual(1);
    // Upright the same: the window narrows across whichever side is short.
    const tall = fitFrame(paper(100, ellipse(50, 50, 8, 40)), { ...noMargin, maxAspect: 2 })!;
    expect([tall.width, tall.height]).toEqual([thin.height, thin.width]);
    // Within the aspect, nothing is stretched: the square crop of before.
    const round = fitFrame(paper(100, ellipse(50, 50, 40, 25)), { ...noMargin, maxAspect: 2 })!;
    expect(round.width).toBe(round.height);
  });

  it('reports a blank image, or one with only faint noise, as null', () => {
    expect(fitFrame(paper(70, () => false))).toBeNull();
    expect(fitFrame(paper(70, (x, y) => (x * 7 + y * 13) % 5 === 0, 235))).toBeNull();
    const transparent: RgbaImage = { width: 30, height: 30, data: new Uint8Array(30 * 30 * 4) };
    expect(fitFrame(transparent)).toBeNull();
  });

  it('ignores an isolated speck far from the drawing', () => {
    const square = outline(30, 30, 59, 59);
    const clean = findInk(paper(70, square))!;
    const specked = findInk(paper(70, (x, y) => square(x, y) || (x === 3 && y === 4)))!;
    expect(specked).toEqual(clean);
  });

  it('maps paper to white and the darkest ink to black when levelling', () => {
    const faint = paper(40, outline(10, 10, 29, 29), 150, 230);
    const fitted = fitFrame(faint)!;
    const greys = Array.from(fitted.data.filter((_, i) => i % 4 === 0));
    expect(Math.min(...greys)).toBe(0);
    expect(Math.max(...greys)).toBe(255);
    const kept = fitFrame(faint, { ...FIT_FRAME_DEFAULTS, levels: false })!;
    expect(Math.min(...Array.from(kept.data.filter((_, i) => i % 4 === 0)))).toBe(150);
  });

  it('treats transparent pixels as white paper and pads beyond the image with white', () => {
    const data = new Uint8Array(50 * 50 * 4);
    for (let x = 0; x < 50; x++) data.set([0, 0, 0, 255], (25 * 50 + x) * 4); // one opaque line, edge to edge
    const fitted = fitFrame({ width: 50, height: 50, data }, squareOnly)!;
    expect(fitted.width).toBe(50);
    expect(fitted.data.slice(0, 4)).toEqual(new Uint8Array([255, 255, 255, 255]));
  });

  it('is deterministic and fast on a 70 × 70 drawing', () => {
    const image = paper(70, ellipse(30, 40, 20, 14));
    expect(fitFrame(image)).toEqual(fitFrame(image));
    const started = performance.now();
    for (let i = 0; i < 200; i++) fitFrame(image);
    // Well under a millisecond each on a desktop; the bound is loose for busy test machines.
    expect((performance.now() - started) / 200).toBeLessThan(3);
  });
});
