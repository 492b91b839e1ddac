// The app-default-like run (more images, a larger batch, a few epochs) in the app's worker on the
// fast path, on one thread and on every core, interleaved run by run on the same generated dataset.
import { AUGMENT_PRESETS } from '../../shared/api';
import type { ServedApp } from './app-build';
import type { AppRunPlan } from './options';
import { generateScaleData } from './scaling';
import { median } from './stats';
import type { TrainRun } from './types';
import { openWorkerPage, trainOnPage } from './worker-run';

export interface AppRunResult {
  plan: AppRunPlan;
  trainImages: number;
  runs: TrainRun[];
  /** Median s/epoch over every run's epochs but the first, per row. */
  medianEpochSeconds: Record<string, number>;
  /** Median 1-thread epoch ÷ median all-cores epoch. */
  speedup: number;
}

export async function measureAppRun(
  app: ServedApp,
  plan: AppRunPlan,
  cores: number,
  rounds: number,
): Promise<AppRunResult> {
  generateScaleData(app, [plan.perClass]);
  const root = new URL(`bench-data/${plan.perClass}/`, app.appUrl).href;
  const runs: TrainRun[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const threads of [1, cores]) {
      const w = await openWorkerPage(app, 'wasm-simd', root);
      try {
        const { epochs, batchSize } = plan;
        runs.push(
          await trainOnPage(w, 'wasm-simd', { epochs, batchSize, augment: AUGMENT_PRESETS[plan.augment], threads }),
        );
      } finally {
        await w.browser.close();
      }
    }
  }
  const medianEpochSeconds: Record<string, number> = {};
  for (const path of new Set(runs.map((r) => r.path))) {
    medianEpochSeconds[path] = median(runs.filter((r) => r.path === path).flatMap((r) => r.seconds.slice(1)));
  }
  const [one, all] = [runs[0]!.path, runs[1]!.path].map((p) => medianEpochSeconds[p]!);
  return { plan, trainImages: plan.perClass * 3, runs, medianEpochSeconds, speedup: one! / all! };
}
