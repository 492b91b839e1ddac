import { transfer } from 'comlink';

/** A buffer holding exactly these bytes: a view into a larger buffer is copied out. */
export const ownBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : bytes.slice().buffer;

/** Bytes handed to the page without a copy (a file to download). */
export function transferBytes(bytes: Uint8Array): ArrayBuffer {
  const buffer = ownBuffer(bytes);
  return transfer(buffer, [buffer]);
}
