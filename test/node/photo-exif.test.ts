import { describe, expect, it } from 'vitest';
import { applyOrientation, jpegOrientation, type Orientation } from '../../src/engine/data/exif';
import { decodeImage } from '../../src/engine/node/decode';
import { withOrientation } from '../../src/tools/photos/exif';
import { jpg } from '../helpers/images';

// Stored 40x20 (landscape, as the sensor reads it) with a red block in the stored top-left corner.
const stored = jpg(40, 20, (x, y) => (x < 10 && y < 10 ? [255, 0, 0, 255] : [255, 255, 255, 255]));
const redAt = (image: { width: number; data: ArrayLike<number> }, x: number, y: number) => {
  const i = (y * image.width + x) * 4;
  return image.data[i]! > 200 && image.data[i + 1]! < 80;
};

describe('EXIF orientation in Node', () => {
  it('reads the tag, and 1 when there is none', () => {
    expect(jpegOrientation(stored)).toBe(1);
    for (const o of [3, 6, 8] as Orientation[]) expect(jpegOrientation(withOrientation(stored, o))).toBe(o);
  });

  it('turns orientation 6 a quarter clockwise: top-left goes to top-right', () => {
    const image = decodeImage(withOrientation(stored, 6), 'phone.jpg');
    expect([image.width, image.height]).toEqual([20, 40]);
    expect(redAt(image, 15, 5)).toBe(true);
    expect(redAt(image, 5, 5)).toBe(false);
  });

  it('turns orientation 8 a quarter anticlockwise: top-left goes to bottom-left', () => {
    const image = decodeImage(withOrientation(stored, 8), 'phone.jpg');
    expect([image.width, image.height]).toEqual([20, 40]);
    expect(redAt(image, 5, 35)).toBe(true);
    expect(redAt(image, 5, 5)).toBe(false);
  });

  it('undoes each orientation with its inverse (6 and 8 undo each other, the rest themselves)', () => {
    // Upright 3x2 image with distinct pixels; store it as each orientation would, then turn it back.
    const upright = { width: 3, height: 2, data: new Uint8Array(24).map((_, i) => i) };
    const inverse: Record<Orientation, Orientation> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 8, 7: 7, 8: 6 };
    for (const o of [1, 2, 3, 4, 5, 6, 7, 8] as Orientation[]) {
      expect(applyOrientation(applyOrientation(upright, inverse[o]), o)).toEqual(upright);
    }
  });

  it('ignores a truncated EXIF segment', () => {
    const tagged = withOrientation(stored, 6);
    const broken = new Uint8Array([...tagged.subarray(0, 4), 0, 4, ...tagged.subarray(6)]);
    expect(jpegOrientation(broken)).toBe(1);
  });
});
