import { describe, expect, it } from 'vitest';
import { FIT_FRAME_DEFAULTS } from '../../src/engine/data/fit-frame';
import { createRng } from '../../src/engine/data/random';
import { redraw, redrawBatch, type GreyImage, type RedrawOptions } from '../../src/engine/data/redraw';
import { spawnNodeRedrawWorker } from '../../src/engine/node/redraw-workers';
import { augmentSeed, provideRedrawWorker, type RedrawWorker, redrawAhead } from '../../src/engine/train/redraw-ahead';
import { DEFAULT_REDRAW } from '../../src/shared/api';

/** A 48 × 48 drawing of a 3-pixel outline of a wide rectangle. */
function rectangle(): GreyImage {
  const data = new Uint8Array(48 * 48).fill(255);
  for (let y = 14; y < 34; y++) {
    for (let x = 4; x < 44; x++) if (y < 17 || y >= 31 || x < 7 || x >= 41) data[y * 48 + x] = 0;
  }
  return { width: 48, height: 48, data };
}

const still: RedrawOptions = {
  strokeWidth: { radius: [0, 0] },
  rotationRange: 0,
  shearRange: 0,
  stretch: 1,
  horizontalFlip: false,
  verticalFlip: false,
  fit: FIT_FRAME_DEFAULTS,
};

/** Rows and columns of a 24 × 24 input that hold ink (red channel below 0.5). */
function inkRows(input: Float32Array) {
  const rows = new Set<number>();
  const columns = new Set<number>();
  for (let p = 0; p < 24 * 24; p++) {
    if (input[p * 3]! >= 0.5) continue;
    rows.add(Math.floor(p / 24));
    columns.add(p % 24);
  }
  return { rows: rows.size, columns: columns.size };
}

describe('redraw', () => {
  it('without random changes, fits the drawing to the frame keeping its aspect', () => {
    const { rows, columns } = inkRows(redraw(rectangle(), [24, 24], still, createRng(1)));
    expect(columns).toBeGreaterThanOrEqual(19);
    expect(rows).toBeLessThan(columns * 0.7);
  });

  it('turns drawings: a wide rectangle comes out tall at some angles, and always fitted', () => {
    const turning = { ...still, rotationRange: 90 };
    const shapes = Array.from({ length: 40 }, (_, seed) =>
      inkRows(redraw(rectangle(), [24, 24], turning, createRng(seed))),
    );
    expect(shapes.some((s) => s.rows > s.columns * 1.4)).toBe(true);
    expect(shapes.some((s) => s.columns > s.rows * 1.4)).toBe(true);
    // Fit to frame runs after the turn: the longer side always spans the frame minus its margin.
    for (const s of shapes) expect(Math.max(s.rows, s.columns)).toBeGreaterThanOrEqual(19);
  });

  it('thickens strokes with a positive radius', () => {
    const darkness = (x: Float32Array) => x.reduce((sum, v) => sum + (1 - v), 0);
    const thin = redraw(rectangle(), [24, 24], still, createRng(1));
    const thick = redraw(rectangle(), [24, 24], { ...still, strokeWidth: { radius: [1, 1] } }, createRng(1));
    expect(darkness(thick)).toBeGreaterThan(darkness(thin) * 1.3);
  });

  it('is deterministic for a seed', () => {
    const options: RedrawOptions = {
      ...still,
      rotationRange: 180,
      shearRange: 10,
      stretch: 1.3,
      strokeWidth: { radius: [-0.3, 1] },
    };
    const sources = [rectangle(), rectangle()];
    const rows = Int32Array.from([0, 1, 1]);
    const a = redrawBatch(sources, rows, [24, 24], options, createRng(7));
    expect(a).toHaveLength(3 * 24 * 24 * 3);
    expect(redrawBatch(sources, rows, [24, 24], options, createRng(7))).toEqual(a);
    expect(redrawBatch(sources, rows, [24, 24], options, createRng(8))).not.toEqual(a);
  });
});

describe('redrawing ahead of training in a worker thread', () => {
  it('gives every batch of every epoch exactly as redrawing in line does, in order', async () => {
    provideRedrawWorker(spawnNodeRedrawWorker);
    const options = { ...still, ...DEFAULT_REDRAW };
    const sources = Array.from({ length: 10 }, rectangle);
    const ahead = redrawAhead(sources, [24, 24], options, 5)!;
    const rng = createRng(augmentSeed(5));
    try {
      for (let epoch = 0; epoch < 2; epoch++) {
        const batches = [Int32Array.of(3, 1, 4), Int32Array.of(0, 5, 9), Int32Array.of(2, 6, 8), Int32Array.of(7)];
        ahead.epoch(batches);
        for (const rows of batches)
          expect(await ahead.next()).toEqual(redrawBatch(sources, rows, [24, 24], options, rng));
      }
    } finally {
      ahead.dispose();
    }
  });
});

describe('a redraw worker that fails', () => {
  const options = { ...still, ...DEFAULT_REDRAW };
  const sources = Array.from({ length: 6 }, rectangle);
  const batches = () => [Int32Array.of(3, 1), Int32Array.of(0, 5), Int32Array.of(2, 4)];

  /** A stand-in worker that answers `good` batches correctly, then fails as a crashed worker does. */
  function failingAfter(good: number) {
    return (): RedrawWorker => {
      const worker: RedrawWorker = {
        onmessage: null,
        onerror: null,
        terminate: () => undefined,
        postMessage(message) {
          if (message.kind !== 'epoch') return;
          const rng = createRng(augmentSeed(5));
          setTimeout(() => {
            for (const rows of message.batches.slice(0, good)) {
              worker.onmessage?.({ data: { pixels: redrawBatch(sources, rows, [24, 24], options, rng) } });
            }
            worker.onerror?.({ message: 'it crashed' });
          });
        },
      };
      return worker;
    };
  }

  it('before its first batch leaves the run to redraw in line, giving the same batches', async () => {
    provideRedrawWorker(failingAfter(0));
    const ahead = redrawAhead(sources, [24, 24], options, 5)!;
    const rng = createRng(augmentSeed(5));
    ahead.epoch(batches());
    for (const rows of batches())
      expect(await ahead.next()).toEqual(redrawBatch(sources, rows, [24, 24], options, rng));
    ahead.dispose();
  });

  it('after a batch fails the run with the reason, once the batches it sent are used', async () => {
    provideRedrawWorker(failingAfter(1));
    const ahead = redrawAhead(sources, [24, 24], options, 5)!;
    ahead.epoch(batches());
    expect((await ahead.next()).length).toBe(2 * 24 * 24 * 3);
    await expect(ahead.next()).rejects.toThrow('the redraw worker failed: it crashed');
    ahead.dispose();
  });
});
