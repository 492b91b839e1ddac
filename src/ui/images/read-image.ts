import type { EncodedImage } from '../../shared/api';

/**
 * A fresh copy of a file's bytes for the worker, which decodes them (and names the file if it
 * cannot): the worker takes ownership of (empties) what it is sent. A JPEG is taken for a photo of
 * a drawing on paper (cameras write JPEG; drawing apps PNG): the worker finds the drawing in it.
 */
export const toEncodedInput = async (blob: Blob, name: string): Promise<EncodedImage> => ({
  kind: 'encoded',
  name,
  bytes: await blob.arrayBuffer(),
  photo: blob.type === 'image/jpeg' || /\.jpe?g$/i.test(name),
});
