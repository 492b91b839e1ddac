import type { RgbaImage } from './pixels';

/** EXIF orientation: 1 upright, 2–4 mirrored or turned half round, 5–8 turned a quarter (width and height swap). */
export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

const ORIENTATION_TAG = 0x0112;

/**
 * The orientation a phone wrote into a JPEG's EXIF (APP1) segment; 1 when there is none or it is
 * unreadable, since a broken tag must not stop an otherwise decodable photo.
 */
export function jpegOrientation(bytes: Uint8Array): Orientation {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1]!;
    // Start of scan: the metadata segments all come before it.
    if (marker === 0xda) break;
    const length = view.getUint16(offset + 2);
    if (marker === 0xe1 && isExif(bytes, offset + 4)) return tiffOrientation(view, offset + 10, offset + 2 + length);
    offset += 2 + length;
  }
  return 1;
}

function isExif(bytes: Uint8Array, at: number): boolean {
  return [0x45, 0x78, 0x69, 0x66, 0, 0].every((b, i) => bytes[at + i] === b);
}

/** Reads tag 0x0112 from IFD0 of the TIFF structure at `tiff`, not reading past `end`. */
function tiffOrientation(view: DataView, tiff: number, end: number): Orientation {
  if (tiff + 8 > end || end > view.byteLength) return 1;
  const order = view.getUint16(tiff);
  if (order !== 0x4949 && order !== 0x4d4d) return 1;
  const little = order === 0x4949;
  const ifd = tiff + view.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return 1;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return 1;
    if (view.getUint16(entry, little) !== ORIENTATION_TAG) continue;
    const value = view.getUint16(entry + 8, little);
    return value >= 1 && value <= 8 ? (value as Orientation) : 1;
  }
  return 1;
}

/**
 * The upright image, as browsers show it (createImageBitmap's default imageOrientation 'from-image').
 * Output pixel (x, y) is stored pixel start + x·dx + y·dy: each orientation is a linear index map.
 */
export function applyOrientation(image: RgbaImage, orientation: Orientation): RgbaImage {
  if (orientation === 1) return image;
  const { width: w, height: h } = image;
  const turned = orientation >= 5;
  const width = turned ? h : w;
  const height = turned ? w : h;
  const maps: Record<Exclude<Orientation, 1>, [number, number, number]> = {
    2: [w - 1, -1, w],
    3: [h * w - 1, -1, -w],
    4: [(h - 1) * w, 1, -w],
    5: [0, w, 1],
    6: [(h - 1) * w, -w, 1],
    7: [h * w - 1, -w, -1],
    8: [w - 1, w, -1],
  };
  const [start, dx, dy] = maps[orientation];
  // Whole pixels as 32-bit words: a quarter of the byte moves.
  const aligned = image.data.byteOffset % 4 === 0 ? image.data : Uint8Array.from(image.data);
  const source = new Uint32Array(aligned.buffer, aligned.byteOffset, w * h);
  const out = new Uint32Array(width * height);
  for (let y = 0, d = 0; y < height; y++) {
    for (let x = 0, s = start + y * dy; x < width; x++, s += dx) out[d++] = source[s]!;
  }
  return { width, height, data: new Uint8Array(out.buffer) };
}
