// Test page served by the Vite dev server: exposes the worker's browser code to Playwright.
import { proxy, wrap } from 'comlink';
import type { ExposedShapesApi } from '../../../src/shared/api';
import { decodeImage } from '../../../src/engine/browser/decode';
import { toModelInput } from '../../../src/engine/data/pixels';
import { createRng } from '../../../src/engine/data/random';
import { type GreyImage, redrawBatch } from '../../../src/engine/data/redraw';
// Registers the redraw workers, as the training worker does.
import '../../../src/engine/browser/redraw-workers';
import { augmentSeed, redrawAhead } from '../../../src/engine/train/redraw-ahead';
import { DEFAULT_REDRAW, FIT_FRAME_DEFAULTS } from '../../../src/shared/api';

const engine = {
  /** Decodes with createImageBitmap + OffscreenCanvas and converts like the loader does. */
  async modelInput(bytes: number[], size: [number, number]): Promise<number[]> {
    return Array.from(toModelInput(await decodeImage(new Uint8Array(bytes), 'test'), size));
  },
  proxy,
  /** Bytes cross Playwright's evaluate as base64: arrays of numbers are slow for megabytes. */
  toBase64(buffer: ArrayBuffer): string {
    const bytes = new Uint8Array(buffer);
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  },
  fromBase64(text: string): ArrayBuffer {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0)).buffer;
  },
  /**
   * Redraws `epochs` epochs of shuffled batches of ring drawings in a redraw worker and in line, and
   * counts the floats that differ (the worker must give the same batches, in order).
   */
  async redrawAheadDiffers(epochs: number, batchSize: number): Promise<{ batches: number; differing: number }> {
    const sources: GreyImage[] = Array.from({ length: 20 }, (_, i) => {
      const data = new Uint8Array(48 * 48).fill(255);
      for (let a = 0; a < 200; a++) {
        const t = (a / 200) * 2 * Math.PI;
        const x = Math.round(24 + (8 + i) * Math.cos(t));
        const y = Math.round(24 + (6 + (i % 9)) * Math.sin(t));
        data[y * 48 + x] = 0;
      }
      return { width: 48, height: 48, data };
    });
    const options = { ...DEFAULT_REDRAW, fit: FIT_FRAME_DEFAULTS };
    const ahead = redrawAhead(sources, [24, 24], options, 7)!;
    const rng = createRng(augmentSeed(7));
    const order = createRng(1);
    const rows = Array.from({ length: sources.length }, (_, i) => i);
    let batches = 0;
    let differing = 0;
    try {
      for (let e = 0; e < epochs; e++) {
        order.shuffle(rows);
        const epoch = Array.from({ length: Math.ceil(rows.length / batchSize) }, (_, b) =>
          Int32Array.from(rows.slice(b * batchSize, (b + 1) * batchSize)),
        );
        ahead.epoch(epoch);
        for (const batch of epoch) {
          const inLine = redrawBatch(sources, batch, [24, 24], options, rng);
          const worked = await ahead.next();
          batches++;
          differing +=
            inLine.length === worked.length ? inLine.filter((v, i) => v !== worked[i]).length : inLine.length;
        }
      }
    } finally {
      ahead.dispose();
    }
    return { batches, differing };
  },
  startWorker() {
    const worker = new Worker(new URL('../../../src/worker/shapes.worker.ts', import.meta.url), { type: 'module' });
    return wrap<ExposedShapesApi>(worker);
  },
};

declare global {
  interface Window {
    engine: typeof engine;
    engineReady: boolean;
  }
}
window.engine = engine;
window.engineReady = true;
