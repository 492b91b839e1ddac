// Greyscale drawings at source resolution (ink dark on white paper), kept small in memory, and
// the few source-resolution operations the measurements need: warp, resample, stroke width.
import type { RgbaImage } from '../../engine/data/pixels';
import type { GreyImage } from '../../engine/data/redraw';
import { changeStrokeWidth } from '../../engine/data/stroke-width';

export type { GreyImage };

export function toGrey({ width, height, data }: RgbaImage): GreyImage {
  const out = new Uint8Array(width * height);
  for (let p = 0; p < out.length; p++) {
    const alpha = data[p * 4 + 3]! / 255;
    const grey = 0.299 * data[p * 4]! + 0.587 * data[p * 4 + 1]! + 0.114 * data[p * 4 + 2]!;
    out[p] = Math.round(grey * alpha + 255 * (1 - alpha));
  }
  return { width, height, data: out };
}

export function toRgba({ width, height, data }: GreyImage): RgbaImage {
  const out = new Uint8Array(width * height * 4);
  for (let p = 0; p < data.length; p++) {
    out[p * 4] = out[p * 4 + 1] = out[p * 4 + 2] = data[p]!;
    out[p * 4 + 3] = 255;
  }
  return { width, height, data: out };
}

/** Area-averaging resample to size × size (how a bundle stored at a lower resolution would look). */
export function resample(image: GreyImage, size: number): GreyImage {
  if (image.width === size && image.height === size) return image;
  const out = new Uint8Array(size * size);
  const sx = image.width / size;
  const sy = image.height / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let sum = 0;
      for (let j = Math.floor(y * sy); j < Math.ceil((y + 1) * sy); j++) {
        const wy = Math.min((y + 1) * sy, j + 1) - Math.max(y * sy, j);
        for (let i = Math.floor(x * sx); i < Math.ceil((x + 1) * sx); i++) {
          const wx = Math.min((x + 1) * sx, i + 1) - Math.max(x * sx, i);
          sum += image.data[j * image.width + i]! * wx * wy;
        }
      }
      out[y * size + x] = Math.round(sum / (sx * sy));
    }
  }
  return { width: size, height: size, data: out };
}

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
