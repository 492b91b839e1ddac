import { describe, expect, it } from 'vitest';
import { NO_AUGMENTATION, type AugmentOptions } from '../../src/shared/api';
import { applyTransform, augmentBatch, randomTransform } from '../../src/engine/data/augment';
import { createRng } from '../../src/engine/data/random';

const size = [24, 24] as const;
const pixels = 24 * 24 * 3;

/** A dark L shape on white: asymmetric, so rotations and flips are visible. */
function letterL(): Float32Array {
  const image = new Float32Array(pixels).fill(1);
  for (let r = 4; r < 20; r++) image.fill(0, (r * 24 + 6) * 3, (r * 24 + 8) * 3);
  image.fill(0, (18 * 24 + 6) * 3, (18 * 24 + 16) * 3);
  image.fill(0, (19 * 24 + 6) * 3, (19 * 24 + 16) * 3);
  return image;
}

const identity = { theta: 0, tx: 0, ty: 0, shear: 0, zx: 1, zy: 1, flipHorizontal: false, flipVertical: false };
const at = (image: Float32Array, r: number, c: number) => image[(r * 24 + c) * 3]!;
const strong: AugmentOptions = {
  rotationRange: 40,
  widthShiftRange: 0.2,
  heightShiftRange: 0.2,
  shearRange: 20,
  zoomRange: 0.4,
  horizontalFlip: true,
  verticalFlip: true,
  fillMode: 'constant',
  cval: 255,
};

describe('ImageDataGenerator-style augmentation', () => {
  it('leaves the image unchanged for the identity transform', () => {
    const image = letterL();
    expect(applyTransform(image, size, identity, NO_AUGMENTATION)).toEqual(image);
  });

  it('rotates by 90 degrees about the centre', () => {
    const image = letterL();
    const rotated = applyTransform(image, size, { ...identity, theta: Math.PI / 2 }, NO_AUGMENTATION);
    // Keras's rotation matrix maps output (r, c) to input (23 - c, r) for theta = 90°.
    for (let r = 0; r < 24; r++)
      for (let c = 0; c < 24; c++) expect(at(rotated, r, c)).toBeCloseTo(at(image, 23 - c, r), 4);
  });

  it('flips horizontally and vertically', () => {
    const image = letterL();
    const h = applyTransform(image, size, { ...identity, flipHorizontal: true }, NO_AUGMENTATION);
    const v = applyTransform(image, size, { ...identity, flipVertical: true }, NO_AUGMENTATION);
    expect(at(h, 10, 23 - 6)).toBe(0);
    expect(at(v, 23 - 18, 10)).toBe(0);
  });

  it('fills uncovered pixels by the fill mode', () => {
    const image = new Float32Array(pixels).fill(0.5);
    const shifted = { ...identity, ty: 6 };
    expect(at(applyTransform(image, size, shifted, { fillMode: 'constant', cval: 255 }), 10, 23)).toBe(1);
    expect(at(applyTransform(image, size, shifted, { fillMode: 'constant', cval: 0 }), 10, 23)).toBe(0);
    expect(at(applyTransform(image, size, shifted, { fillMode: 'nearest', cval: 0 }), 10, 23)).toBe(0.5);
  });

  it('is deterministic for a seed, differs for another, and stays within [0, 1]', () => {
    const images = new Float32Array(4 * pixels);
    for (let i = 0; i < 4; i++) images.set(letterL(), i * pixels);
    const rows = Int32Array.from([2, 0, 3]);
    const run = (seed: number) => augmentBatch(images, rows, size, strong, createRng(seed));
    const first = run(7);
    expect(run(7)).toEqual(first);
    expect(run(8)).not.toEqual(first);
    expect(first.length).toBe(3 * pixels);
    expect(Math.min(...first)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...first)).toBeLessThanOrEqual(1);
    // Every augmented drawing still has ink: the transform moves it, never wipes it out.
    for (let i = 0; i < 3; i++) expect(Math.min(...first.subarray(i * pixels, (i + 1) * pixels))).toBeLessThan(0.5);
  });

  it('draws parameters within the configured ranges', () => {
    const rng = createRng(1);
    for (let i = 0; i < 200; i++) {
      const p = randomTransform(strong, size, rng);
      expect(Math.abs(p.theta)).toBeLessThanOrEqual((40 * Math.PI) / 180);
      expect(Math.abs(p.tx)).toBeLessThanOrEqual(0.2 * 24);
      expect(p.zx).toBeGreaterThanOrEqual(0.6);
      expect(p.zx).toBeLessThanOrEqual(1.4);
    }
  });
});
