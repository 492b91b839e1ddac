import { adamVec, b1v, omb1v, b2v, omb2v, c1v, c2v, epsv, nlrv } from './adam';

// y = relu?(x W + bias) for x [B][K], W [K][N] (tfjs layout), N a multiple of 16.
// Microkernel: 3 rows x 16 columns; rows past B repeat the last row and are not stored.
export function denseForward(x: usize, B: i32, K: i32, w: usize, bias: usize, N: i32, y: usize, relu: bool): void {
  const xRow = (<usize>K) << 2, wRow = (<usize>N) << 2;
  const zero = f32x4.splat(0);
  for (let b0 = 0; b0 < B; b0 += 3) {
    const x0 = x + <usize>b0 * xRow, x1 = x + <usize>min(b0 + 1, B - 1) * xRow, x2 = x + <usize>min(b0 + 2, B - 1) * xRow;
    for (let nt = 0; nt < N; nt += 16) {
      let a00 = zero, a01 = zero, a02 = zero, a03 = zero, a10 = zero, a11 = zero, a12 = zero, a13 = zero;
      let a20 = zero, a21 = zero, a22 = zero, a23 = zero;
      let wk = w + ((<usize>nt) << 2);
      for (let o: usize = 0; o < xRow; o += 4) {
        const w0 = v128.load(wk), w1 = v128.load(wk, 16), w2 = v128.load(wk, 32), w3 = v128.load(wk, 48);
        let s = v128.load32_splat(x0 + o);
        a00 = f32x4.add(a00, f32x4.mul(s, w0)); a01 = f32x4.add(a01, f32x4.mul(s, w1));
        a02 = f32x4.add(a02, f32x4.mul(s, w2)); a03 = f32x4.add(a03, f32x4.mul(s, w3));
        s = v128.load32_splat(x1 + o);
        a10 = f32x4.add(a10, f32x4.mul(s, w0)); a11 = f32x4.add(a11, f32x4.mul(s, w1));
        a12 = f32x4.add(a12, f32x4.mul(s, w2)); a13 = f32x4.add(a13, f32x4.mul(s, w3));
        s = v128.load32_splat(x2 + o);
        a20 = f32x4.add(a20, f32x4.mul(s, w0)); a21 = f32x4.add(a21, f32x4.mul(s, w1));
        a22 = f32x4.add(a22, f32x4.mul(s, w2)); a23 = f32x4.add(a23, f32x4.mul(s, w3));
        wk += wRow;
      }
      const bt = bias + ((<usize>nt) << 2);
      const b0v = v128.load(bt), b1v = v128.load(bt, 16), b2v = v128.load(bt, 32), b3v = v128.load(bt, 48);
      for (let r = 0; r < 3 && b0 + r < B; r++) {
        let v0 = a00, v1 = a01, v2 = a02, v3 = a03;
        if (r == 1) { v0 = a10; v1 = a11; v2 = a12; v3 = a13; }
        if (r == 2) { v0 = a20; v1 = a21; v2 = a22; v3 = a23; }
        v0 = f32x4.add(v0, b0v); v1 = f32x4.add(v1, b1v); v2 = f32x4.add(v2, b2v); v3 = f32x4.add(v3, b3v);
        if (relu) {
          v0 = f32x4.pmax(v0, zero); v1 = f32x4.pmax(v1, zero); v2 = f32x4.pmax(v2, zero); v3 = f32x4.pmax(v3, zero);
        }
        const yo = y + <usize>(b0 + r) * wRow + ((<usize>nt) << 2);
        v128.store(yo, v0); v128.store(yo, v1, 16); v128.store(yo, v2, 32); v128.store(yo, v3, 48);
      }
    }
  }
}

@inline function hsum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

// Backward of y = x W for x [B][K], W [K][N] fused with W's Adam update, one pass over W:
// for each row k, dx[b][k] = dy[b] . W[k] (with the old W), then gW[k] = sum_b x[b][k] dy[b] and
// Adam updates W[k], m[k], v[k] without ever storing gW. N is a multiple of 4.
export function denseBackwardAdam(x: usize, B: i32, K: i32, dy: usize, N: i32, w: usize, m: usize, v: usize, dx: usize): void {
  const xRow = (<usize>K) << 2, wRow = (<usize>N) << 2;
  const b1 = b1v, omb1 = omb1v, b2 = b2v, omb2 = omb2v, c1 = c1v, c2 = c2v, eps = epsv, nlr = nlrv;
  for (let k = 0; k < K; k++) {
    const ko = (<usize>k) << 2, wk = w + <usize>k * wRow;
    for (let b = 0; b < B; b++) {
      const dyb = dy + <usize>b * wRow;
      let acc0 = f32x4.splat(0), acc1 = acc0;
      let o: usize = 0;
      for (; o + 32 <= wRow; o += 32) {
        acc0 = f32x4.add(acc0, f32x4.mul(v128.load(dyb + o), v128.load(wk + o)));
        acc1 = f32x4.add(acc1, f32x4.mul(v128.load(dyb + o, 16), v128.load(wk + o, 16)));
      }
      if (o < wRow) acc0 = f32x4.add(acc0, f32x4.mul(v128.load(dyb + o), v128.load(wk + o)));
      store<f32>(dx + <usize>b * xRow + ko, hsum(f32x4.add(acc0, acc1)));
    }
    const mk = m + <usize>k * wRow, vk = v + <usize>k * wRow;
    const xEnd = x + <usize>B * xRow + ko;
    for (let o: usize = 0; o < wRow; o += 16) {
      let g = f32x4.splat(0);
      // Pointer bumps rather than b * stride: this loop runs 3 times per 4 weights.
      let pd = dy + o;
      for (let px = x + ko; px < xEnd; px += xRow) {
        g = f32x4.add(g, f32x4.mul(v128.load32_splat(px), v128.load(pd)));
        pd += wRow;
      }
      adamVec(wk + o, mk + o, vk + o, g, b1, omb1, b2, omb2, c1, c2, eps, nlr);
    }
  }
}
