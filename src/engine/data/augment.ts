import type { AugmentOptions } from '../../shared/api';
import { batchOf } from './pixels';
import type { Rng } from './random';

/** One image's random transform, drawn like Keras's `ImageDataGenerator.get_random_transform`. */
export interface TransformParams {
  theta: number;
  tx: number;
  ty: number;
  shear: number;
  zx: number;
  zy: number;
  flipHorizontal: boolean;
  flipVertical: boolean;
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

export const zoomBounds = (range: AugmentOptions['zoomRange']): [number, number] =>
  typeof range === 'number' ? [1 - range, 1 + range] : range;

export function randomTransform(
  options: AugmentOptions,
  [height, width]: readonly [number, number],
  rng: Rng,
): TransformParams {
  const symmetric = (range: number) => (range ? rng.range(-range, range) : 0);
  const shift = (range: number, size: number) => (range ? symmetric(range) * (range < 1 ? size : 1) : 0);
  const [zoomLow, zoomHigh] = zoomBounds(options.zoomRange);
  const zooms = zoomLow !== 1 || zoomHigh !== 1;
  return {
    theta: radians(symmetric(options.rotationRange)),
    tx: shift(options.heightShiftRange, height),
    ty: shift(options.widthShiftRange, width),
    shear: radians(symmetric(options.shearRange)),
    zx: zooms ? rng.range(zoomLow, zoomHigh) : 1,
    zy: zooms ? rng.range(zoomLow, zoomHigh) : 1,
    flipHorizontal: options.horizontalFlip && rng.next() < 0.5,
    flipVertical: options.verticalFlip && rng.next() < 0.5,
  };
}

type Matrix = [number, number, number, number, number, number];

/** a·b for 2x3 affine matrices (implicit last row 0 0 1). */
const multiply = (a: Matrix, b: Matrix): Matrix => [
  a[0] * b[0] + a[1] * b[3],
  a[0] * b[1] + a[1] * b[4],
  a[0] * b[2] + a[1] * b[5] + a[2],
  a[3] * b[0] + a[4] * b[3],
  a[3] * b[1] + a[4] * b[4],
  a[3] * b[2] + a[4] * b[5] + a[5],
];

/**
 * Keras's `apply_affine_transform` matrix: maps an output (row, col) to the input position it
 * samples, composed as rotation · shift · shear · zoom about the image centre.
 */
export function transformMatrix(p: TransformParams, [height, width]: readonly [number, number]): Matrix {
  const cos = Math.cos(p.theta);
  const sin = Math.sin(p.theta);
  let m: Matrix = [cos, -sin, 0, sin, cos, 0];
  m = multiply(m, [1, 0, p.tx, 0, 1, p.ty]);
  m = multiply(m, [1, -Math.sin(p.shear), 0, 0, Math.cos(p.shear), 0]);
  m = multiply(m, [p.zx, 0, 0, 0, p.zy, 0]);
  const [or, oc] = [height / 2 - 0.5, width / 2 - 0.5];
  return multiply(multiply([1, 0, or, 0, 1, oc], m), [1, 0, -or, 0, 1, -oc]);
}

/** Where an out-of-range coordinate reads from, for Keras's fill modes; -1 means "use cval". */
function fillIndex(i: number, size: number, mode: AugmentOptions['fillMode']): number {
  if (i >= 0 && i < size) return i;
  switch (mode) {
    case 'nearest':
      return i < 0 ? 0 : size - 1;
    case 'wrap':
      return ((i % size) + size) % size;
    case 'reflect': {
      const period = 2 * size;
      const j = ((i % period) + period) % period;
      return j < size ? j : period - 1 - j;
    }
    default:
      return -1;
  }
}

/**
 * Applies one transform to an HWC float image in [0, 1] with bilinear sampling (scipy's order=1,
 * as Keras uses), then the flips. `cval` is in Keras's 0–255 units.
 */
export function applyTransform(
  image: Float32Array,
  size: readonly [number, number],
  p: TransformParams,
  options: Pick<AugmentOptions, 'fillMode' | 'cval'>,
): Float32Array {
  const [height, width] = size;
  const m = transformMatrix(p, size);
  const out = new Float32Array(image.length);
  const fill = options.cval / 255;
  const sample = (r: number, c: number, ch: number) => {
    const rr = fillIndex(r, height, options.fillMode);
    const cc = fillIndex(c, width, options.fillMode);
    return rr < 0 || cc < 0 ? fill : image[(rr * width + cc) * 3 + ch]!;
  };
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const r = m[0] * row + m[1] * col + m[2];
      const c = m[3] * row + m[4] * col + m[5];
      const r0 = Math.floor(r);
      const c0 = Math.floor(c);
      const fr = r - r0;
      const fc = c - c0;
      const outRow = p.flipVertical ? height - 1 - row : row;
      const outCol = p.flipHorizontal ? width - 1 - col : col;
      for (let ch = 0; ch < 3; ch++) {
        const top = sample(r0, c0, ch) * (1 - fc) + sample(r0, c0 + 1, ch) * fc;
        const bottom = sample(r0 + 1, c0, ch) * (1 - fc) + sample(r0 + 1, c0 + 1, ch) * fc;
        out[(outRow * width + outCol) * 3 + ch] = top * (1 - fr) + bottom * fr;
      }
    }
  }
  return out;
}

export const isIdentity = (o: AugmentOptions): boolean =>
  !o.rotationRange &&
  !o.widthShiftRange &&
  !o.heightShiftRange &&
  !o.shearRange &&
  zoomBounds(o.zoomRange).every((z) => z === 1) &&
  !o.horizontalFlip &&
  !o.verticalFlip;

/** A batch of augmented copies of the given rows of an NHWC dataset, one fresh transform each. */
export function augmentBatch(
  images: Float32Array,
  rows: Int32Array,
  size: readonly [number, number],
  options: AugmentOptions,
  rng: Rng,
): Float32Array {
  const pixels = size[0] * size[1] * 3;
  return batchOf(rows, pixels, (row) => {
    const image = images.subarray(row * pixels, (row + 1) * pixels);
    return applyTransform(image, size, randomTransform(options, size, rng), options);
  });
}
