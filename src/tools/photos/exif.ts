// Writes the EXIF orientation tag a phone would, so photos can be stored sideways like a camera stores them.
import type { Orientation } from '../../engine/data/exif';

/** The JPEG with an APP1 segment holding one IFD0 entry (orientation) inserted right after SOI. */
export function withOrientation(jpeg: Uint8Array, orientation: Orientation): Uint8Array {
  const tiff = [
    ...[0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08], // big-endian TIFF header, IFD0 at offset 8
    ...[0x00, 0x01], // one entry
    ...[0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00], // 0x0112 SHORT ×1
    ...[0x00, 0x00, 0x00, 0x00], // no next IFD
  ];
  const payload = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00, ...tiff];
  const length = payload.length + 2;
  const segment = [0xff, 0xe1, length >> 8, length & 0xff, ...payload];
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(jpeg.subarray(0, 2));
  out.set(segment, 2);
  out.set(jpeg.subarray(2), 2 + segment.length);
  return out;
}
