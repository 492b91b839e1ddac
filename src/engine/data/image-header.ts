import { DataError } from './errors';

export type ImageFormat = 'png' | 'jpeg';

export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
}

/** Decoding a huge image would exhaust memory long before it helps a 24x24 model. */
export const MAX_IMAGE_PIXELS = 4096 * 4096;
export const MAX_IMAGE_BYTES = 32 * 1024 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Reads format and size from the first bytes, so that empty, foreign and oversized files are refused
 * with a clear reason before any decoder sees them (decoders fail with cryptic messages, or slowly).
 */
export function readImageHeader(bytes: Uint8Array, path: string): ImageHeader {
  if (bytes.length === 0) throw new DataError(path, 'emptyFile');
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new DataError(path, 'fileTooLarge', { bytes: bytes.length, limit: MAX_IMAGE_BYTES });
  }
  const header = PNG_SIGNATURE.every((b, i) => bytes[i] === b)
    ? pngHeader(bytes, path)
    : bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff
      ? jpegHeader(bytes, path)
      : undefined;
  if (!header) throw new DataError(path, foreignFormat(bytes) ?? 'notImage');
  if (header.width === 0 || header.height === 0) throw new DataError(path, 'zeroSize', { format: header.format });
  if (header.width * header.height > MAX_IMAGE_PIXELS) {
    const megapixels = (MAX_IMAGE_PIXELS / 1e6) | 0;
    throw new DataError(path, 'imageTooLarge', { width: header.width, height: header.height, megapixels });
  }
  return header;
}

/** Formats people often have that the app cannot decode everywhere, named so the message says what to do. */
function foreignFormat(bytes: Uint8Array): 'gifImage' | 'webpImage' | undefined {
  const text = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (text(0, 4) === 'GIF8') return 'gifImage';
  if (text(0, 4) === 'RIFF' && text(8, 12) === 'WEBP') return 'webpImage';
  return undefined;
}

function pngHeader(bytes: Uint8Array, path: string): ImageHeader {
  const ihdr = String.fromCharCode(...bytes.subarray(12, 16));
  if (bytes.length < 24 || ihdr !== 'IHDR') throw new DataError(path, 'noPngHeader');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { format: 'png', width: view.getUint32(16), height: view.getUint32(20) };
}

/** Walks the JPEG marker segments up to the first start-of-frame, which holds the size. */
function jpegHeader(bytes: Uint8Array, path: string): ImageHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  while (offset + 9 <= bytes.length) {
    if (bytes[offset] !== 0xff) break;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) {
      return { format: 'jpeg', height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    offset += 2 + view.getUint16(offset + 2);
  }
  throw new DataError(path, 'noJpegFrame');
}
