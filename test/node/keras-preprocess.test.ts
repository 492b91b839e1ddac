import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toModelInput } from '../../src/engine/data/pixels';
import { decodeImage } from '../../src/engine/node/decode';
import { png, tempDir } from '../helpers/images';
import { python } from '../python/consumers';

describe("the README's Python preparation of an image", () => {
  it('gives the input the app gives the model, within 1e-5', async () => {
    const dir = tempDir('shapes-prepare-');
    // A translucent, odd-sized drawing: compositing before shrinking, and uneven area weights.
    const odd = join(dir, 'odd.png');
    writeFileSync(
      odd,
      png(37, 53, (x, y) => [(x * 7) % 256, (y * 5) % 256, 90, (x + y) % 3 === 0 ? 0 : 128 + ((x * y) % 128)]),
    );
    // An opaque grey one, odd-sized too: the app resizes those in one channel instead of three.
    const grey = join(dir, 'grey.png');
    writeFileSync(
      grey,
      png(41, 29, (x, y) => {
        const g = (x * 11 + y * 3) % 256;
        return [g, g, g, 255];
      }),
    );
    const files = [
      odd,
      grey,
      'test/fixtures/drawn/circle/circle001.png',
      'test/fixtures/drawn/triangle/triangle001.png',
    ];
    const prepared = await python<Record<string, number[]>>('prepare.py', files);
    for (const file of files) {
      const ours = toModelInput(decodeImage(new Uint8Array(readFileSync(file)), file), [24, 24]);
      const diff = Math.max(...prepared[file]!.map((v, i) => Math.abs(v - ours[i]!)));
      expect(diff, file).toBeLessThan(1e-5);
    }
  });
});
