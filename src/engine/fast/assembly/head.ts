// The classifier head: Dense(N) + softmax, categorical cross-entropy, and their gradients.
// Tiny (B x 128 x N), so scalar code that mirrors tfjs-backend-cpu's arithmetic: its matMul and
// sum accumulate in JS doubles and round once, exp/log are Math.exp/Math.log rounded to float32.

// probs[b] = softmax(h[b] W + bias), computed as tfjs does: exp(z - max z) / sum.
export function headForward(h: usize, B: i32, D: i32, w: usize, bias: usize, N: i32, probs: usize): void {
  for (let b = 0; b < B; b++) {
    const hb = h + ((<usize>(b * D)) << 2), pb = probs + ((<usize>(b * N)) << 2);
    let max = -Infinity;
    for (let n = 0; n < N; n++) {
      let acc: f64 = 0;
      for (let d = 0; d < D; d++) {
        acc += <f64>load<f32>(hb + ((<usize>d) << 2)) * <f64>load<f32>(w + ((<usize>(d * N + n)) << 2));
      }
      const z = <f32>acc + load<f32>(bias + ((<usize>n) << 2));
      store<f32>(pb + ((<usize>n) << 2), z);
      if (z > max) max = z;
    }
    let sum: f64 = 0;
    for (let n = 0; n < N; n++) {
      const p = pb + ((<usize>n) << 2);
      const e = <f32>Math.exp(<f64>(load<f32>(p) - <f32>max));
      store<f32>(p, e);
      sum += e;
    }
    const s = <f32>sum;
    for (let n = 0; n < N; n++) {
      const p = pb + ((<usize>n) << 2);
      store<f32>(p, load<f32>(p) / s);
    }
  }
}

// Keras categorical cross-entropy on probabilities, as tfjs-layers computes it: q = p / sum(p),
// clipped to [lo, hi], loss = -log(q[label]), mean over the batch (returned). dz (B x N) receives
// d(mean loss)/d(logits): (q - onehot) / B, or 0 for a sample whose q[label] was clipped (the
// clip's gradient is zero outside its range).
export function softmaxCrossEntropy(probs: usize, labels: usize, B: i32, N: i32, lo: f32, hi: f32, dz: usize): f64 {
  let total: f64 = 0;
  const invB = <f32>1 / <f32>B;
  for (let b = 0; b < B; b++) {
    const pb = probs + ((<usize>(b * N)) << 2), db = dz + ((<usize>(b * N)) << 2);
    const label = load<i32>(labels + ((<usize>b) << 2));
    let sum: f64 = 0;
    for (let n = 0; n < N; n++) sum += load<f32>(pb + ((<usize>n) << 2));
    const s = <f32>sum;
    const q = load<f32>(pb + ((<usize>label) << 2)) / s;
    const inRange = q >= lo && q <= hi;
    total += <f32>(-<f32>Math.log(<f64>(inRange ? q : q < lo ? lo : hi)));
    for (let n = 0; n < N; n++) {
      const target: f32 = n == label ? 1 : 0;
      store<f32>(db + ((<usize>n) << 2), inRange ? (load<f32>(pb + ((<usize>n) << 2)) / s - target) * invB : 0);
    }
  }
  return total / <f64>B;
}

// Gradients of the head: gW = h^T dz, gBias = sum_b dz, dh = (dz W^T) masked by h > 0 (the
// previous layer's ReLU).
export function headBackward(h: usize, dz: usize, B: i32, D: i32, w: usize, N: i32, gW: usize, gBias: usize, dh: usize): void {
  for (let n = 0; n < N; n++) {
    let acc: f64 = 0;
    for (let b = 0; b < B; b++) acc += load<f32>(dz + ((<usize>(b * N + n)) << 2));
    store<f32>(gBias + ((<usize>n) << 2), <f32>acc);
  }
  for (let d = 0; d < D; d++) {
    for (let n = 0; n < N; n++) {
      let acc: f64 = 0;
      for (let b = 0; b < B; b++) {
        acc += <f64>load<f32>(h + ((<usize>(b * D + d)) << 2)) * <f64>load<f32>(dz + ((<usize>(b * N + n)) << 2));
      }
      store<f32>(gW + ((<usize>(d * N + n)) << 2), <f32>acc);
    }
  }
  for (let b = 0; b < B; b++) {
    for (let d = 0; d < D; d++) {
      const hv = load<f32>(h + ((<usize>(b * D + d)) << 2));
      let acc: f64 = 0;
      if (hv > 0) {
        for (let n = 0; n < N; n++) {
          acc += <f64>load<f32>(dz + ((<usize>(b * N + n)) << 2)) * <f64>load<f32>(w + ((<usize>(d * N + n)) << 2));
        }
      }
      store<f32>(dh + ((<usize>(b * D + d)) << 2), <f32>acc);
    }
  }
}
