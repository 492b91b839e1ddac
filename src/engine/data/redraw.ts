import { fitFrame, type FitFrameOptions } from './fit-frame';
import type { GreyImage } from './grey';
import { batchOf, toModelInput, type RgbaImage } from './pixels';
import type { Rng } from './random';
import type { RedrawSettings } from '../../shared/settings';
import { changeStrokeWidth, randomRadius } from './stroke-width';

export type { GreyImage };

/**
 * Augmentation that redraws each training drawing at its stored resolution, then fits and resizes
 * it exactly as a drawing is at prediction time. Done on the 24 × 24 input instead, rotations blur
 * 1-pixel strokes and cut off corners that fit-to-frame would have kept, and pens change width in
 * whole input pixels; the model then learns from images unlike the ones it will be shown.
 */
export interface RedrawOptions extends RedrawSettings {
  fit: FitFrameOptions;
}

interface Redrawing {
  radius: number;
  /** 2 × 2 linear map from source to output coordinates (about the image centre). */
  map: [number, number, number, number];
}

function randomRedrawing(options: RedrawOptions, rng: Rng): Redrawing {
  const symmetric = (range: number) => (range ? rng.range(-range, range) : 0);
  const radius = randomRadius(options.strokeWidth, rng);
  const theta = (symmetric(options.rotationRange) * Math.PI) / 180;
  const shear = (symmetric(options.shearRange) * Math.PI) / 180;
  const stretch = options.stretch > 1 ? Math.exp(symmetric(Math.log(options.stretch))) : 1;
  const fx = options.horizontalFlip && rng.next() < 0.5 ? -1 : 1;
  const fy = options.verticalFlip && rng.next() < 0.5 ? -1 : 1;
  // rotation · shear · stretch · flips, each a 2 × 2 matrix [a b; c d] as [a, b, c, d].
  const [cos, sin] = [Math.cos(theta), Math.sin(theta)];
  const sx = Math.sqrt(stretch) * fx;
  const sy = fy / Math.sqrt(stretch);
  const [a, b, c, d] = [sx, Math.tan(shear) * sy, 0, sy];
  return { radius, map: [cos * a - sin * c, cos * b - sin * d, sin * a + cos * c, sin * b + cos * d] };
}

/** Columns/rows holding pixels darker than mid-grey, or the whole image if none. */
function inkExtent({ width, height, data }: { width: number; height: number; data: ArrayLike<number> }) {
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x]! >= 128) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? { x0: 0, y0: 0, x1: width - 1, y1: height - 1 } : { x0, y0, x1, y1 };
}

/**
 * Warps grey pixels by `map` about the ink's centre onto a white canvas just large enough for the
 * transformed ink (bilinear), as opaque RGBA for fit-to-frame.
 */
function warp(pixels: Float32Array, width: number, height: number, map: Redrawing['map']): RgbaImage {
  const box = inkExtent({ width, height, data: pixels });
  const [cx, cy] = [(box.x0 + box.x1 + 1) / 2, (box.y0 + box.y1 + 1) / 2];
  const [hw, hh] = [(box.x1 - box.x0 + 1) / 2 + 2, (box.y1 - box.y0 + 1) / 2 + 2];
  const [a, b, c, d] = map;
  const halfW = Math.ceil(Math.abs(a) * hw + Math.abs(b) * hh);
  const halfH = Math.ceil(Math.abs(c) * hw + Math.abs(d) * hh);
  const [outW, outH] = [2 * halfW, 2 * halfH];
  const det = a * d - b * c;
  const [ia, ib, ic, id] = [d / det, -b / det, -c / det, a / det];
  const out = new Uint8Array(outW * outH * 4);
  const read = (x: number, y: number) => (x < 0 || y < 0 || x >= width || y >= height ? 255 : pixels[y * width + x]!);
  for (let y = 0; y < outH; y++) {
    const oy = y + 0.5 - halfH;
    for (let x = 0; x < outW; x++) {
      const ox = x + 0.5 - halfW;
      const u = ia * ox + ib * oy + cx - 0.5;
      const v = ic * ox + id * oy + cy - 0.5;
      const u0 = Math.floor(u);
      const v0 = Math.floor(v);
      const [fu, fv] = [u - u0, v - v0];
      const top = read(u0, v0) + (read(u0 + 1, v0) - read(u0, v0)) * fu;
      const bottom = read(u0, v0 + 1) + (read(u0 + 1, v0 + 1) - read(u0, v0 + 1)) * fu;
      const grey = Math.round(top + (bottom - top) * fv);
      const o = (y * outW + x) * 4;
      out[o] = out[o + 1] = out[o + 2] = grey;
      out[o + 3] = 255;
    }
  }
  return { width: outW, height: outH, data: out };
}

/**
 * One redrawn model input (HWC float32, [size]) from a stored drawing. Falls back to the drawing
 * unchanged if thinning erased all its ink, so a batch never holds a blank image by accident.
 */
export function redraw(
  source: GreyImage,
  size: readonly [number, number],
  options: RedrawOptions,
  rng: Rng,
): Float32Array {
  const { radius, map } = randomRedrawing(options, rng);
  const pixels = Float32Array.from(source.data);
  const scale = source.width / size[1];
  const stroked = radius ? changeStrokeWidth(pixels, [source.height, source.width], radius * scale, 1) : pixels;
  const fitted =
    fitFrame(warp(stroked, source.width, source.height, map), options.fit) ??
    fitFrame(warp(pixels, source.width, source.height, map), options.fit);
  // A sample with no ink to find trains as it is, resized whole, as it would be predicted.
  return toModelInput(fitted ?? warp(pixels, source.width, source.height, map), size, 'area');
}

/** A batch of redrawn copies of the given training drawings. */
export function redrawBatch(
  sources: readonly GreyImage[],
  rows: Int32Array,
  size: readonly [number, number],
  options: RedrawOptions,
  rng: Rng,
): Float32Array {
  return batchOf(rows, size[0] * size[1] * 3, (row) => redraw(sources[row]!, size, options, rng));
}
