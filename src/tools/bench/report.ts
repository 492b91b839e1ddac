// The results as Markdown (docs/bench/results.md, printed too) — the README's table comes from it.
import type { AppRunResult } from './app-run';
import type { BundleSizes } from './bundle-size';
import type { KernelComparison } from './kernels';
import type { Machine } from './machine';
import type { GpuCounters } from './page/gpu-counters';
import type { ScalePoint } from './scaling';
import type { Target } from './targets';
import { threadSections } from './report-threads';
import type { PathSummary, TrainRun } from './types';
import type { UiMetrics } from './ui-metrics';

export interface LongRun {
  epochs: number;
  medianFirstHalf: number;
  medianSecondHalf: number;
  seconds: number[];
}

export interface BenchResults {
  command: string;
  date: string;
  mode: 'full' | 'quick';
  durationSeconds: number;
  machine: Machine;
  loadBefore: number[];
  loadAfter: number[];
  skipped: string[];
  summaries: PathSummary[];
  targets: Target[];
  bundle: BundleSizes;
  gpu: GpuCounters[];
  scaling: ScalePoint[];
  ui: UiMetrics;
  predictMs: { median: number; p95: number; count: number };
  appRun: AppRunResult;
  kernels: KernelComparison;
  longRun?: LongRun;
  runs: TrainRun[];
}

const f = (x: number | undefined, digits = 2) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const table = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

function resultsTable(rows: PathSummary[]): string {
  return table(
    [
      'Path',
      'Runs on',
      'Epochs run × runs',
      'Median s/epoch',
      '50-epoch total (s)',
      '× PyTorch',
      'Steps/s',
      'Peak memory (MiB)',
      'Final loss',
      'Test accuracy',
    ],
    rows.map((r) => [
      r.path,
      r.runtime,
      `${r.epochsRun} × ${r.runs}`,
      f(r.medianEpochSeconds, r.medianEpochSeconds < 1 ? 3 : 2),
      r.projected ? `${f(r.totalSeconds, 0)} (projected)` : f(r.totalSeconds, 2),
      f(r.ratioToPytorch, r.ratioToPytorch !== undefined && r.ratioToPytorch < 10 ? 2 : 0),
      f(r.stepsPerSecond, r.stepsPerSecond < 10 ? 2 : 0),
      f(r.peakMemoryMiB, 0),
      `${r.loss.toPrecision(3)}${r.projected ? ` (epoch ${r.epochsRun})` : ''}`,
      `${f(r.testAccuracy * 100, 1)}%`,
    ]),
  );
}

function sizesTable(b: BundleSizes): string {
  const row = (part: string, s: BundleSizes['mainAllJs'], files = s.files.join(', ')) => [
    part,
    files,
    kb(s.bytes),
    kb(s.gzipBytes),
  ];
  return table(
    ['Part', 'Files', 'Size', 'gzip'],
    [
      row('Page thread, initial JS', b.mainInitialJs),
      ...(b.mainLoadedJs
        ? [row('Page thread, JS loaded by the app (English UI, through a training run)', b.mainLoadedJs)]
        : []),
      row('Page thread, all JS in the build (every lazy chunk)', b.mainAllJs),
      row('Page thread, CSS', b.mainCss),
      row('Worker, initial (chunk + static imports)', b.workerInitial),
      row('Worker, everything (all backends + wasm)', b.workerAll, `${b.workerAll.files.length} files`),
    ],
  );
}

function gpuTable(gpu: GpuCounters[]): string {
  return table(
    [
      'Backend',
      'Device',
      'GPU→CPU reads per epoch',
      'Download API calls per epoch',
      'GPU dispatches per step',
      'tfjs kernels per step',
      'Epoch s',
    ],
    gpu.map((g) =>
      g.skipped
        ? [g.backend, `skipped: ${g.skipped}`, '–', '–', '–', '–', '–']
        : [
            g.backend,
            g.device ?? '',
            g.perEpoch.map((e) => e.reads).join(', '),
            g.perEpoch.map((e) => (e.rawDownloads ?? 0) + (e.rawReadPixels ?? 0)).join(', '),
            String(g.perStep.dispatches ?? '–'),
            String(g.kernelsPerStep),
            g.epochSeconds.map((s) => f(s, 1)).join(', '),
          ],
    ),
  );
}

function scalingTable(points: ScalePoint[]): string {
  return table(
    [
      'Train images',
      'Epochs',
      'First epoch s',
      'Median s/epoch (epochs 2+)',
      'ms/image',
      'tf tensors',
      'tf MiB',
      'wasm MiB',
      'Chromium RSS above idle (MiB)',
    ],
    points.map((p) => [
      String(p.trainImages),
      String(p.epochSeconds.length),
      f(p.epochSeconds[0], 3),
      f(p.medianEpochSeconds, 3),
      f(p.secondsPerImage * 1000, 3),
      String(p.memory?.numTensors ?? '–'),
      f((p.memory?.numBytes ?? NaN) / 2 ** 20),
      f((p.memory?.wasmBytes ?? NaN) / 2 ** 20, 1),
      f(p.peakRssAboveIdleMiB, 0),
    ]),
  );
}

function mainThreadLines(r: BenchResults): string {
  const lines: string[] = [];
  const { training, coldStart, notMeasured } = r.ui;
  if (training) {
    const m = training.mainThread;
    lines.push(
      `- Training from the UI (${training.epochs} epochs started with the Train button, backend left at Automatic, ran on ${training.backend}; ${f(training.seconds, 1)} s including calibration): ` +
        `${m.longTasks} long tasks (longest ${f(m.longestTaskMs, 0)} ms${m.longTasks ? `; ms from the click, duration: ${m.longTaskTimes.map((t) => `${f(t.atMs, 0)}+${f(t.durationMs, 0)}`).join(', ')}` : ''}), ` +
        `${m.frames} frames, interval p50 ${f(m.frameP50Ms, 1)} / p95 ${f(m.frameP95Ms, 1)} / max ${f(m.frameMaxMs, 1)} ms.`,
    );
  }
  if (notMeasured) lines.push(`- Not measured from the UI: ${notMeasured}.`);
  if (coldStart) {
    lines.push(
      `- Offline cold start (new browser process, service worker installed, model saved, network off): "Try a test image" usable at ${f(coldStart.readyMs, 0)} ms, its prediction on screen at ${f(coldStart.firstPredictionMs, 0)} ms after navigation start.`,
    );
  }
  lines.push(
    `- Single-image prediction (24×24 PNG, page → worker → page over Comlink, model trained and predicting on the fast kernels): median ${f(r.predictMs.median, 1)} ms, p95 ${f(r.predictMs.p95, 1)} ms over ${r.predictMs.count} calls after a first one.`,
  );
  for (const s of r.summaries.filter((x) => x.runtime === 'chromium worker')) {
    const m = r.runs.find((x) => x.runtime === s.runtime && x.path === s.path)?.mainThread;
    if (m)
      lines.push(
        `- Bench host page (no UI) while the worker trains on ${s.path}: ${m.longTasks} long tasks (longest ${f(m.longestTaskMs, 0)} ms), frame p95 ${f(m.frameP95Ms, 1)} ms, max ${f(m.frameMaxMs, 1)} ms.`,
      );
  }
  return lines.join('\n');
}

function details(r: BenchResults): string[] {
  const out = [
    '### Bundle sizes (gzip level 9, kB = 1000 bytes)',
    sizesTable(r.bundle),
    '### GPU backends: readbacks and dispatches',
    gpuTable(r.gpu),
    "Counted on a page the bench controls, running the worker's engine code (TfjsSession + fit) on the page thread with the backend's methods wrapped: " +
      'reads = tfjs backend `read`/`readSync` calls; download API calls = WebGL `readPixels` + `getBufferSubData` (two per download) or WebGPU `mapAsync`; ' +
      'dispatches = WebGL draw calls or WebGPU `dispatchWorkgroups`; kernels from `tf.profile`.',
    '### Scaling on the fast path in the worker',
    scalingTable(r.scaling),
    "Datasets from the project's generator (seed 3), test split a third of the training split, opened in turn by one worker. " +
      "tf memory is sampled during the second epoch; from the second size on it includes the previous size's saved model, which the app keeps loaded for prediction.",
    '### Main thread and latency',
    mainThreadLines(r),
  ];
  if (r.longRun) {
    const { epochs, medianFirstHalf, medianSecondHalf } = r.longRun;
    out.push(
      '### Long run (Node, fast path, tutorial data, seed 3)',
      `${epochs} epochs: median ${f(medianFirstHalf, 3)} s/epoch over epochs 2–${epochs / 2}, ${f(medianSecondHalf, 3)} s/epoch over epochs ${epochs / 2 + 1}–${epochs} (${f(medianSecondHalf / medianFirstHalf, 1)}×).`,
    );
  }
  return out;
}

export function renderMarkdown(r: BenchResults): string {
  const m = r.machine;
  return [
    `## Benchmark results (${r.mode} run, ${r.date.slice(0, 10)})`,
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; ${m.chromium}; PyTorch ${m.pytorch ?? 'not available'}; commit ${m.commit}. ` +
      `Load average (1/5/15 min) before ${r.loadBefore.join(' / ')}, after ${r.loadAfter.join(' / ')}. Took ${f(r.durationSeconds / 60, 1)} min.`,
    `Rerun: \`${r.command}\``,
    ...(r.skipped.length ? [`This ${r.mode} run leaves out: ${r.skipped.join('; ')}.`] : []),
    '### Training: the tutorial run (45 images 24×24, batch 3, Adam 1e-3, seed 3, validation every epoch)',
    resultsTable(r.summaries),
    "Median s/epoch leaves out each run's first epoch (warm-up). Totals of paths run for fewer than 50 epochs are projected: first epoch + 49 × median. " +
      "Peak memory: Chromium rows are the browser's whole process tree (RSS) above its level just before training; Node and PyTorch rows are the process's peak RSS. " +
      'Loss and accuracy of projected rows are after the epochs actually run. PyTorch trains from the same initial weights on the same batches.',
    '### Targets',
    table(
      ['Target', 'Measured', 'Status'],
      r.targets.map((t) => [t.target, t.measured, t.status]),
    ),
    ...threadSections(r),
    ...details(r),
    '',
  ].join('\n\n');
}
