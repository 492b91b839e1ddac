import { FIT_FRAME_DEFAULTS, type FitFrameOptions } from '../../shared/settings';
import type { RgbaImage } from './pixels';

export { FIT_FRAME_DEFAULTS, type FitFrameOptions };

/** The ink's bounding box (pixel columns x0…x1, rows y0…y1, inclusive) and the paper's brightness. */
export interface InkBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  paper: number;
  darkest: number;
}

/** Luminance after compositing on white, 0–255 (Rec. 601 weights, as greyscale PNGs use). */
function luminance({ width, height, data }: RgbaImage): Float32Array {
  const out = new Float32Array(width * height);
  for (let p = 0; p < out.length; p++) {
    const alpha = data[p * 4 + 3]! / 255;
    const grey = 0.299 * data[p * 4]! + 0.587 * data[p * 4 + 1]! + 0.114 * data[p * 4 + 2]!;
    out[p] = grey * alpha + 255 * (1 - alpha);
  }
  return out;
}

/** The brightness that at least 10% of pixels reach: the paper, even under a thick or large drawing. */
function paperLevel(lum: Float32Array): number {
  const histogram = new Uint32Array(256);
  for (let p = 0; p < lum.length; p++) histogram[(lum[p]! + 0.5) | 0]! += 1;
  let seen = 0;
  for (let v = 255; v > 0; v--) {
    seen += histogram[v]!;
    if (seen >= lum.length * 0.1) return v;
  }
  return 0;
}

interface Blob {
  size: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The 8-connected blobs of ink in a mask with a one-pixel blank border (so neighbours never leave it). */
function blobs(mask: Uint8Array, stride: number): Blob[] {
  const found: Blob[] = [];
  const neighbours = [-stride - 1, -stride, -stride + 1, -1, 1, stride - 1, stride, stride + 1];
  const stack = new Int32Array(mask.length);
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] !== 1) continue;
    const blob = { size: 0, x0: Infinity, y0: Infinity, x1: -1, y1: -1 };
    let top = 0;
    stack[top++] = start;
    mask[start] = 2;
    while (top > 0) {
      const p = stack[--top]!;
      const x = (p % stride) - 1;
      const y = ((p / stride) | 0) - 1;
      blob.size++;
      if (x < blob.x0) blob.x0 = x;
      if (x > blob.x1) blob.x1 = x;
      if (y < blob.y0) blob.y0 = y;
      if (y > blob.y1) blob.y1 = y;
      for (const n of neighbours) {
        if (mask[p + n] === 1) {
          mask[p + n] = 2;
          stack[top++] = p + n;
        }
      }
    }
    found.push(blob);
  }
  return found;
}

/** Where the drawing is, or null if the image holds no ink (blank paper, or only faint noise). */
export function findInk(image: RgbaImage, options: FitFrameOptions = FIT_FRAME_DEFAULTS): InkBox | null {
  const { width, height } = image;
  return inkBox(luminance(image), width, height, options);
}

function inkBox(lum: Float32Array, width: number, height: number, options: FitFrameOptions): InkBox | null {
  const paper = paperLevel(lum);
  let darkest = 0;
  for (let p = 0; p < lum.length; p++) darkest = Math.max(darkest, paper - lum[p]!);
  if (darkest < options.minContrast) return null;
  const threshold = paper - Math.max(options.minContrast, options.inkFraction * darkest);
  const stride = width + 2;
  const mask = new Uint8Array(stride * (height + 2));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (lum[y * width + x]! <= threshold) mask[(y + 1) * stride + x + 1] = 1;
  }
  const found = blobs(mask, stride);
  const keep = found.reduce((most, b) => Math.max(most, b.size), 0) * options.speckFraction;
  const box = { x0: width, y0: height, x1: -1, y1: -1, paper, darkest };
  for (const b of found) {
    if (b.size < keep) continue;
    box.x0 = Math.min(box.x0, b.x0);
    box.y0 = Math.min(box.y0, b.y0);
    box.x1 = Math.max(box.x1, b.x1);
    box.y1 = Math.max(box.y1, b.y1);
  }
  return box;
}

/**
 * Crops the drawing to its ink, pads it to a centred square (white beyond the paper) leaving
 * `margin` on each side of its longer extent; the shorter one is padded, so a wide ellipse stays
 * wide, up to `maxAspect`: across a more elongated drawing the window is narrower than the square,
 * and the resize to the model's square stretches it. Returns null when there is no ink, so callers
 * can say "no drawing" instead of guessing. Output size follows the ink (resize it to the model's
 * input afterwards).
 */
export function fitFrame(image: RgbaImage, options: FitFrameOptions = FIT_FRAME_DEFAULTS): RgbaImage | null {
  const { width, data } = image;
  const lum = luminance(image);
  const box = inkBox(lum, width, image.height, options);
  if (!box) return null;
  const [inkW, inkH] = [box.x1 - box.x0 + 1, box.y1 - box.y0 + 1];
  const long = Math.max(inkW, inkH);
  const side = Math.max(1, Math.round(long / (1 - 2 * options.margin)));
  // A narrower window across the short side: the resize to the model's square then stretches it.
  const stretch = options.maxAspect ? Math.max(1, long / options.maxAspect / Math.min(inkW, inkH)) : 1;
  const across = Math.max(1, Math.round(side / stretch));
  const [outW, outH] = inkW >= inkH ? [side, across] : [across, side];
  const left = Math.round((box.x0 + box.x1 + 1 - outW) / 2);
  const top = Math.round((box.y0 + box.y1 + 1 - outH) / 2);
  const out = new Uint8Array(outW * outH * 4).fill(255);
  const scale = 255 / box.darkest;
  for (let y = Math.max(0, -top); y < Math.min(outH, image.height - top); y++) {
    for (let x = Math.max(0, -left); x < Math.min(outW, width - left); x++) {
      const p = (y + top) * width + x + left;
      const o = (y * outW + x) * 4;
      if (options.levels) {
        const grey = 255 - Math.min(255, Math.max(0, box.paper - lum[p]!) * scale);
        out[o] = out[o + 1] = out[o + 2] = Math.round(grey);
      } else {
        const alpha = data[p * 4 + 3]! / 255;
        for (let c = 0; c < 3; c++) out[o + c] = Math.round(data[p * 4 + c]! * alpha + 255 * (1 - alpha));
      }
    }
  }
  return { width: outW, height: outH, data: out };
}
