import type * as tfl from '@tensorflow/tfjs-layers';
import type { BackendName, Calibration, CalibrationResult } from '../../shared/api';
import type { Dataset } from '../data/dataset';
import { createModel } from '../model/model';
import type { TrainingSession } from '../train/session';
import { startBackend } from './select';

export type SessionFactory = (backend: BackendName, model: tfl.LayersModel, train: Dataset) => Promise<TrainingSession>;

/** The WebAssembly path is measured first: it is exact against tfjs cpu and serves as the reference. */
const ORDER: BackendName[] = ['wasm-simd', 'webgpu', 'webgl', 'cpu'];
/** One warm-up step (shader compilation, JIT tier-up) and three timed ones. */
const STEPS = 4;
const BATCH = 3;
/**
 * The first step's loss is a forward pass from identical weights: paths must agree closely. Later
 * losses drift apart legitimately (Adam's first steps amplify float32 rounding in tiny gradients
 * into ±learning-rate moves), so they are only checked for a broken backward pass or optimizer.
 */
const FORWARD_TOLERANCE = 1e-3;
const SLOWER_ON_SAME_CPU = 'not measured: WebAssembly SIMD trains the same way on the same CPU, much faster';
const TRAINING_TOLERANCE = 0.05;

interface Measured extends CalibrationResult {
  losses?: [forward: number, training: number];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(
  backend: BackendName,
  sample: Dataset,
  session: SessionFactory,
  start: typeof startBackend,
): Promise<Measured> {
  const started = await start(backend);
  if (!started.ok) return { backend, ok: false, reason: started.reason };
  const model = createModel({
    inputSize: sample.size,
    classes: sample.classNames.length,
    seed: 1,
    learningRate: 0.001,
  });
  let run: TrainingSession | undefined;
  try {
    run = await session(backend, model, sample);
    const batches = Math.floor(sample.labels.length / BATCH);
    const times: number[] = [];
    let forward = NaN;
    for (let step = 0; step < STEPS; step++) {
      const first = (step % batches) * BATCH;
      const t0 = performance.now();
      run.step(Int32Array.from({ length: BATCH }, (_, i) => first + i));
      await run.settle();
      if (step > 0) times.push(performance.now() - t0);
      else forward = (await run.endEpoch()).loss;
    }
    const training = (await run.endEpoch()).loss;
    const ok = Number.isFinite(forward) && Number.isFinite(training);
    return {
      backend,
      ok,
      msPerStep: median(times),
      device: started.device,
      losses: [forward, training],
      ...(ok ? {} : { reason: 'its loss is not a finite number' }),
    };
  } catch (error) {
    return { backend, ok: false, reason: `training failed: ${(error as Error).message}` };
  } finally {
    run?.dispose();
    model.dispose();
  }
}

/**
 * Times a few identical training steps on every path that starts here and checks each one's loss
 * against the WebAssembly (else cpu) reference; the fastest correct path wins. `sample` needs at
 * least one batch of 3 images. Leaves whichever backend ran last active: the caller starts the winner.
 */
export async function calibrate(
  sample: Dataset,
  session: SessionFactory,
  start: typeof startBackend = startBackend,
): Promise<Calibration> {
  const measured: Measured[] = [];
  for (const backend of ORDER) {
    // tfjs's cpu backend computes what the WebAssembly path computes, on the same CPU, far slower:
    // measuring it would only add seconds to the first training.
    const fastCpu = measured.find((m) => m.backend === 'wasm-simd' && m.ok);
    if (backend === 'cpu' && fastCpu) measured.push({ backend, ok: false, reason: SLOWER_ON_SAME_CPU });
    else measured.push(await measure(backend, sample, session, start));
  }
  const reference = measured.find((m) => m.ok && (m.backend === 'wasm-simd' || m.backend === 'cpu'));
  const results: CalibrationResult[] = measured.map(({ losses, ...result }) => {
    if (!result.ok || !reference?.losses || !losses) return result;
    const problem = disagreement(losses, reference.losses, reference.backend);
    return problem ? { ...result, ok: false, reason: problem } : result;
  });
  const usable = results.filter((r) => r.ok);
  if (usable.length === 0)
    throw new Error(`No backend trains correctly here: ${results.map((r) => `${r.backend}: ${r.reason}`).join('; ')}`);
  const chosen = usable.reduce((best, r) => (r.msPerStep! < best.msPerStep! ? r : best)).backend;
  return { date: new Date().toISOString(), results, chosen };
}

function disagreement(
  [forward, training]: [number, number],
  [refForward, refTraining]: [number, number],
  reference: BackendName,
): string | undefined {
  const off = (value: number, ref: number, tolerance: number) =>
    Math.abs(value - ref) > tolerance * Math.max(1, Math.abs(ref));
  const differs = (what: string, value: number, ref: number) =>
    `its ${what} loss ${value.toFixed(5)} differs from ${reference}'s ${ref.toFixed(5)}`;
  if (off(forward, refForward, FORWARD_TOLERANCE)) return differs('first-step', forward, refForward);
  if (off(training, refTraining, TRAINING_TOLERANCE)) return differs('training', training, refTraining);
  return undefined;
}
