// Draws one dataset image: style, ideal outline, placement in the frame, hand noise, rasterising and inking.
import type { Rng } from '../../engine/data/random';
import { handDraw } from './hand';
import { IMAGE_SIZE, type Difficulty, type ShapeClass } from './layout';
import { idealOutline, type Point } from './outline';
import { rasterise } from './raster';
import { sampleStyle, type Pose } from './style';

/** Renders a 24x24 image as packed 8-bit RGB. */
export function renderShape(cls: ShapeClass, difficulty: Difficulty, rng: Rng): Uint8Array {
  const { pose, hand, pen } = sampleStyle(cls, difficulty, rng);
  // Room for the pen width, the wander (three waves can add up) and the end drift, so strokes are never clipped.
  const margin = hand.lineWidth / 2 + 1.5 * hand.wobble + hand.drift / 2 + 0.5;
  const outline = place(idealOutline(cls, difficulty, rng), pose, margin, rng);
  const coverage = rasterise(handDraw(outline, hand, rng));

  const rgb = new Uint8Array(IMAGE_SIZE * IMAGE_SIZE * 3);
  coverage.forEach((c, i) => {
    const ink = Math.min(1, c) * pen.strength;
    for (let ch = 0; ch < 3; ch++) {
      rgb[i * 3 + ch] = Math.round(pen.paper - ink * (pen.paper - pen.ink[ch as 0 | 1 | 2]));
    }
  });
  return rgb;
}

/** Shears, rotates, scales to the pose's size and moves the outline into the frame, in output pixels. */
function place(local: Point[], pose: Pose, margin: number, rng: Rng): Point[] {
  const cos = Math.cos(pose.rotation);
  const sin = Math.sin(pose.rotation);
  const turned = local.map(({ x, y }) => {
    const sx = x + pose.shear * y;
    return { x: cos * sx - sin * y, y: sin * sx + cos * y };
  });
  const xs = turned.map((p) => p.x);
  const ys = turned.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const room = IMAGE_SIZE - 2 * margin;
  const scale = Math.min(pose.sizeFrac * IMAGE_SIZE, room) / Math.max(maxX - minX, maxY - minY);
  const w = (maxX - minX) * scale;
  const h = (maxY - minY) * scale;
  const left = offset(room - w, pose.placement, rng) + margin;
  const top = offset(room - h, pose.placement, rng) + margin;
  return turned.map((p) => ({ x: left + (p.x - minX) * scale, y: top + (p.y - minY) * scale }));
}

/** Start of the shape within the free space: centred with a little jitter, or anywhere for hard images. */
function offset(free: number, placement: Pose['placement'], rng: Rng): number {
  if (placement === 'anywhere') return rng.range(0, free);
  return Math.min(free, Math.max(0, free / 2 + rng.range(-2, 2)));
}
