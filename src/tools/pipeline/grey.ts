// Greyscale drawings at source resolution (ink dark on white paper), kept small in memory, and
// the few source-resolution operations the measurements need: warp, stroke width.
import { type GreyImage, resample } from '../../engine/data/grey';
import { changeStrokeWidth } from '../../engine/data/stroke-width';

export { type GreyImage, resample, toGrey, toRgba } from '../../engine/data/grey';

/**
 * Redraws the image scaled by `scale` and rotated by `theta` about its centre, then moved by
 * (dx, dy) pixels; bilinear, white beyond the paper. Area-averages first when shrinking a lot, so
 * thin strokes fade as they would on a smaller drawing instead of breaking up.
 */
export function warp(image: GreyImage, scale: number, theta: number, dx: number, dy: number): GreyImage {
  const { width, height } = image;
  const src = scale < 0.75 ? resample(image, Math.max(2, Math.round(width * scale * 1.5))) : image;
  const ratio = src.width / width;
  const out = new Uint8Array(width * height);
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const [cx, cy] = [width / 2, height / 2];
  const read = (x: number, y: number) =>
    x < 0 || y < 0 || x >= src.width || y >= src.height ? 255 : src.data[y * src.width + x]!;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Inverse map: output pixel centre → source position (in the possibly pre-shrunk source).
      const ox = x + 0.5 - cx - dx;
      const oy = y + 0.5 - cy - dy;
      const u = ((cos * ox + sin * oy) / scale + cx) * ratio - 0.5;
      const v = ((-sin * ox + cos * oy) / scale + cy) * ratio - 0.5;
      const u0 = Math.floor(u);
      const v0 = Math.floor(v);
      const fu = u - u0;
      const fv = v - v0;
      const top = read(u0, v0) * (1 - fu) + read(u0 + 1, v0) * fu;
      const bottom = read(u0, v0 + 1) * (1 - fu) + read(u0 + 1, v0 + 1) * fu;
      out[y * width + x] = Math.round(top * (1 - fv) + bottom * fv);
    }
  }
  return { width, height, data: out };
}

/** Stroke width changed by `radius` source pixels (the engine's augmentation, on one grey channel). */
export function strokes(image: GreyImage, radius: number): GreyImage {
  const floats = Float32Array.from(image.data);
  const changed = changeStrokeWidth(floats, [image.height, image.width], radius, 1);
  return { ...image, data: Uint8Array.from(changed, (v) => Math.round(v)) };
}

/** Bounding box of pixels darker than `threshold` (for placing a warped drawing inside the canvas). */
export function darkBox(
  { width, data }: GreyImage,
  threshold = 128,
): { x0: number; y0: number; x1: number; y1: number } {
  const box = { x0: width, y0: Infinity, x1: -1, y1: -1 };
  data.forEach((v, p) => {
    if (v >= threshold) return;
    const x = p % width;
    const y = (p - x) / width;
    box.x0 = Math.min(box.x0, x);
    box.x1 = Math.max(box.x1, x);
    box.y0 = Math.min(box.y0, y);
    box.y1 = Math.max(box.y1, y);
  });
  return box;
}
