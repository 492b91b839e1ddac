import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanPhoto } from '../../src/engine/data/photo';
import { decodeImage } from '../../src/engine/node/decode';
import { DEFAULT_SETTINGS, FIT_FRAME_DEFAULTS } from '../../src/shared/api';
import { type Pixel, png, tempDir, writeTree } from '../helpers/images';

const run = promisify(execFile);
const PHOTOS = 'test/fixtures/photos';
const shapes = async (...args: string[]) =>
  (await run('node', ['src/cli/shapes.mjs', ...args], { maxBuffer: 1 << 24 })).stdout;

/** A dark ring on white paper, of the given radius, centred at (cx, cy) on a 96 × 96 page. */
const ring = (cx: number, cy: number, radius: number) =>
  png(96, 96, (x, y) => {
    const v = Math.abs(Math.hypot(x + 0.5 - cx, y + 0.5 - cy) - radius) < Math.max(1.2, radius / 12) ? 25 : 255;
    return [v, v, v, 255];
  });

let model: string;
let stdout: string;

beforeAll(async () => {
  model = join(tempDir(), 'app-model');
  // One epoch: what is checked here is the data, the pipeline and what the model records.
  stdout = await shapes('train', '--app-defaults', '--epochs', '1', '--out', model);
}, 300_000);

describe('shapes train --app-defaults', () => {
  it('trains on the starter set with the class other, and records the app settings and the fitting', () => {
    expect(stdout).toMatch(/^Found \d{4} images belonging to 4 classes\.\nFound \d+ images belonging to 4 classes\.\n/);
    const metadata = JSON.parse(readFileSync(join(model, 'metadata.json'), 'utf8'));
    expect(metadata.classNames).toEqual(['circle', 'other', 'rectangle', 'triangle']);
    expect(metadata.preprocess).toEqual({ fitFrame: FIT_FRAME_DEFAULTS, averageTurns: true });
    const { backend: _, ...app } = DEFAULT_SETTINGS;
    expect(metadata.settings).toMatchObject({ ...app, epochs: 1 });
  });

  it('predict repeats the fitting: a small drawing in a corner gets the same answer as the same drawing centred', async () => {
    const dir = writeTree({ 'big.png': ring(48, 48, 40), 'small.png': ring(22, 70, 10) });
    const rows = JSON.parse(
      await shapes('predict', '--model', model, join(dir, 'big.png'), join(dir, 'small.png'), '--json'),
    );
    expect(rows.map((r: { file: string }) => r.file)).toEqual([join(dir, 'big.png'), join(dir, 'small.png')]);
    const [big, small] = rows.map((r: { probabilities: number[] }) => r.probabilities);
    for (const [i, p] of big.entries()) expect(Math.abs(p - small[i])).toBeLessThan(0.15);
    expect(rows[0].label).toBe(rows[1].label);
  });

  it('evaluate takes folders with an other/ class and keeps the JSON keys', async () => {
    const dir = writeTree({
      'circle/a.png': ring(48, 48, 30),
      'other/scribble.png': png(96, 96, (x, y) =>
        Math.abs(Math.sin(x / 5) * 30 + 48 - y) < 2 ? [20, 20, 20, 255] : [255, 255, 255, 255],
      ),
    });
    const result = JSON.parse(await shapes('evaluate', '--model', model, '--data', dir, '--json'));
    expect(Object.keys(result).sort()).toEqual(['accuracy', 'classIndices', 'confusion', 'loss', 'perClass']);
    expect(result.classIndices).toEqual({ circle: 0, other: 1, rectangle: 2, triangle: 3 });
    expect(result.confusion.flat().reduce((a: number, b: number) => a + b)).toBe(2);
  });

  it('predict --photo classifies the drawing the app finds in a photo, and refuses one without a drawing, named', async () => {
    const photo = join(PHOTOS, '09-triangle.jpg');
    const cleaned = cleanPhoto(decodeImage(new Uint8Array(readFileSync(photo)), photo));
    if (!cleaned.ok) throw new Error(`the fixture has a drawing (${cleaned.reason})`);
    const { width, height, data } = cleaned.image;
    const dir = writeTree({
      'cleaned.png': png(
        width,
        height,
        (x, y) => [...data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4)] as Pixel,
      ),
    });
    const [fromPhoto] = JSON.parse(await shapes('predict', '--model', model, '--photo', photo, '--json'));
    const [fromDrawing] = JSON.parse(await shapes('predict', '--model', model, join(dir, 'cleaned.png'), '--json'));
    expect(fromPhoto.file).toBe(photo);
    for (const [i, p] of fromPhoto.probabilities.entries()) expect(p).toBeCloseTo(fromDrawing.probabilities[i], 5);
    expect(fromPhoto.label).toBe(fromDrawing.label);

    const blank = join(PHOTOS, 'blank.jpg');
    const refused = shapes('predict', '--model', model, '--photo', photo, blank, '--json');
    await expect(refused).rejects.toMatchObject({ stderr: expect.stringContaining(blank) });
    await expect(refused).rejects.toMatchObject({ stderr: expect.stringContaining('no drawing found') });
  });
});
