// One forward pass and one backward pass (with the Adam update) over the first B images of the
// batch buffers, as a fixed sequence of kernel calls on the planned buffers. The heavy calls are
// grouped into phases that every thread of a team runs on its share (team.ts); a phase only starts
// when the previous one has finished on all threads. The tiny head runs on the calling thread.

import type { FastKernels } from './kernels';
import { WEIGHT as W, type MemoryPlan } from './layout';

/** Keras/tfjs-layers clips probabilities to [epsilon, 1 - epsilon] with epsilon = 1e-7. */
export const CLIP_LO = Math.fround(1e-7);
export const CLIP_HI = Math.fround(1 - 1e-7);

/** Thread `part` of `parts` computes its share of a phase's outputs for a batch of B. */
type Phase = (k: FastKernels, p: MemoryPlan, B: number, part: number, parts: number) => void;

const phases = {
  // conv1 (its packed kernel is ready, see forward), and packing conv2's OHWI kernel meanwhile.
  conv1: (k, p, B, t, n) => {
    const d = p.dims;
    k.convForward(p.x, B, d.h, d.w, d.c, p.w1p, p.param[W.conv1Bias]!, p.a1, d.c1, t, n);
    k.packConvWeights(p.param[W.conv2Kernel]!, 9 * d.c1, d.c2, 1, 9 * d.c1, p.w2p, t, n);
  },
  conv2: (k, p, B, t, n) => {
    const d = p.dims;
    k.convForward(p.a1, B, d.h1, d.w1, d.c1, p.w2p, p.param[W.conv2Bias]!, p.a2, d.c2, t, n);
  },
  // conv2 for a forward pass alone, by Winograd's F(2x2, 3x3) on p.wino (see forward).
  conv2Winograd: (k, p, B, t, n) => {
    const d = p.dims;
    const bias = p.param[W.conv2Bias]!;
    k.winogradConvForward(p.a1, B, d.h1, d.w1, d.c1, p.wino, bias, p.a2, d.c2, p.winoScratch, t, n);
  },
  pool: (k, p, B, t, n) => k.maxPoolForward(p.a2, B, p.dims.h2, p.dims.w2, p.dims.c2, p.pooled, p.arg, t, n),
  dense1: (k, p, B, t, n) => {
    const d = p.dims;
    k.denseForward(p.pooled, B, d.flat, p.param[W.dense1Kernel]!, p.param[W.dense1Bias]!, d.dense, p.h, 1, t, n);
  },
  // Reads dense1's old weights for dflat, then updates them in the same pass.
  dense1Backward: (k, p, B, t, n) => {
    const w = p.param[W.dense1Kernel]!;
    k.denseBackwardAdam(p.pooled, B, p.dims.flat, p.dh, p.dims.dense, w, w + p.mOffset, w + p.vOffset, p.dflat, t, n);
  },
  poolBackward: (k, p, B, t, n) => {
    const d = p.dims;
    const [wt, gb] = [p.param[W.conv2Kernel]!, p.grad[W.conv2Bias]!];
    const lists = [p.chanLists, p.chanCounts, p.chanCap, p.pixLists] as const;
    k.poolBackward(p.dflat, p.pooled, p.arg, B, d.h2, d.w2, d.c2, p.a1, d.c1, wt, ...lists, gb, t, n);
  },
  conv2Backward: (k, p, B, t, n) => {
    const d = p.dims;
    k.convPoolBackpropFilter(p.chanLists, p.chanCounts, p.chanCap, d.c2, d.w1, d.c1, p.grad[W.conv2Kernel]!, t, n);
    k.convPoolBackpropInput(p.pixLists, p.pixRecordWords, B, d.h2, d.w2, d.c1, p.a1, p.dA1, t, n);
  },
  conv1Backward: (k, p, B, t, n) => {
    const d = p.dims;
    k.columnSums(p.dA1, B * d.h1 * d.w1, d.c1, p.grad[W.conv1Bias]!, t, n);
    k.convBackpropFilter(p.x, B, d.h, d.w, d.c, p.dA1, d.c1, p.grad[W.conv1Kernel]!, t, n);
  },
  // Every weight but dense1's kernel: one contiguous run.
  adam: (k, p, _B, t, n) => {
    k.adam(p.smallParams, p.smallGrads, p.smallParams + p.mOffset, p.smallParams + p.vOffset, p.smallFloats, t, n);
  },
} satisfies Record<string, Phase>;

export type PhaseName = keyof typeof phases;
/** Phases by number: a helper thread is told which one to run by its index here. */
export const PHASE_NAMES = Object.keys(phases) as PhaseName[];

export function runPhase(name: PhaseName, k: FastKernels, p: MemoryPlan, B: number, part: number, parts: number) {
  phases[name](k, p, B, part, parts);
}

/** Runs a phase on every thread of a team and returns when all have finished it. */
export interface PhaseRunner {
  run(phase: PhaseName, B: number): void;
}

/**
 * probs[0..B) = model(x[0..B)); keeps the activations the backward pass needs. A pass with no
 * backward after it (`alone`: prediction, evaluation) computes conv2 by Winograd's method, with
 * the filters already transformed into p.wino: less than half the multiplies of the direct
 * convolution, and the same result within float32 rounding (probabilities within 2e-7 of tfjs's).
 */
export function forward(k: FastKernels, p: MemoryPlan, B: number, team: PhaseRunner, alone = false): void {
  const d = p.dims;
  // conv1's kernel is HWIO ((k, n) at k*c1 + n); 864 floats, not worth a phase of its own.
  k.packConvWeights(p.param[W.conv1Kernel]!, 9 * d.c, d.c1, d.c1, 1, p.w1p, 0, 1);
  for (const phase of ['conv1', alone ? 'conv2Winograd' : 'conv2', 'pool', 'dense1'] as const) team.run(phase, B);
  k.headForward(p.h, B, d.dense, p.param[W.dense2Kernel]!, p.param[W.dense2Bias]!, d.classes, p.probs);
}

/**
 * Back-propagates p.dz (d loss / d logits, from softmaxCrossEntropy) and applies one Adam step
 * to every weight. Adam's constants must already be loaded (AdamSchedule.load).
 */
export function backwardAndUpdate(k: FastKernels, p: MemoryPlan, B: number, team: PhaseRunner): void {
  const d = p.dims;
  const g = p.grad;
  k.headBackward(
    p.h,
    p.dz,
    B,
    d.dense,
    p.param[W.dense2Kernel]!,
    d.classes,
    g[W.dense2Kernel]!,
    g[W.dense2Bias]!,
    p.dh,
  );
  k.columnSums(p.dh, B, d.dense, g[W.dense1Bias]!, 0, 1);
  const order = ['dense1Backward', 'poolBackward', 'conv2Backward', 'conv1Backward', 'adam'] as const;
  for (const phase of order) team.run(phase, B);
}
