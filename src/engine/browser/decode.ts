import { DataError } from '../data/errors';
import { readImageHeader } from '../data/image-header';
import type { RgbaImage } from '../data/pixels';
import { decodePlainPng } from '../data/plain-png';

/**
 * The browser's image decoder, usable in a worker: plain 8-bit PNGs in JavaScript (decodePlainPng),
 * everything else with createImageBitmap + OffscreenCanvas to 8-bit RGBA.
 * No colour-space conversion, so pixels match the Node decoder's byte for byte (through the canvas,
 * opaque pixels exactly: it stores premultiplied alpha, so semi-transparent ones may differ by a level or two).
 */
export async function decodeImage(bytes: Uint8Array, path: string): Promise<RgbaImage> {
  const { format } = readImageHeader(bytes, path);
  const plain = format === 'png' ? decodePlainPng(bytes) : null;
  if (plain) return plain;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: `image/${format}` }), {
      premultiplyAlpha: 'none',
      colorSpaceConversion: 'none',
      imageOrientation: 'from-image',
    });
  } catch {
    throw new DataError(path, 'undecodable', { format: format === 'png' ? 'PNG' : 'JPEG' });
  }
  // The bitmap is upright (EXIF orientation applied), so a rotated photo's size is the header's swapped.
  const { width: w, height: h } = bitmap;
  const canvas = new OffscreenCanvas(w, h);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return { width: w, height: h, data: context.getImageData(0, 0, w, h).data };
}
