// Turns raw runs into the table's rows: median s/epoch, the tutorial's 50-epoch total (measured, or
// projected from the epochs run), the ratio to PyTorch, steps/s, peak memory, loss and accuracy.
import { TUTORIAL_EPOCHS } from './options';
import { median, mib, sum } from './stats';
import type { PathSummary, Runtime, TrainRun } from './types';

/** Optimizer steps per tutorial epoch: 45 images in batches of 3. */
export const STEPS_PER_EPOCH = 15;

const MEMORY_NOTE: Record<Runtime, string> = {
  'chromium worker': 'Chromium process tree RSS, peak above its level before training',
  node: 'process peak RSS (Node included)',
  pytorch: 'process peak RSS (Python and torch included)',
};

export function summarizePath(runs: TrainRun[]): PathSummary {
  const first = runs[0]!;
  const epochsRun = Math.min(...runs.map((r) => r.seconds.length));
  const firsts = runs.map((r) => r.seconds[0]!);
  // The first epoch carries warm-up (shader compiles, wasm tier-up); the median leaves it out.
  const steady = runs.flatMap((r) => r.seconds.slice(1));
  const medianEpochSeconds = steady.length ? median(steady) : median(firsts);
  const projected = epochsRun < TUTORIAL_EPOCHS;
  const totalSeconds = projected
    ? median(firsts) + (TUTORIAL_EPOCHS - 1) * medianEpochSeconds
    : median(runs.map((r) => sum(r.seconds.slice(0, TUTORIAL_EPOCHS))));
  return {
    path: first.path,
    runtime: first.runtime,
    device: first.device,
    runs: runs.length,
    epochsRun,
    medianEpochSeconds,
    firstEpochSeconds: median(firsts),
    totalSeconds,
    projected,
    stepsPerSecond: STEPS_PER_EPOCH / medianEpochSeconds,
    peakMemoryMiB: mib(median(runs.map((r) => r.peakMemoryBytes))),
    memoryNote: MEMORY_NOTE[first.runtime],
    loss: first.loss,
    testAccuracy: first.testAccuracy,
  };
}

/** One row per (runtime, path), in the order the paths were first run; ratios against PyTorch. */
export function summarizeAll(runs: TrainRun[]): PathSummary[] {
  const groups = new Map<string, TrainRun[]>();
  for (const run of runs) {
    const key = `${run.runtime}/${run.path}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  const rows = [...groups.values()].map(summarizePath);
  const torch = rows.find((r) => r.path === 'pytorch (1 thread)');
  return rows.map((r) => (torch ? { ...r, ratioToPytorch: r.totalSeconds / torch.totalSeconds } : r));
}
