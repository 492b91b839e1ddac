// What a bench run does: `--quick` (under two minutes) or the full run, and where it writes.
import { parseArgs } from 'node:util';
import type { BackendName } from '../../shared/api';

export interface PathPlan {
  runtime: 'chromium worker' | 'node';
  backend: BackendName;
  /** Epochs per run: the tutorial's 50 where that takes seconds, a few (then projected) where not. */
  epochs: number;
}

export interface BenchOptions {
  quick: boolean;
  runs: number;
  out: string;
  paths: PathPlan[];
  gpuCounterBackends: ('webgl' | 'webgpu')[];
  gpuCounterEpochs: number;
  scalePerClass: number[];
  /** Epochs of the Node fast-path run that shows how epoch time evolves past the tutorial's 50. */
  longRunEpochs: number;
  uiEpochs: number;
  predictions: number;
  /** What this mode leaves out, printed with the results. */
  skipped: string[];
}

export const TUTORIAL_EPOCHS = 50;

const FULL: PathPlan[] = [
  { runtime: 'chromium worker', backend: 'webgpu', epochs: 2 },
  { runtime: 'chromium worker', backend: 'webgl', epochs: 3 },
  { runtime: 'chromium worker', backend: 'cpu', epochs: 1 },
  { runtime: 'chromium worker', backend: 'wasm-simd', epochs: TUTORIAL_EPOCHS },
  { runtime: 'node', backend: 'cpu', epochs: 1 },
  { runtime: 'node', backend: 'wasm-simd', epochs: TUTORIAL_EPOCHS },
];

const QUICK: PathPlan[] = [
  { runtime: 'chromium worker', backend: 'webgl', epochs: 1 },
  { runtime: 'chromium worker', backend: 'wasm-simd', epochs: TUTORIAL_EPOCHS },
  { runtime: 'node', backend: 'wasm-simd', epochs: TUTORIAL_EPOCHS },
];

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      out: { type: 'string', default: 'docs/bench' },
    },
  });
  const quick = values.quick ?? false;
  const runs = Number(values.runs ?? (quick ? 1 : 3));
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be an integer ≥ 1, got ${values.runs}`);
  return {
    quick,
    runs,
    out: values.out ?? 'docs/bench',
    paths: quick ? QUICK : FULL,
    gpuCounterBackends: quick ? ['webgl'] : ['webgl', 'webgpu'],
    gpuCounterEpochs: quick ? 1 : 2,
    scalePerClass: quick ? [15, 150] : [15, 150, 1500],
    longRunEpochs: quick ? 0 : 2 * TUTORIAL_EPOCHS,
    uiEpochs: TUTORIAL_EPOCHS,
    predictions: quick ? 10 : 30,
    skipped: quick
      ? [
          'WebGPU and tfjs-cpu paths (Chromium and Node) are skipped; WebGL runs 1 epoch (projected to 50)',
          'one run per path instead of three',
          'GPU counters for WebGL only (1 epoch)',
          'scaling stops at 450 images (4,500 in the full run)',
          'no 100-epoch long run',
        ]
      : [],
  };
}
