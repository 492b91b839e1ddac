import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { cleanPhoto } from '../../src/engine/data/photo';
import type { RgbaImage } from '../../src/engine/data/pixels';
import { createRng } from '../../src/engine/data/random';
import { decodeImage } from '../../src/engine/node/decode';
import { alignedInput, correlation, soften } from '../../src/tools/photos/compare';
import { readPng } from '../../src/tools/photos/measure';
import { makePhoto } from '../../src/tools/photos/photo';
import type { Entry } from '../../src/tools/photos/sets';

const FIXTURES = 'test/fixtures/photos';
const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as Entry[];
const photo = (name: string) => decodeImage(new Uint8Array(readFileSync(join(FIXTURES, name))), name);
const drawings = manifest.filter((e) => e.expect === 'drawing');

/** The 24x24 model input of each, both cropped to their ink and centred, softened by a pixel. */
const likeness = (a: RgbaImage, b: RgbaImage) => correlation(soften(alignedInput(a)), soften(alignedInput(b)));

function image(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number, number],
): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 4);
  return { width, height, data };
}

describe('cleanPhoto on synthetic phone photos', () => {
  // Different HDS drawings correlate at 0.15 (median) and 0.56 (90th percentile) by this measure;
  // on 200 generated photos the cleaned drawings correlate with their sources at 0.93 (median).
  const scores = drawings.map((entry) => {
    const input = photo(entry.photo);
    const cleaned = cleanPhoto(input);
    const r = cleaned.ok ? likeness(cleaned.image, readPng(resolve(FIXTURES, entry.source!))) : -1;
    return { entry, size: [input.width, input.height], cleaned, r };
  });

  it.each(scores.map((s) => [s.entry.photo, s] as const))('%s gives its drawing', (_, { cleaned, r }) => {
    expect(cleaned.ok).toBe(true);
    expect(r).toBeGreaterThanOrEqual(0.6);
  });

  it('keeps the drawings recognisable on average', () => {
    expect(scores.reduce((sum, s) => sum + s.r, 0) / scores.length).toBeGreaterThanOrEqual(0.85);
  });

  it('draws grey ink, black at its core, on pure white, inside the photo', () => {
    for (const { entry, size, cleaned } of scores) {
      if (!cleaned.ok) continue;
      const { data, width, height } = cleaned.image;
      let [grey, white, darkest] = [true, 0, 255];
      for (let i = 0; i < data.length; i += 4) {
        grey &&= data[i] === data[i + 1] && data[i] === data[i + 2] && data[i + 3] === 255;
        white += data[i] === 255 ? 1 : 0;
        darkest = Math.min(darkest, data[i]!);
      }
      expect(grey, entry.photo).toBe(true);
      expect(white / (width * height), entry.photo).toBeGreaterThan(0.5);
      expect(darkest, entry.photo).toBe(0);
      const { x, y, width: w, height: h } = cleaned.box;
      expect(x >= 0 && y >= 0 && x + w <= size[0]! && y + h <= size[1]!, entry.photo).toBe(true);
    }
  });

  it('refuses a blank sheet as blank', () => {
    expect(cleanPhoto(photo('blank.jpg'))).toEqual({ ok: false, reason: 'blank' });
  });

  it('refuses a photo of a room as not paper', () => {
    expect(cleanPhoto(photo('room.jpg'))).toEqual({ ok: false, reason: 'not-paper' });
  });

  it('refuses noise as not paper', () => {
    const rng = createRng(5);
    const noise = image(400, 300, () => [rng.int(256), rng.int(256), rng.int(256), 255]);
    expect(cleanPhoto(noise)).toEqual({ ok: false, reason: 'not-paper' });
  });

  it('refuses a plain white image as blank', () => {
    expect(cleanPhoto(image(300, 200, () => [250, 250, 250, 255]))).toEqual({ ok: false, reason: 'blank' });
  });

  it('refuses two drawings far apart, and squared paper, as cluttered', () => {
    const ring = (x: number, y: number, cx: number, cy: number) => Math.abs(Math.hypot(x - cx, y - cy) - 60) < 3;
    const two = image(600, 450, (x, y) =>
      ring(x, y, 120, 120) || ring(x, y, 480, 330) ? [20, 20, 20, 255] : [245, 245, 245, 255],
    );
    expect(cleanPhoto(two)).toEqual({ ok: false, reason: 'cluttered' });
    const squared = image(600, 450, (x, y) =>
      ring(x, y, 300, 225)
        ? [20, 20, 20, 255]
        : x % 12 === 0 || y % 12 === 0
          ? [150, 180, 230, 255]
          : [245, 245, 245, 255],
    );
    expect(cleanPhoto(squared)).toEqual({ ok: false, reason: 'cluttered' });
  });

  it('takes a drawing on a transparent canvas as ink on white paper', () => {
    const ring = image(240, 240, (x, y) =>
      Math.abs(Math.hypot(x - 120, y - 120) - 70) < 3 ? [0, 0, 0, 255] : [0, 0, 0, 0],
    );
    const cleaned = cleanPhoto(ring);
    expect(cleaned.ok).toBe(true);
    if (cleaned.ok) expect(likeness(cleaned.image, ring)).toBeGreaterThan(0.9);
  });

  it('reads the sideways fixtures upright (EXIF 6 and 8) before cleaning', () => {
    const sideways = manifest.filter((e) => / orientation [68]$/.test(e.notes));
    expect(sideways.length).toBe(2);
    for (const entry of sideways) {
      const raw = jpeg.decode(readFileSync(join(FIXTURES, entry.photo)), { useTArray: true });
      const upright = photo(entry.photo);
      expect([upright.width, upright.height]).toEqual([raw.height, raw.width]);
      expect(scores.find((s) => s.entry === entry)!.r).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('is deterministic, and so is the photo generator', () => {
    const input = photo(drawings[0]!.photo);
    expect(cleanPhoto(input)).toEqual(cleanPhoto(input));
    const source = { png: new Uint8Array(readFileSync(resolve(FIXTURES, drawings[0]!.source!))) };
    expect(makePhoto(source, createRng(9), 160).jpeg).toEqual(makePhoto(source, createRng(9), 160).jpeg);
  });

  it('works at another analysis size', () => {
    const cleaned = cleanPhoto(photo(drawings[1]!.photo), { workSize: 256 });
    expect(cleaned.ok && likeness(cleaned.image, readPng(resolve(FIXTURES, drawings[1]!.source!)))).toBeGreaterThan(
      0.6,
    );
  });
});
