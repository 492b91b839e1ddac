// One forward pass and one backward pass (with the Adam update) over the first B images of the
// batch buffers, as a fixed sequence of kernel calls on the planned buffers.

import type { FastKernels } from './kernels';
import { WEIGHT as W, type MemoryPlan } from './layout';

/** Keras/tfjs-layers clips probabilities to [epsilon, 1 - epsilon] with epsilon = 1e-7. */
export const CLIP_LO = Math.fround(1e-7);
export const CLIP_HI = Math.fround(1 - 1e-7);

/** probs[0..B) = model(x[0..B)); keeps the activations the backward pass needs. */
export function forward(k: FastKernels, p: MemoryPlan, B: number): void {
  const d = p.dims;
  const w = p.param;
  // conv1 kernel is HWIO ((k, n) at k*c1 + n); conv2's is OHWI ((k, n) at n*K + k).
  k.packConvWeights(w[W.conv1Kernel]!, 9 * d.c, d.c1, d.c1, 1, p.w1p);
  k.packConvWeights(w[W.conv2Kernel]!, 9 * d.c1, d.c2, 1, 9 * d.c1, p.w2p);
  k.convForward(p.x, B, d.h, d.w, d.c, p.w1p, w[W.conv1Bias]!, p.a1, d.c1);
  k.convForward(p.a1, B, d.h1, d.w1, d.c1, p.w2p, w[W.conv2Bias]!, p.a2, d.c2);
  k.maxPoolForward(p.a2, B, d.h2, d.w2, d.c2, p.pooled, p.arg);
  k.denseForward(p.pooled, B, d.flat, w[W.dense1Kernel]!, w[W.dense1Bias]!, d.dense, p.h, 1);
  k.headForward(p.h, B, d.dense, w[W.dense2Kernel]!, w[W.dense2Bias]!, d.classes, p.probs);
}

/**
 * Back-propagates p.dz (d loss / d logits, from softmaxCrossEntropy) and applies one Adam step
 * to every weight. Adam's constants must already be loaded (AdamSchedule.load).
 */
export function backwardAndUpdate(k: FastKernels, p: MemoryPlan, B: number): void {
  const d = p.dims;
  const w = p.param;
  const g = p.grad;
  const dense1 = w[W.dense1Kernel]!;
  k.headBackward(p.h, p.dz, B, d.dense, w[W.dense2Kernel]!, d.classes, g[W.dense2Kernel]!, g[W.dense2Bias]!, p.dh);
  k.columnSums(p.dh, B, d.dense, g[W.dense1Bias]!);
  // Reads dense1's old weights for dflat, then updates them in the same pass.
  k.denseBackwardAdam(p.pooled, B, d.flat, p.dh, d.dense, dense1, dense1 + p.mOffset, dense1 + p.vOffset, p.dflat);
  k.poolBackward(
    p.dflat,
    p.pooled,
    p.arg,
    B,
    d.h2,
    d.w2,
    d.c2,
    p.a1,
    d.c1,
    w[W.conv2Kernel]!,
    p.chanLists,
    p.chanCounts,
    p.chanCap,
    p.pixLists,
    g[W.conv2Bias]!,
  );
  k.convPoolBackpropFilter(p.chanLists, p.chanCounts, p.chanCap, d.c2, d.w1, d.c1, g[W.conv2Kernel]!);
  k.convPoolBackpropInput(p.pixLists, p.pixRecordWords, B, d.h2, d.w2, d.c1, p.dA1);
  k.reluBackward(p.dA1, p.a1, B * d.h1 * d.w1 * d.c1);
  k.columnSums(p.dA1, B * d.h1 * d.w1, d.c1, g[W.conv1Bias]!);
  k.convBackpropFilter(p.x, B, d.h, d.w, d.c, p.dA1, d.c1, g[W.conv1Kernel]!);
  k.adam(p.smallParams, p.smallGrads, p.smallParams + p.mOffset, p.smallParams + p.vOffset, p.smallFloats);
}
