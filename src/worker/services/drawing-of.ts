import { decodeImage } from '../../engine/browser/decode';
import { drawingInPhoto } from '../../engine/data/photo';
import type { RgbaImage } from '../../engine/data/pixels';
import type { ImageInput } from '../../shared/api';

/**
 * The drawing an input holds, as pixels: a drawing's own, a file's decoded, and for a photo of
 * paper the drawing found in it (black on white, cropped); a photo without one is refused, named.
 */
export async function drawingOf(image: ImageInput): Promise<RgbaImage> {
  if (image.kind === 'pixels')
    return { width: image.width, height: image.height, data: new Uint8ClampedArray(image.rgba) };
  const decoded = await decodeImage(new Uint8Array(image.bytes), image.name);
  return image.photo ? drawingInPhoto(decoded, image.name) : decoded;
}
