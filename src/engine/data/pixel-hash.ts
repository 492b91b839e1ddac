import type { RgbaImage } from './pixels';

/**
 * A fingerprint of an image's pixels (size and RGBA), so the same picture is recognised whatever
 * its file name or encoding: SHA-256, which Node and browsers both compute natively.
 */
export async function pixelHash({ width, height, data }: RgbaImage): Promise<string> {
  const bytes = new Uint8Array(8 + data.length);
  new DataView(bytes.buffer).setUint32(0, width);
  new DataView(bytes.buffer).setUint32(4, height);
  bytes.set(data, 8);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
