import { describe, expect, it } from 'vitest';
import { sharedEnginePage } from './pages';

const shared = sharedEnginePage({ worker: false });

describe('redrawing ahead of training in a worker', () => {
  it('gives every batch of every epoch exactly as redrawing in line does, in order', async () => {
    const result = await shared.page.evaluate(() => window.engine.redrawAheadDiffers(3, 6));
    // 20 drawings in batches of 6: 4 batches an epoch, the last one short.
    expect(result).toEqual({ batches: 12, differing: 0 });
  });
});
