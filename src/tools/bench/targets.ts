// The targets, each judged from the bench's measurements: met, missed, or not measured.
import type { AppRunResult } from './app-run';
import type { BundleSizes } from './bundle-size';
import type { GpuCounters } from './page/gpu-counters';
import type { ScalePoint } from './scaling';
import { max } from './stats';
import { torchLabel } from './pytorch';
import type { PathSummary, TrainRun } from './types';
import type { UiMetrics } from './ui-metrics';

export interface Target {
  target: string;
  measured: string;
  status: 'met' | 'missed' | 'not measured';
}

const judge = (ok: boolean): Target['status'] => (ok ? 'met' : 'missed');
const fmt = (x: number, digits = 2) => x.toFixed(digits);

export interface TargetInputs {
  summaries: PathSummary[];
  runs: TrainRun[];
  ui: UiMetrics;
  bundle: BundleSizes;
  scaling: ScalePoint[];
  gpu: GpuCounters[];
  appRun: AppRunResult;
  /** Median single-image prediction round trip, ms. */
  predictMs: number;
  /** torch.get_num_threads() by default here. */
  torchDefaultThreads?: number;
}

/** The fast path's rows in the app's worker: on one thread, and on every core (the default). */
function fastRows(summaries: PathSummary[]): { one?: PathSummary; all?: PathSummary } {
  const fast = summaries.filter((s) => s.runtime === 'chromium worker' && s.path.startsWith('wasm-simd'));
  const one = fast.find((s) => s.path === 'wasm-simd, 1 thread');
  return { one, all: fast.find((s) => s !== one) ?? one };
}

function speed({ summaries, torchDefaultThreads }: TargetInputs): Target {
  const threads = torchDefaultThreads ?? 1;
  const target = `Tutorial 50-epoch run in the app's worker ≤ 0.4× PyTorch's CPU time at its default thread count (${threads} here)`;
  const { all } = fastRows(summaries);
  const torch = summaries.find((s) => s.path === torchLabel(threads));
  if (!all || !torch) return { target, measured: 'PyTorch not available here', status: 'not measured' };
  const ratio = all.totalSeconds / torch.totalSeconds;
  const others = summaries
    .filter((s) => s.runtime === 'pytorch' && s !== torch)
    .map((s) => `; ${fmt(all.totalSeconds / s.totalSeconds)}× ${s.path}`)
    .join('');
  const measured = `${fmt(ratio)}× (${all.path} ${fmt(all.totalSeconds)} s vs ${torch.path} ${fmt(torch.totalSeconds)} s${others})`;
  return { target, measured, status: judge(ratio <= 0.4) };
}

function threads({ summaries, appRun }: TargetInputs): Target[] {
  const { one, all } = fastRows(summaries);
  const tutorial = "Tutorial (batch 3) in the app's worker: every core (2 here) ≥ 1.4× faster than 1 thread";
  const app = `App-default-like run (${appRun.trainImages} images, batch ${appRun.plan.batchSize}): every core ≥ 1.7× faster than 1 thread`;
  const rows = Object.entries(appRun.medianEpochSeconds)
    .map(([path, sec]) => `${path} ${fmt(sec, 3)} s/epoch`)
    .join(', ');
  return [
    one && all && one !== all
      ? {
          target: tutorial,
          measured: `${fmt(one.medianEpochSeconds / all.medianEpochSeconds)}× (median ${fmt(one.medianEpochSeconds, 3)} vs ${fmt(all.medianEpochSeconds, 3)} s/epoch; 50 epochs ${fmt(one.totalSeconds)} vs ${fmt(all.totalSeconds)} s)`,
          status: judge(one.medianEpochSeconds / all.medianEpochSeconds >= 1.4),
        }
      : { target: tutorial, measured: 'one core only, or a row is missing', status: 'not measured' },
    { target: app, measured: `${fmt(appRun.speedup)}× (${rows})`, status: judge(appRun.speedup >= 1.7) },
  ];
}

function prediction({ predictMs }: TargetInputs): Target {
  const target = 'Single-image prediction (PNG, page → worker → page) median ≤ 3 ms';
  return { target, measured: `${fmt(predictMs, 1)} ms`, status: judge(predictMs <= 3) };
}

function ui({ ui }: TargetInputs): Target[] {
  const none = (target: string): Target => ({
    target,
    measured: `not measured (${ui.notMeasured})`,
    status: 'not measured',
  });
  const tasks = 'UI during training: no main-thread task over 50 ms, frame-interval p95 ≤ 20 ms';
  const cold = 'Offline cold start to first prediction ≤ 1 s';
  const m = ui.training?.mainThread;
  return [
    m
      ? {
          target: tasks,
          measured: `longest task ${fmt(m.longestTaskMs, 0)} ms (${m.longTasks} over 50 ms), frame p95 ${fmt(m.frameP95Ms, 1)} ms, max ${fmt(m.frameMaxMs, 1)} ms`,
          status: judge(m.longestTaskMs <= 50 && m.frameP95Ms <= 20),
        }
      : none(tasks),
    ui.coldStart
      ? {
          target: cold,
          measured: `${fmt(ui.coldStart.firstPredictionMs, 0)} ms`,
          status: judge(ui.coldStart.firstPredictionMs <= 1000),
        }
      : none(cold),
  ];
}

function bundle({ bundle }: TargetInputs): Target {
  const target = 'Main-thread JS ≤ 40 kB gzip';
  const all = `all page-thread JS in the build, every lazy chunk included: ${fmt(bundle.mainAllJs.gzipBytes / 1000, 1)} kB`;
  // Judged on what the page really loads (one locale, say); the build's total is shown beside it.
  const loaded = bundle.mainLoadedJs;
  if (!loaded)
    return {
      target,
      measured: `${all} (what the page loads was not measured)`,
      status: judge(bundle.mainAllJs.gzipBytes <= 40_000),
    };
  return {
    target,
    measured: `${fmt(loaded.gzipBytes / 1000, 1)} kB loaded by the page through a training run (${all})`,
    status: judge(loaded.gzipBytes <= 40_000),
  };
}

function scaling({ scaling }: TargetInputs): Target {
  const target = 's/image flat within ±20% from 45 to 10,000 images';
  const base = scaling[0];
  if (!base || scaling.length < 2) return { target, measured: 'not measured', status: 'not measured' };
  const worst = max(scaling.map((p) => Math.abs(p.secondsPerImage / base.secondsPerImage - 1)));
  const last = scaling.at(-1)!;
  const measured =
    scaling.map((p) => `${p.trainImages}: ${fmt(p.secondsPerImage * 1000, 2)} ms`).join(', ') +
    ` per image (worst ${fmt(worst * 100, 0)}% off)` +
    (last.trainImages < 10_000 ? `; measured only up to ${last.trainImages} images` : '');
  return { target, measured, status: last.trainImages < 10_000 ? 'not measured' : judge(worst <= 0.2) };
}

/**
 * Growth of tf.memory() and wasm memory from an early epoch to a late one. The worker's last
 * sample overlaps the evaluation and save after training, so worker runs compare epoch 2 with the
 * one before last; Node samples synchronously at each epoch's end.
 */
function memory({ runs }: TargetInputs): Target {
  const target = 'Memory not growing with epochs';
  const growth: string[] = [];
  let checked = 0;
  for (const run of runs) {
    const samples = run.runtime === 'chromium worker' ? run.memory.slice(0, -1) : run.memory;
    if (samples.length < 2) continue;
    checked++;
    const [a, b] = [samples[Math.min(1, samples.length - 2)]!, samples.at(-1)!];
    if (b.numTensors > a.numTensors || b.numBytes > a.numBytes || b.wasmBytes > a.wasmBytes) {
      growth.push(
        `${run.runtime} ${run.path}: ${a.numTensors}→${b.numTensors} tensors, ${a.numBytes}→${b.numBytes} B, wasm ${a.wasmBytes}→${b.wasmBytes} B`,
      );
    }
  }
  if (!checked) return { target, measured: 'not measured', status: 'not measured' };
  const fast = runs.find(
    (r) => r.runtime === 'chromium worker' && r.path.startsWith('wasm-simd') && r.memory.length > 2,
  );
  const example = fast
    ? `; worker wasm-simd: ${fast.memory[1]!.numTensors} tensors, ${fmt(fast.memory[1]!.numBytes / 2 ** 20)} MiB tfjs, ${fmt(fast.memory[1]!.wasmBytes / 2 ** 20)} MiB wasm at epoch 2 and ${fast.memory.length - 1}`
    : '';
  const measured = growth.length
    ? `grew in ${growth.join('; ')}`
    : `no growth in ${checked} runs with ≥ 2 samples${example}`;
  return { target, measured, status: judge(growth.length === 0) };
}

function readbacks({ gpu }: TargetInputs): Target {
  const target = 'GPU backends: at most one GPU→CPU readback per epoch (default configuration)';
  const measuredOn = gpu.filter((g) => !g.skipped && g.perEpoch.length);
  if (!measuredOn.length) return { target, measured: 'no GPU backend measured', status: 'not measured' };
  const worst = max(measuredOn.flatMap((g) => g.perEpoch.map((e) => e.reads ?? 0)));
  const measured = measuredOn
    .map((g) => `${g.backend}: ${g.perEpoch.map((e) => e.reads).join(', ')} per epoch`)
    .join('; ');
  return { target, measured, status: judge(worst <= 1) };
}

export const judgeTargets = (inputs: TargetInputs): Target[] => [
  speed(inputs),
  ...threads(inputs),
  prediction(inputs),
  ...ui(inputs),
  bundle(inputs),
  scaling(inputs),
  memory(inputs),
  readbacks(inputs),
];
