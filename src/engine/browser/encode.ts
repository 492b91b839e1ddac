import type { PixelImage } from '../../shared/api';
import { DataError } from '../data/errors';
import { MAX_IMAGE_PIXELS } from '../data/image-header';

/** A drawing's RGBA pixels as a PNG file, the form every sample is kept and exported in. */
export async function encodePixelsAsPng(image: PixelImage): Promise<Uint8Array> {
  const { width, height, name } = image;
  if (
    !(width > 0 && height > 0 && width * height <= MAX_IMAGE_PIXELS) ||
    image.rgba.byteLength !== width * height * 4
  ) {
    throw new DataError(name, 'notPixels', { width, height, bytes: image.rgba.byteLength });
  }
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(image.rgba), width, height), 0, 0);
  return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
}

/** A model input (HWC floats in [0, 1]) as an opaque RGBA image the page can draw. */
export function modelInputAsPixels(input: Float32Array, [h, w]: readonly [number, number], name: string): PixelImage {
  const rgba = new Uint8ClampedArray(h * w * 4);
  for (let p = 0; p < h * w; p++) {
    for (let c = 0; c < 3; c++) rgba[p * 4 + c] = Math.round(input[p * 3 + c]! * 255);
    rgba[p * 4 + 3] = 255;
  }
  return { kind: 'pixels', name, width: w, height: h, rgba: rgba.buffer };
}
