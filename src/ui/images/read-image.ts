import type { EncodedImage } from '../../shared/api';

/**
 * A fresh copy of a file's bytes for the worker, which decodes them (and names the file if it
 * cannot): the worker takes ownership of (empties) what it is sent.
 */
export const toEncodedInput = async (blob: Blob, name: string): Promise<EncodedImage> => ({
  kind: 'encoded',
  name,
  bytes: await blob.arrayBuffer(),
});
