import type { RgbaImage } from '../pixels';

/** An image as three float planes (0..255), small enough to analyse quickly. */
export interface Planes {
  width: number;
  height: number;
  /** Input pixels per plane pixel along each axis. */
  factor: number;
  r: Float32Array;
  g: Float32Array;
  b: Float32Array;
}

/**
 * Area-averages whole `factor`×`factor` blocks (the last row and column of blocks may be partial),
 * the smallest integer factor that brings the long side to at most `maxSide`. One pass over the input,
 * composited on white, so a transparent canvas drawing counts as paper. Integer sums, one row of
 * blocks at a time: this pass reads every pixel of a 12-megapixel photo, and dominates the cost.
 */
export function downscale({ width, height, data }: RgbaImage, maxSide: number): Planes {
  const factor = Math.max(1, Math.ceil(Math.max(width, height) / maxSide));
  const w = Math.ceil(width / factor);
  const h = Math.ceil(height / factor);
  const planes = { width: w, height: h, factor, r: new Float32Array(w * h), g: new Float32Array(w * h), b: new Float32Array(w * h) };
  // Sums of 255·channel·alpha + 255·255·(1 - alpha) per block: exact integers, below 2^53.
  const sums = new Float64Array(w * 3);
  for (let by = 0; by < h; by++) {
    sums.fill(0);
    const rows = Math.min(factor, height - by * factor);
    for (let y = by * factor; y < by * factor + rows; y++) {
      for (let bx = 0; bx < w; bx++) {
        let r = 0;
        let g = 0;
        let b = 0;
        const end = (y * width + Math.min(width, (bx + 1) * factor)) * 4;
        for (let i = (y * width + bx * factor) * 4; i < end; i += 4) {
          const a = data[i + 3]!;
          const white = 255 * (255 - a);
          r += data[i]! * a + white;
          g += data[i + 1]! * a + white;
          b += data[i + 2]! * a + white;
        }
        sums[bx * 3] = sums[bx * 3]! + r;
        sums[bx * 3 + 1] = sums[bx * 3 + 1]! + g;
        sums[bx * 3 + 2] = sums[bx * 3 + 2]! + b;
      }
    }
    for (let bx = 0; bx < w; bx++) {
      const count = rows * (Math.min(width, (bx + 1) * factor) - bx * factor) * 255;
      const o = by * w + bx;
      planes.r[o] = sums[bx * 3]! / count;
      planes.g[o] = sums[bx * 3 + 1]! / count;
      planes.b[o] = sums[bx * 3 + 2]! / count;
    }
  }
  return planes;
}
