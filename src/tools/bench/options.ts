// What a bench run does: `--quick` (a few minutes) or the full run, and where it writes.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { AUGMENT_PRESETS, DEFAULT_SETTINGS, type AugmentPreset, type BackendName } from '../../shared/api';

export interface PathPlan {
  runtime: 'chromium worker' | 'node';
  backend: BackendName;
  /** Epochs per run: the tutorial's 50 where that takes seconds, a few (then projected) where not. */
  epochs: number;
  /** The fast path's thread limit (TrainSettings.threads); unset: every core. */
  threads?: number;
}

/** A larger run like the app's default, on generated images, 1 thread vs every core. */
export interface AppRunPlan {
  perClass: number;
  batchSize: number;
  epochs: number;
  augment: AugmentPreset;
}

export interface BenchOptions {
  quick: boolean;
  runs: number;
  out: string;
  /** Every core: what the fast path uses unless limited. */
  cores: number;
  paths: PathPlan[];
  appRun: AppRunPlan;
  /** Epochs of the kernel builds' side-by-side comparison (plain vs relaxed SIMD, 1 vs all threads). */
  kernelEpochs: number;
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

/** The fast path on one thread and on every core, in the app's worker and in Node. */
const fastPaths = (runtime: PathPlan['runtime']): PathPlan[] => [
  { runtime, backend: 'wasm-simd', epochs: TUTORIAL_EPOCHS, threads: 1 },
  { runtime, backend: 'wasm-simd', epochs: TUTORIAL_EPOCHS },
];

const FULL: PathPlan[] = [
  { runtime: 'chromium worker', backend: 'webgpu', epochs: 2 },
  { runtime: 'chromium worker', backend: 'webgl', epochs: 3 },
  { runtime: 'chromium worker', backend: 'cpu', epochs: 1 },
  ...fastPaths('chromium worker'),
  { runtime: 'node', backend: 'cpu', epochs: 1 },
  ...fastPaths('node'),
];

const QUICK: PathPlan[] = [
  { runtime: 'chromium worker', backend: 'webgl', epochs: 1 },
  ...fastPaths('chromium worker'),
  ...fastPaths('node'),
];

const count = (value: string | undefined, flag: string, fallback: number): number => {
  const n = Number(value ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${flag} must be an integer ≥ 1, got ${value}`);
  return n;
};

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      out: { type: 'string', default: 'docs/bench' },
      // The app-default-like run; the app's exact defaults may change, so they are parameters.
      'app-images': { type: 'string' },
      'app-batch': { type: 'string' },
      'app-epochs': { type: 'string' },
      'app-augment': { type: 'string', default: 'none' },
    },
  });
  const quick = values.quick ?? false;
  const runs = count(values.runs, 'runs', quick ? 1 : 3);
  const augment = values['app-augment'] as AugmentPreset;
  if (!(augment in AUGMENT_PRESETS))
    throw new Error(`--app-augment: one of ${Object.keys(AUGMENT_PRESETS).join(', ')}`);
  return {
    quick,
    runs,
    out: values.out ?? 'docs/bench',
    cores: availableParallelism(),
    paths: quick ? QUICK : FULL,
    appRun: {
      perClass: Math.round(count(values['app-images'], 'app-images', 1500) / 3),
      batchSize: count(values['app-batch'], 'app-batch', DEFAULT_SETTINGS.batchSize),
      epochs: count(values['app-epochs'], 'app-epochs', quick ? 2 : 4),
      augment,
    },
    kernelEpochs: quick ? 10 : 30,
    gpuCounterBackends: quick ? ['webgl'] : ['webgl', 'webgpu'],
    gpuCounterEpochs: quick ? 1 : 2,
    scalePerClass: quick ? [15, 150] : [15, 150, 1500, 3334],
    longRunEpochs: quick ? 0 : 2 * TUTORIAL_EPOCHS,
    uiEpochs: TUTORIAL_EPOCHS,
    predictions: quick ? 10 : 30,
    skipped: quick
      ? [
          'WebGPU and tfjs-cpu paths (Chromium and Node) are skipped; WebGL runs 1 epoch (projected to 50)',
          'one run per path instead of three',
          'GPU counters for WebGL only (1 epoch)',
          'scaling stops at 450 images (10,002 in the full run)',
          'no 100-epoch long run',
        ]
      : [],
  };
}
