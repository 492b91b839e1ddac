import { DataError } from '../data/errors';
import { readImageHeader } from '../data/image-header';
import type { RgbaImage } from '../data/pixels';

/**
 * The browser's image decoder, usable in a worker: createImageBitmap + OffscreenCanvas to 8-bit RGBA.
 * No colour-space conversion, so pixels match the Node decoder's byte for byte (opaque pixels exactly;
 * the canvas stores premultiplied alpha, so semi-transparent ones may differ by a level or two).
 */
export async function decodeImage(bytes: Uint8Array, path: string): Promise<RgbaImage> {
  const { format, width, height } = readImageHeader(bytes, path);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: `image/${format}` }), {
      premultiplyAlpha: 'none',
      colorSpaceConversion: 'none',
    });
  } catch {
    throw new DataError(path, 'undecodable', { format: format === 'png' ? 'PNG' : 'JPEG' });
  }
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return { width, height, data: context.getImageData(0, 0, width, height).data };
}
