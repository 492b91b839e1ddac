// s/image as the dataset grows 45 → 450 → 4,500 → 10,002 training images, on the fast path in the app's
// worker: seeded datasets from the project's generator, served beside the build, opened in turn by
// one worker (so the wasm kernels are warm from the first size), with memory recorded at each size.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { generateDataset } from '../dataset/generate';
import type { ServedApp } from './app-build';
import { median } from './stats';
import type { MemorySample } from './types';
import { openWorkerPage, reopen, trainOnPage } from './worker-run';

export interface ScalePoint {
  trainImages: number;
  testImages: number;
  epochSeconds: number[];
  /** Median of epochs 2..n (the first epoch at a size is excluded). */
  medianEpochSeconds: number;
  secondsPerImage: number;
  /** Worker memory sampled during the second epoch. */
  memory?: MemorySample;
  peakRssAboveIdleMiB: number;
}

/**
 * Seeded datasets of `perClass` training images per class (the test split a third as large, like
 * the bundled 15/5), written into the served build so the worker can open them like the bundled set.
 */
export function generateScaleData(app: ServedApp, sizes: number[]): void {
  for (const perClass of sizes) {
    // The worker opens the starter set too at every root; the bench trains on the class folders.
    cpSync(join(app.outDir, 'data/starter'), join(app.outDir, 'bench-data', String(perClass), 'data/starter'), {
      recursive: true,
    });
    generateDataset({
      out: join(app.outDir, 'bench-data', String(perClass), 'data/shapes'),
      seed: 3,
      splits: [
        { name: 'train', perClass, difficulty: 'normal' },
        { name: 'test', perClass: Math.round(perClass / 3), difficulty: 'normal' },
      ],
    });
  }
}

export async function measureScaling(app: ServedApp, sizes: number[]): Promise<ScalePoint[]> {
  const root = (perClass: number) => new URL(`bench-data/${perClass}/`, app.appUrl).href;
  const w = await openWorkerPage(app, 'wasm-simd', root(sizes[0]!));
  try {
    const points: ScalePoint[] = [];
    for (const perClass of sizes) {
      await reopen(w, root(perClass));
      const trainImages = perClass * 3;
      // At least ~1,350 images' worth of timed epochs per size (about 2 s): a small size's epochs
      // last tens of milliseconds, where one scheduling hiccup would otherwise decide the median.
      const epochs = Math.max(2, Math.ceil(1350 / trainImages) + 1);
      const run = await trainOnPage(w, 'wasm-simd', { epochs, memoryEachEpoch: true });
      const medianEpochSeconds = median(run.seconds.slice(1));
      points.push({
        trainImages,
        testImages: Math.round(perClass / 3) * 3,
        epochSeconds: run.seconds,
        medianEpochSeconds,
        secondsPerImage: medianEpochSeconds / trainImages,
        memory: run.memory[0],
        peakRssAboveIdleMiB: run.peakMemoryBytes / 2 ** 20,
      });
    }
    return points;
  } finally {
    await w.browser.close();
  }
}
