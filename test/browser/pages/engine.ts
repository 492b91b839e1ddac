// Test page served by the Vite dev server: exposes the worker's browser code to Playwright.
import { proxy, wrap } from 'comlink';
import type { ExposedShapesApi } from '../../../src/shared/api';
import { decodeImage } from '../../../src/engine/browser/decode';
import { toModelInput } from '../../../src/engine/data/pixels';

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
