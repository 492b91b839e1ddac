// Supersampled rasteriser for thick, variable-width polylines, area-averaged down like a scanner would.
import { IMAGE_SIZE } from './layout';
import type { Point } from './outline';

/** Subpixels per output pixel along each axis: 64 coverage levels per pixel. */
export const SUPERSAMPLE = 8;
const FINE = IMAGE_SIZE * SUPERSAMPLE;

/** Pen path in output-pixel coordinates with per-point half-width and darkness (0..1). */
export interface Stroke {
  points: Point[];
  radii: number[];
  darkness: number[];
}

/** Rasterises the stroke as a chain of tapered capsules and returns per-pixel ink coverage in [0, 1]. */
export function rasterise(stroke: Stroke): Float32Array {
  const fine = new Float32Array(FINE * FINE);
  for (let i = 0; i + 1 < stroke.points.length; i++) {
    capsule(
      fine,
      stroke.points[i] as Point,
      stroke.points[i + 1] as Point,
      [stroke.radii[i] ?? 0, stroke.radii[i + 1] ?? 0],
      [stroke.darkness[i] ?? 0, stroke.darkness[i + 1] ?? 0],
    );
  }
  return areaAverage(fine);
}

function capsule(fine: Float32Array, a: Point, b: Point, radii: [number, number], dark: [number, number]): void {
  const reach = Math.max(radii[0], radii[1]);
  const lo = (v: number): number => Math.max(0, Math.floor((v - reach) * SUPERSAMPLE));
  const hi = (v: number): number => Math.min(FINE - 1, Math.ceil((v + reach) * SUPERSAMPLE));
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy || 1;
  for (let sy = lo(Math.min(a.y, b.y)); sy <= hi(Math.max(a.y, b.y)); sy++) {
    const py = (sy + 0.5) / SUPERSAMPLE;
    for (let sx = lo(Math.min(a.x, b.x)); sx <= hi(Math.max(a.x, b.x)); sx++) {
      const px = (sx + 0.5) / SUPERSAMPLE;
      const t = Math.min(1, Math.max(0, ((px - a.x) * dx + (py - a.y) * dy) / len2));
      const ex = px - a.x - t * dx;
      const ey = py - a.y - t * dy;
      const r = radii[0] + t * (radii[1] - radii[0]);
      if (ex * ex + ey * ey <= r * r) {
        const k = sy * FINE + sx;
        // Overlapping segments of one stroke must not darken each other, so take the max.
        fine[k] = Math.max(fine[k] ?? 0, dark[0] + t * (dark[1] - dark[0]));
      }
    }
  }
}

function areaAverage(fine: Float32Array): Float32Array {
  const out = new Float32Array(IMAGE_SIZE * IMAGE_SIZE);
  for (let sy = 0; sy < FINE; sy++) {
    const row = Math.floor(sy / SUPERSAMPLE) * IMAGE_SIZE;
    for (let sx = 0; sx < FINE; sx++) {
      const k = row + Math.floor(sx / SUPERSAMPLE);
      out[k] = (out[k] ?? 0) + (fine[sy * FINE + sx] ?? 0) / (SUPERSAMPLE * SUPERSAMPLE);
    }
  }
  return out;
}
