// The drawing as ink coverage (0 paper .. 1 full ink) on a square raster, from a drawing PNG or a vector shape.
import { PNG } from 'pngjs';
import type { Rng } from '../../engine/data/random';

export interface Coverage {
  size: number;
  data: Float32Array;
}

/** Darkness (1 - luminance, composited on white) of a drawing PNG, e.g. a 70x70 HDS image. */
function darknessOf(png: Uint8Array): Coverage & { width: number; height: number } {
  const image = PNG.sync.read(Buffer.from(png));
  const { width, height, data } = image;
  const dark = new Float32Array(width * height);
  for (let p = 0; p < width * height; p++) {
    const a = data[p * 4 + 3]! / 255;
    const lum = 0.299 * data[p * 4]! + 0.587 * data[p * 4 + 1]! + 0.114 * data[p * 4 + 2]!;
    dark[p] = (a * (255 - lum)) / 255;
  }
  return { size: Math.max(width, height), width, height, data: dark };
}

/**
 * A pen tracing the drawing at `size` px: the darkness upsampled (Catmull-Rom, smooth curves
 * instead of pixel steps) and cut at `level` with a one-pixel soft edge. A higher level is a finer pen.
 */
export function penFromDrawing(png: Uint8Array, size: number, level: number): Coverage {
  const { width, height, data } = darknessOf(png);
  const scale = size / Math.max(width, height);
  const out = new Float32Array(size * size);
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= width || y >= height ? 0 : data[y * width + x]!);
  for (let y = 0; y < size; y++) {
    const sy = (y + 0.5) / scale - 0.5 - (Math.max(width, height) - height) / 2;
    const iy = Math.floor(sy);
    const wy = catmullRom(sy - iy);
    for (let x = 0; x < size; x++) {
      const sx = (x + 0.5) / scale - 0.5 - (Math.max(width, height) - width) / 2;
      const ix = Math.floor(sx);
      const wx = catmullRom(sx - ix);
      let d = 0;
      for (let j = 0; j < 4; j++) {
        for (let i = 0; i < 4; i++) d += wy[j]! * wx[i]! * at(ix - 1 + i, iy - 1 + j);
      }
      // At least a slope of 2 so that bare paper (d = 0) stays bare when the drawing is shrunk.
      out[y * size + x] = Math.min(1, Math.max(0, (d - level) * Math.max(2, scale) + 0.5));
    }
  }
  return { size, data: out };
}

function catmullRom(t: number): [number, number, number, number] {
  const t2 = t * t;
  const t3 = t2 * t;
  return [(-t3 + 2 * t2 - t) / 2, (3 * t3 - 5 * t2 + 2) / 2, (-3 * t3 + 4 * t2 + t) / 2, (t3 - t2) / 2];
}

export type VectorShape = 'ellipse' | 'rectangle' | 'triangle';

/** A vector shape drawn freehand as a drawing PNG: a wobbly closed outline, one stroke, 1.5% of the side wide. */
export function shapePng(shape: VectorShape, rng: Rng, size = 240): Uint8Array {
  const { data } = penFromShape(shape, size, size * 0.0075, rng);
  const png = new PNG({ width: size, height: size });
  for (let p = 0; p < size * size; p++) {
    const v = Math.round(255 * (1 - data[p]!));
    png.data.set([v, v, v, 255], p * 4);
  }
  return new Uint8Array(PNG.sync.write(png, { colorType: 0, inputColorType: 6 }));
}

function penFromShape(shape: VectorShape, size: number, halfWidth: number, rng: Rng): Coverage {
  const wobble = (): number => rng.range(-0.025, 0.025);
  // An ellipse's hand wobble is slow (a few bulges round the loop); a polygon's is in its corners.
  const [phase2, phase3] = [rng.range(0, 2 * Math.PI), rng.range(0, 2 * Math.PI)];
  const bulge = (a: number): number => 1 + 0.04 * Math.sin(2 * a + phase2) + 0.025 * Math.sin(3 * a + phase3);
  const corners: [number, number][] =
    shape === 'rectangle'
      ? [
          [0.12, 0.2],
          [0.88, 0.2],
          [0.88, 0.8],
          [0.12, 0.8],
        ].map(([x, y]) => [x! + wobble(), y! + wobble()])
      : shape === 'triangle'
        ? [
            [0.5, 0.1],
            [0.9, 0.85],
            [0.1, 0.85],
          ].map(([x, y]) => [x! + wobble(), y! + wobble()])
        : Array.from({ length: 96 }, (_, i) => {
            const a = (i / 96) * 2 * Math.PI;
            return [0.5 + 0.4 * bulge(a) * Math.cos(a), 0.5 + 0.3 * bulge(a) * Math.sin(a)];
          });
  const points = corners.map(([x, y]) => [x * size, y * size] as [number, number]);
  // Close with a slight overshoot past the start, as a hand does.
  const [first, second] = [points[0]!, points[1]!];
  points.push(first, [first[0] + (second[0] - first[0]) * 0.08, first[1] + (second[1] - first[1]) * 0.08]);
  const out = new Float32Array(size * size);
  for (let i = 0; i + 1 < points.length; i++) segment(out, size, points[i]!, points[i + 1]!, halfWidth);
  return { size, data: out };
}

function segment(out: Float32Array, size: number, a: [number, number], b: [number, number], r: number): void {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len2 = dx * dx + dy * dy || 1;
  const x0 = Math.max(0, Math.floor(Math.min(a[0], b[0]) - r - 1));
  const x1 = Math.min(size - 1, Math.ceil(Math.max(a[0], b[0]) + r + 1));
  const y0 = Math.max(0, Math.floor(Math.min(a[1], b[1]) - r - 1));
  const y1 = Math.min(size - 1, Math.ceil(Math.max(a[1], b[1]) + r + 1));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const t = Math.min(1, Math.max(0, ((x + 0.5 - a[0]) * dx + (y + 0.5 - a[1]) * dy) / len2));
      const dist = Math.hypot(x + 0.5 - a[0] - t * dx, y + 0.5 - a[1] - t * dy);
      const k = y * size + x;
      out[k] = Math.max(out[k]!, Math.min(1, Math.max(0, r + 0.5 - dist)));
    }
  }
}
