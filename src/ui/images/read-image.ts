import type { EncodedImage } from '../../shared/api';

/** An image the person supplied: its encoded bytes for the worker and its pixels for the preview. */
export interface SuppliedImage {
  name: string;
  blob: Blob;
  pixels: ImageData;
}

/** Decodes `blob` in the page for the preview; the worker decodes the same bytes for the model. */
export async function readImage(blob: Blob, name: string): Promise<SuppliedImage> {
  const bitmap = await createImageBitmap(blob);
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('2D canvas unavailable');
    context.drawImage(bitmap, 0, 0);
    return { name, blob, pixels: context.getImageData(0, 0, bitmap.width, bitmap.height) };
  } finally {
    bitmap.close();
  }
}

/** A fresh copy of the bytes each time: the worker takes ownership of (empties) what it is sent. */
export const toEncodedInput = async (image: SuppliedImage): Promise<EncodedImage> => ({
  kind: 'encoded',
  name: image.name,
  bytes: await image.blob.arrayBuffer(),
});
