// The results' threads and SIMD sections: 1 thread vs every core (tutorial and app-default-like
// runs), plain vs relaxed SIMD side by side, and the fast path against each PyTorch row.
import type { AppRunResult } from './app-run';
import type { KernelComparison } from './kernels';
import { median } from './stats';
import type { PathSummary } from './types';

const f = (x: number | undefined, digits = 3) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));
const table = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

/** Every fast-path row against every PyTorch row, all from this run. */
function againstPytorch(summaries: PathSummary[]): string {
  const fast = summaries.filter((s) => s.path.startsWith('wasm-simd'));
  const torch = summaries.filter((s) => s.runtime === 'pytorch');
  if (!torch.length) return 'PyTorch was not available: no ratios.';
  return table(
    ['Fast path (50 epochs)', 'Total s', ...torch.map((t) => `× ${t.path} (${f(t.totalSeconds, 2)} s)`)],
    fast.map((s) => [
      `${s.path} (${s.runtime})`,
      f(s.totalSeconds, 2),
      ...torch.map((t) => f(s.totalSeconds / t.totalSeconds, 2)),
    ]),
  );
}

function appRunTable(a: AppRunResult): string {
  const rows = Object.entries(a.medianEpochSeconds).map(([path, seconds]) => {
    const runs = a.runs.filter((r) => r.path === path);
    return [
      path,
      `${runs[0]?.seconds.length ?? 0} × ${runs.length}`,
      f(seconds),
      f(a.trainImages / seconds, 0),
      f(runs[0]?.testAccuracy && runs[0].testAccuracy * 100, 1),
    ];
  });
  return table(['Path', 'Epochs × runs', 'Median s/epoch (epochs 2+)', 'Images/s', 'Test accuracy %'], rows);
}

function kernelTable(k: KernelComparison): string {
  const base = median(Object.values(k.seconds)[0]!.slice(2));
  return table(
    [
      'Build',
      'Median s/epoch (epochs 3+)',
      'Fastest epoch s',
      '× plain 1 thread',
      'Max |Δp| after epoch 1',
      `after epoch ${k.epochs}`,
      'Mean loss, last epoch',
    ],
    Object.entries(k.seconds).map(([name, seconds]) => {
      const m = median(seconds.slice(2));
      const [first, last] = k.probabilityDiff[name]!;
      return [
        name,
        f(m, 4),
        f(Math.min(...seconds), 4),
        f(m / base, 2),
        first.toExponential(1),
        last.toExponential(1),
        k.loss[name]!.toPrecision(4),
      ];
    }),
  );
}

export function threadSections(r: {
  summaries: PathSummary[];
  appRun: AppRunResult;
  kernels: KernelComparison;
}): string[] {
  const { appRun: a, kernels: k } = r;
  return [
    '### Threads: the fast path against PyTorch, each ratio from this run',
    againstPytorch(r.summaries),
    `### App-default-like run in the app's worker (${a.trainImages} generated images, batch ${a.plan.batchSize}, ${a.plan.epochs} epochs, augmentation '${a.plan.augment}')`,
    appRunTable(a),
    `Every core vs 1 thread: ${f(a.speedup, 2)}×. Runs interleaved (1 thread, then every core, per round), a fresh browser each; validation on the generated test split every epoch is included in the epoch time.`,
    `### Kernel builds side by side (Chromium worker, tutorial data, batch ${k.batchSize}, ${k.epochs} interleaved epochs)`,
    kernelTable(k),
    'Relaxed builds are the same sources compiled with relaxed SIMD (every multiply-add a `f32x4.relaxed_madd`, fused where the CPU has FMA). ' +
      'Δp: the largest difference of a validation probability from plain SIMD on 1 thread after the same batches; the thread counts of one build compute identical floats.',
  ];
}
