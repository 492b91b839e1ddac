// A "hard" test set made from held-out people's real drawings: shrunk and placed off-centre,
// rotated, drawn with a fat marker or a fine pen, and a few of these combined.
import { createRng, type Rng } from '../../engine/data/random';
import { darkBox, strokes, warp, type GreyImage } from './grey';
import type { Drawing } from './people';

export const HARD_KINDS = ['small', 'rotated', 'thick', 'thin', 'combined'] as const;
export type HardKind = (typeof HARD_KINDS)[number];

/** Scale, rotate and move the drawing so that its (rotated) ink box stays inside the canvas. */
function place(image: GreyImage, scale: number, theta: number, rng: Rng): GreyImage {
  const box = darkBox(image, 200);
  const [cx, cy] = [image.width / 2, image.height / 2];
  const [bx, by] = [(box.x0 + box.x1 + 1) / 2 - cx, (box.y0 + box.y1 + 1) / 2 - cy];
  const [hw, hh] = [(box.x1 - box.x0 + 1) / 2, (box.y1 - box.y0 + 1) / 2];
  const [cos, sin] = [Math.abs(Math.cos(theta)), Math.abs(Math.sin(theta))];
  const extentX = cos * hw + sin * hh;
  const extentY = sin * hw + cos * hh;
  // Shrink further if the rotated drawing would not fit the canvas (with 2 pixels to spare).
  const s = Math.min(scale, (cx - 2) / Math.max(extentX, 1), (cy - 2) / Math.max(extentY, 1));
  // Where the ink box's centre lands after scaling and rotating about the canvas centre.
  const rx = s * (Math.cos(theta) * bx - Math.sin(theta) * by);
  const ry = s * (Math.sin(theta) * bx + Math.cos(theta) * by);
  const roomX = Math.max(0, cx - 2 - s * extentX);
  const roomY = Math.max(0, cy - 2 - s * extentY);
  return warp(image, s, theta, rng.range(-roomX, roomX) - rx, rng.range(-roomY, roomY) - ry);
}

/** One hard variant of a drawing. Stroke radii are in source pixels (HDS: 70 × 70, strokes ~3 px). */
export function hardVariant(image: GreyImage, kind: HardKind, rng: Rng): GreyImage {
  const unit = image.width / 70;
  switch (kind) {
    case 'small':
      return place(image, rng.range(0.3, 0.6), 0, rng);
    case 'rotated':
      return place(image, 1, rng.range(0, 2 * Math.PI), rng);
    case 'thick':
      return strokes(image, rng.range(2, 5) * unit);
    case 'thin':
      return strokes(image, -rng.range(0.5, 1) * unit);
    case 'combined': {
      // Drawn small and turned, with the same pen: strokes thick or thin relative to the shape.
      const placed = place(image, rng.range(0.4, 0.7), rng.range(0, 2 * Math.PI), rng);
      return strokes(placed, rng.range(-0.7, 3) * unit);
    }
  }
}

/** Every drawing once, each as one kind (dealt out evenly in a seeded order). */
export function hardSet(drawings: readonly Drawing[], seed: number): (Drawing & { kind: HardKind })[] {
  const rng = createRng(seed);
  const order = rng.shuffle(drawings.map((_, i) => i));
  const kinds = new Array<HardKind>(drawings.length);
  order.forEach((index, i) => {
    kinds[index] = HARD_KINDS[i % HARD_KINDS.length]!;
  });
  return drawings.map((d, i) => ({ ...d, kind: kinds[i]!, image: hardVariant(d.image, kinds[i]!, rng) }));
}
