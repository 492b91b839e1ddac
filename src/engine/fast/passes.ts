// One forward pass and one backward pass (with the Adam update) over the first B images of the
// batch buffers, as a fixed sequence of kernel calls on the planned buffers.

import type { FastKernels } from './kernels';
import { DENSE1_KERNEL, type MemoryPlan } from './layout';

/** Keras/tfjs-layers clips probabilities to [epsilon, 1 - epsilon] with epsilon = 1e-7. */
export const CLIP_LO = Math.fround(1e-7);
export const CLIP_HI = Math.fround(1 - 1e-7);

/** probs[0..B) = model(x[0..B)); keeps the activations the backward pass needs. */
export function forward(k: FastKernels, p: MemoryPlan, B: number): void {
  const d = p.dims;
  const w = p.param;
  // conv1 kernel is HWIO ((k, n) at k*c1 + n); conv2's is OHWI ((k, n) at n*K + k).
  k.packConvWeights(w[0]!, 9 * d.c, d.c1, d.c1, 1, p.w1p);
  k.packConvWeights(w[2]!, 9 * d.c1, d.c2, 1, 9 * d.c1, p.w2p);
  k.convForward(p.x, B, d.h, d.w, d.c, p.w1p, w[1]!, p.a1, d.c1);
  k.convForward(p.a1, B, d.h1, d.w1, d.c1, p.w2p, w[3]!, p.a2, d.c2);
  k.maxPoolForward(p.a2, B, d.h2, d.w2, d.c2, p.pooled, p.arg);
  k.denseForward(p.pooled, B, d.flat, w[DENSE1_KERNEL]!, w[5]!, d.dense, p.h, 1);
  k.headForward(p.h, B, d.dense, w[6]!, w[7]!, d.classes, p.probs);
}

/**
 * Back-propagates p.dz (d loss / d logits, from softmaxCrossEntropy) and applies one Adam step
 * to every weight. Adam's constants must already be loaded (AdamSchedule.load).
 */
export function backwardAndUpdate(k: FastKernels, p: MemoryPlan, B: number): void {
  const d = p.dims;
  const w = p.param;
  const g = p.grad;
  const dense1 = w[DENSE1_KERNEL]!;
  k.headBackward(p.h, p.dz, B, d.dense, w[6]!, d.classes, g[6]!, g[7]!, p.dh);
  k.columnSums(p.dh, B, d.dense, g[5]!);
  // Reads dense1's old weights for dflat, then updates them in the same pass.
  k.denseBackwardAdam(p.pooled, B, d.flat, p.dh, d.dense, dense1, dense1 + p.mOffset, dense1 + p.vOffset, p.dflat);
  k.poolBackward(
    p.dflat, p.pooled, p.arg, B, d.h2, d.w2, d.c2, p.a1, d.c1, w[2]!,
    p.chanLists, p.chanCounts, p.chanCap, p.pixLists, g[3]!,
  );
  k.convPoolBackpropFilter(p.chanLists, p.chanCounts, p.chanCap, d.c2, d.w1, d.c1, g[2]!);
  k.convPoolBackpropInput(p.pixLists, p.pixRecordWords, B, d.h2, d.w2, d.c1, p.dA1);
  k.reluBackward(p.dA1, p.a1, B * d.h1 * d.w1 * d.c1);
  k.columnSums(p.dA1, B * d.h1 * d.w1, d.c1, g[1]!);
  k.convBackpropFilter(p.x, B, d.h, d.w, d.c, p.dA1, d.c1, g[0]!);
  k.adam(p.smallParams, p.smallGrads, p.smallParams + p.mOffset, p.smallParams + p.vOffset, p.smallFloats);
}
