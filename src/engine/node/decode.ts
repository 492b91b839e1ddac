import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { DataError } from '../data/errors';
import { applyOrientation, jpegOrientation } from '../data/exif';
import { MAX_IMAGE_PIXELS, readImageHeader } from '../data/image-header';
import type { RgbaImage } from '../data/pixels';

/**
 * Node's image decoder: pure-JS PNG and JPEG to 8-bit RGBA (pngjs expands grayscale, palettes and
 * 16-bit samples), matching what the browser's createImageBitmap path produces; that includes turning a
 * phone's JPEG upright by its EXIF orientation, which jpeg-js ignores.
 */
export function decodeImage(bytes: Uint8Array, path: string): RgbaImage {
  const { format } = readImageHeader(bytes, path);
  try {
    if (format === 'png') {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
    }
    const image = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6,
      maxMemoryUsageInMB: 512,
    });
    return applyOrientation({ width: image.width, height: image.height, data: image.data }, jpegOrientation(bytes));
  } catch (error) {
    throw new DataError(path, 'corruptImage', {
      format: format === 'png' ? 'PNG' : 'JPEG',
      detail: (error as Error).message,
    });
  }
}
