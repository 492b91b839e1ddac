// Drawings as 8-bit luminance (dark ink on white): how the starter set stores them and how the
// redraw augmentation reads them, at their stored resolution.
import type { RgbaImage } from './pixels';

/** A drawing kept at its stored resolution: luminance 0–255 (dark ink on white). */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Composited onto white paper, then luminance (Rec. 601 weights). */
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

/** Drawings are kept at most this many pixels on a side for redrawing: the starter set's tile. */
export const STORED_SIDE = 48;

/** A drawing as training keeps it for redrawing: grey, padded with paper to a square, at most STORED_SIDE. */
export function storedDrawing(image: RgbaImage): GreyImage {
  const grey = toGrey(image);
  const side = Math.max(grey.width, grey.height);
  const square = new Uint8Array(side * side).fill(255);
  const [x0, y0] = [Math.floor((side - grey.width) / 2), Math.floor((side - grey.height) / 2)];
  for (let y = 0; y < grey.height; y++) {
    square.set(grey.data.subarray(y * grey.width, (y + 1) * grey.width), (y0 + y) * side + x0);
  }
  return resample({ width: side, height: side, data: square }, Math.min(side, STORED_SIDE));
}
