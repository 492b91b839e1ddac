// Adam, replicating tfjs-core's AdamOptimizer.applyGradients operation by operation in float32:
//   m' = m*beta1 + g*(1-beta1);  v' = v*beta2 + g^2*(1-beta2)
//   w' = (m'/(1-accBeta1)) / (sqrt(v'/(1-accBeta2)) + eps) * -lr + w
// tfjs-backend-cpu rounds every op to float32 and double rounding is innocuous for + - * / sqrt,
// so given the same gradient this gives bit-identical results. The scalar constants arrive already
// rounded to float32 exactly as tfjs turns them into tensors.
import { shareStart } from './share';

// Constants for the current step (8 splatted vectors), set once per step by setAdamStep. They live
// in linear memory rather than globals so that every thread's instance sees the same step; kernels
// copy them into locals before their loops (a value reloaded on every use cost ~5% of dense1).
export const ADAM: usize = memory.data(128, 16);

export function setAdamStep(beta1: f32, oneMinusBeta1: f32, beta2: f32, oneMinusBeta2: f32,
  oneMinusAccBeta1: f32, oneMinusAccBeta2: f32, epsilon: f32, negLearningRate: f32): void {
  v128.store(ADAM, f32x4.splat(beta1)); v128.store(ADAM, f32x4.splat(oneMinusBeta1), 16);
  v128.store(ADAM, f32x4.splat(beta2), 32); v128.store(ADAM, f32x4.splat(oneMinusBeta2), 48);
  v128.store(ADAM, f32x4.splat(oneMinusAccBeta1), 64); v128.store(ADAM, f32x4.splat(oneMinusAccBeta2), 80);
  v128.store(ADAM, f32x4.splat(epsilon), 96); v128.store(ADAM, f32x4.splat(negLearningRate), 112);
}

// The smallest normal float32. A weight whose gradient stays zero (a dead unit) has its first
// moment shrink by beta1 every step into the subnormal range after ~800 steps, where every x86
// float operation on it costs ~100 cycles: training slowed 7x after epoch 50. WebAssembly has no
// flush-to-zero mode, so moments are flushed here. tfjs keeps subnormal moments, but they move a
// weight by less than 1e-30, so results stay equal within float32 rounding.
const MIN_NORMAL = f32x4.splat(1.17549435e-38);

@inline function flushSubnormal(x: v128): v128 {
  return v128.and(x, f32x4.ge(f32x4.abs(x), MIN_NORMAL));
}

// One Adam update of 4 parameters at w (moments at m, v) with gradient g.
@inline export function adamVec(
  w: usize, m: usize, v: usize, g: v128,
  b1: v128, omb1: v128, b2: v128, omb2: v128, c1: v128, c2: v128, eps: v128, nlr: v128,
): void {
  const mNew = flushSubnormal(f32x4.add(f32x4.mul(v128.load(m), b1), f32x4.mul(g, omb1)));
  const vNew = flushSubnormal(f32x4.add(f32x4.mul(v128.load(v), b2), f32x4.mul(f32x4.mul(g, g), omb2)));
  v128.store(m, mNew);
  v128.store(v, vNew);
  const mHat = f32x4.div(mNew, c1);
  const vHat = f32x4.div(vNew, c2);
  const step = f32x4.mul(f32x4.div(mHat, f32x4.add(f32x4.sqrt(vHat), eps)), nlr);
  v128.store(w, f32x4.add(step, v128.load(w)));
}

// In-place Adam over count floats (a multiple of 4; zero padding stays zero), split by vectors.
export function adam(w: usize, g: usize, m: usize, v: usize, count: i32, part: i32, parts: i32): void {
  const b1 = v128.load(ADAM), omb1 = v128.load(ADAM, 16), b2 = v128.load(ADAM, 32), omb2 = v128.load(ADAM, 48);
  const c1 = v128.load(ADAM, 64), c2 = v128.load(ADAM, 80), eps = v128.load(ADAM, 96), nlr = v128.load(ADAM, 112);
  const end = (<usize>shareStart(count >> 2, part + 1, parts)) << 4;
  for (let o = (<usize>shareStart(count >> 2, part, parts)) << 4; o < end; o += 16) {
    adamVec(w + o, m + o, v + o, v128.load(g + o), b1, omb1, b2, omb2, c1, c2, eps, nlr);
  }
}

