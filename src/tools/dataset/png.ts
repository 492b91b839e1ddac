// PNG encoding with every pngjs option pinned, so identical pixels always give identical bytes.
import { PNG } from 'pngjs';

const OPTIONS = {
  colorType: 2,
  inputColorType: 2,
  inputHasAlpha: false,
  bitDepth: 8,
  deflateLevel: 9,
  deflateStrategy: 3,
  filterType: -1,
} as const;

/** Encodes packed 8-bit RGB as a colour-type-2 PNG without gamma or time chunks. */
export function encodeRgbPng(rgb: Uint8Array, width: number, height: number): Buffer {
  if (rgb.length !== width * height * 3) throw new Error(`expected ${width}x${height} RGB pixels`);
  const png = new PNG({ width, height, ...OPTIONS });
  png.data = Buffer.from(rgb.buffer, rgb.byteOffset, rgb.byteLength);
  return PNG.sync.write(png, OPTIONS);
}

const GREY = { ...OPTIONS, colorType: 0, inputColorType: 0 } as const;

/** Encodes 8-bit luminance as a colour-type-0 PNG (a third of RGB's size before compression). */
export function encodeGreyPng(grey: Uint8Array, width: number, height: number): Buffer {
  if (grey.length !== width * height) throw new Error(`expected ${width}x${height} grey pixels`);
  const png = new PNG({ width, height, ...GREY });
  png.data = Buffer.from(grey.buffer, grey.byteOffset, grey.byteLength);
  return PNG.sync.write(png, GREY);
}
