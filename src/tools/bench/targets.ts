// The targets, each judged from the bench's measurements: met, missed, or not measured.
import type { BundleSizes } from './bundle-size';
import type { GpuCounters } from './page/gpu-counters';
import type { ScalePoint } from './scaling';
import { max } from './stats';
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
}

function speed({ summaries }: TargetInputs): Target {
  const target = "Tutorial 50-epoch run in the app's worker without a GPU ≤ 1.0× PyTorch CPU time";
  const fast = summaries.find((s) => s.runtime === 'chromium worker' && s.path === 'wasm-simd');
  if (!fast?.ratioToPytorch) return { target, measured: 'PyTorch not available here', status: 'not measured' };
  const torch = summaries.find((s) => s.runtime === 'pytorch')!;
  const measured = `${fmt(fast.ratioToPytorch)}× (WebAssembly SIMD path ${fmt(fast.totalSeconds)} s vs PyTorch 1 thread ${fmt(torch.totalSeconds)} s)`;
  return { target, measured, status: judge(fast.ratioToPytorch <= 1) };
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
  const target = 's/image flat within ±20% from 45 to 4,500 images';
  const base = scaling[0];
  if (!base || scaling.length < 2) return { target, measured: 'not measured', status: 'not measured' };
  const worst = max(scaling.map((p) => Math.abs(p.secondsPerImage / base.secondsPerImage - 1)));
  const last = scaling.at(-1)!;
  const measured =
    scaling.map((p) => `${p.trainImages}: ${fmt(p.secondsPerImage * 1000, 2)} ms`).join(', ') +
    ` per image (worst ${fmt(worst * 100, 0)}% off)` +
    (last.trainImages < 4500 ? `; measured only up to ${last.trainImages} images` : '');
  return { target, measured, status: last.trainImages < 4500 ? 'not measured' : judge(worst <= 0.2) };
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
  const fast = runs.find((r) => r.runtime === 'chromium worker' && r.path === 'wasm-simd' && r.memory.length > 2);
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
  ...ui(inputs),
  bundle(inputs),
  scaling(inputs),
  memory(inputs),
  readbacks(inputs),
];
