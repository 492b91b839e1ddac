import type { StrokeWidthOptions } from '../../shared/settings';
import { batchOf } from './pixels';
import type { Rng } from './random';

export type { StrokeWidthOptions };

interface Offset {
  dx: number;
  dy: number;
  distance: number;
}

const MAX_RADIUS = 6;

/** Neighbour offsets within MAX_RADIUS, nearest first: a disc of radius r is a prefix of this list. */
const OFFSETS: Offset[] = (() => {
  const list: Offset[] = [];
  for (let dy = -MAX_RADIUS; dy <= MAX_RADIUS; dy++) {
    for (let dx = -MAX_RADIUS; dx <= MAX_RADIUS; dx++) {
      const distance = Math.hypot(dx, dy);
      if (distance <= MAX_RADIUS) list.push({ dx, dy, distance });
    }
  }
  return list.sort((a, b) => a.distance - b.distance || a.dy - b.dy || a.dx - b.dx);
})();

/** The distinct disc radii 0, 1, √2, 2, √5, …: the structuring elements a pixel grid allows. */
const RADII = [...new Set(OFFSETS.map((o) => o.distance))];

/**
 * Thickens (radius > 0) or thins (radius < 0) dark strokes on light paper in an HWC float image.
 * A fractional radius blends the two nearest discs' results, so the change in ink is continuous
 * and monotonic in the radius. Per channel, so coloured ink keeps its colour. Pure arithmetic.
 */
export function changeStrokeWidth(
  image: Float32Array,
  [height, width]: readonly [number, number],
  radius: number,
  channels = 3,
): Float32Array {
  const r = Math.min(Math.abs(radius), MAX_RADIUS);
  if (r === 0) return image.slice();
  const upper = RADII.findIndex((d) => d >= r);
  const [inner, outer] = RADII[upper] === r ? [r, r] : [RADII[upper - 1]!, RADII[upper]!];
  const blend = outer === inner ? 1 : (r - inner) / (outer - inner);
  const count = (n: number) => (n < 0 ? OFFSETS.length : n);
  const innerCount = count(OFFSETS.findIndex((o) => o.distance > inner));
  const outerCount = count(OFFSETS.findIndex((o) => o.distance > outer));
  // Thickening the ink (dark) is a minimum filter; thinning is a maximum filter, i.e. a minimum of
  // the negated image. Padding with +Infinity keeps out-of-image neighbours out of the minimum.
  const sign = radius > 0 ? 1 : -1;
  const pad = Math.ceil(outer);
  const rowLength = (width + 2 * pad) * channels;
  const padded = new Float32Array((height + 2 * pad) * rowLength).fill(Infinity);
  for (let y = 0; y < height; y++) {
    for (let i = 0; i < width * channels; i++)
      padded[(y + pad) * rowLength + pad * channels + i] = sign * image[y * width * channels + i]!;
  }
  const deltas = OFFSETS.slice(0, outerCount).map(({ dx, dy }) => dy * rowLength + dx * channels);
  const out = new Float32Array(image.length);
  for (let y = 0; y < height; y++) {
    for (let i = 0; i < width * channels; i++) {
      const at = (y + pad) * rowLength + pad * channels + i;
      let near = padded[at]!;
      for (let k = 1; k < innerCount; k++) near = Math.min(near, padded[at + deltas[k]!]!);
      let far = near;
      for (let k = innerCount; k < outerCount; k++) far = Math.min(far, padded[at + deltas[k]!]!);
      out[y * width * channels + i] = sign * (near + (far - near) * blend);
    }
  }
  return out;
}

export const randomRadius = ({ radius: [low, high] }: StrokeWidthOptions, rng: Rng): number =>
  low === high ? low : rng.range(low, high);

/** A batch of the given rows of an NHWC dataset, each with a fresh random stroke width. */
export function strokeWidthBatch(
  images: Float32Array,
  rows: Int32Array,
  size: readonly [number, number],
  options: StrokeWidthOptions,
  rng: Rng,
): Float32Array {
  const pixels = size[0] * size[1] * 3;
  return batchOf(rows, pixels, (row) =>
    changeStrokeWidth(images.subarray(row * pixels, (row + 1) * pixels), size, randomRadius(options, rng)),
  );
}
