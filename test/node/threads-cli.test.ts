// `shapes train --threads N`: every thread count saves the same model, byte for byte.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { shapesTree, tempDir } from '../helpers/images';

const run = promisify(execFile);

describe('shapes train --threads', () => {
  it('trains the same weights on 1 and 2 threads, and refuses 0', async () => {
    const data = shapesTree(4, 1);
    const weights: Buffer[] = [];
    for (const threads of ['1', '2']) {
      const out = join(tempDir(), `model-${threads}`);
      const args = ['train', '--data', data, '--epochs', '2', '--threads', threads, '--out', out];
      const { stderr } = await run('node', ['src/cli/shapes.mjs', ...args]);
      expect(stderr).toBe('');
      weights.push(readFileSync(join(out, 'weights.bin')));
      expect(JSON.parse(readFileSync(join(out, 'metadata.json'), 'utf8')).settings.threads).toBe(Number(threads));
    }
    expect(weights[1]!.equals(weights[0]!)).toBe(true);
    await expect(run('node', ['src/cli/shapes.mjs', 'train', '--threads', '0'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--threads'),
    });
  });
});
