import { ADAM, adamVec } from './adam';
import { madd, shareStart } from './share';

// Rows of W per cache block: 64 x 512 bytes stays in L1 while all column tiles use it.
const K_BLOCK: usize = 64;

// y = relu?(x W + bias) for x [B][K], W [K][N] (tfjs layout), N a multiple of 16.
// Microkernel: 3 rows x 16 columns. K is walked in blocks so each block of W is read from L3 once
// and then served from L1 to every column tile (a third faster than streaming W per tile);
// partial sums wait in y between blocks. Rows past B repeat the last row, so their partial sums
// are the same numbers stored to the same place. Split by (group of 3 rows, 16-column tile).
export function denseForward(x: usize, B: i32, K: i32, w: usize, bias: usize, N: i32, y: usize, relu: bool, part: i32, parts: i32): void {
  const xRow = (<usize>K) << 2, wRow = (<usize>N) << 2;
  const tiles = N >> 4, units = ((B + 2) / 3) * tiles;
  const u0 = shareStart(units, part, parts), u1 = shareStart(units, part + 1, parts);
  const zero = f32x4.splat(0);
  for (let g = u0 / tiles; g * tiles < u1; g++) {
    const b0 = g * 3, last = min(b0 + 2, B - 1);
    const cFirst = (<usize>max(u0 - g * tiles, 0)) << 6, cEnd = (<usize>min(u1 - g * tiles, tiles)) << 6;
    for (let b = b0; b <= last; b++) memory.fill(y + <usize>b * wRow + cFirst, 0, cEnd - cFirst);
    const r1 = <usize>min(b0 + 1, B - 1), r2 = <usize>min(b0 + 2, B - 1);
    const x0 = x + <usize>b0 * xRow, x1 = x + r1 * xRow, x2 = x + r2 * xRow;
    const y0 = y + <usize>b0 * wRow, y1 = y + r1 * wRow, y2 = y + r2 * wRow;
    for (let k0: usize = 0; k0 < xRow; k0 += K_BLOCK << 2) {
      const kEnd = min(k0 + (K_BLOCK << 2), xRow);
      for (let c = cFirst; c < cEnd; c += 64) {
        let a00 = v128.load(y0 + c), a01 = v128.load(y0 + c, 16), a02 = v128.load(y0 + c, 32), a03 = v128.load(y0 + c, 48);
        let a10 = v128.load(y1 + c), a11 = v128.load(y1 + c, 16), a12 = v128.load(y1 + c, 32), a13 = v128.load(y1 + c, 48);
        let a20 = v128.load(y2 + c), a21 = v128.load(y2 + c, 16), a22 = v128.load(y2 + c, 32), a23 = v128.load(y2 + c, 48);
        let wk = w + (k0 >> 2) * wRow + c;
        for (let o = k0; o < kEnd; o += 4) {
          const w0 = v128.load(wk), w1 = v128.load(wk, 16), w2 = v128.load(wk, 32), w3 = v128.load(wk, 48);
          let s = v128.load32_splat(x0 + o);
          a00 = madd(s, w0, a00); a01 = madd(s, w1, a01); a02 = madd(s, w2, a02); a03 = madd(s, w3, a03);
          s = v128.load32_splat(x1 + o);
          a10 = madd(s, w0, a10); a11 = madd(s, w1, a11); a12 = madd(s, w2, a12); a13 = madd(s, w3, a13);
          s = v128.load32_splat(x2 + o);
          a20 = madd(s, w0, a20); a21 = madd(s, w1, a21); a22 = madd(s, w2, a22); a23 = madd(s, w3, a23);
          wk += wRow;
        }
        v128.store(y2 + c, a20); v128.store(y2 + c, a21, 16); v128.store(y2 + c, a22, 32); v128.store(y2 + c, a23, 48);
        v128.store(y1 + c, a10); v128.store(y1 + c, a11, 16); v128.store(y1 + c, a12, 32); v128.store(y1 + c, a13, 48);
        v128.store(y0 + c, a00); v128.store(y0 + c, a01, 16); v128.store(y0 + c, a02, 32); v128.store(y0 + c, a03, 48);
      }
    }
    for (let b = b0; b <= last; b++) {
      const yb = y + <usize>b * wRow;
      for (let c = cFirst; c < cEnd; c += 16) {
        const v = f32x4.add(v128.load(yb + c), v128.load(bias + c));
        v128.store(yb + c, relu ? f32x4.pmax(v, zero) : v);
      }
    }
  }
}

@inline function hsum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

// Backward of y = x W for x [B][K], W [K][N] fused with W's Adam update, one pass over W:
// for each row k, dx[b][k] = dy[b] . W[k] (with the old W), then gW[k] = sum_b x[b][k] dy[b] and
// Adam updates W[k], m[k], v[k] without ever storing gW. N is a multiple of 4. Split by row k.
export function denseBackwardAdam(x: usize, B: i32, K: i32, dy: usize, N: i32, w: usize, m: usize, v: usize, dx: usize, part: i32, parts: i32): void {
  const xRow = (<usize>K) << 2, wRow = (<usize>N) << 2;
  const b1 = v128.load(ADAM), omb1 = v128.load(ADAM, 16), b2 = v128.load(ADAM, 32), omb2 = v128.load(ADAM, 48);
  const c1 = v128.load(ADAM, 64), c2 = v128.load(ADAM, 80), eps = v128.load(ADAM, 96), nlr = v128.load(ADAM, 112);
  for (let k = shareStart(K, part, parts), end = shareStart(K, part + 1, parts); k < end; k++) {
    const ko = (<usize>k) << 2, wk = w + <usize>k * wRow;
    for (let b = 0; b < B; b++) {
      const dyb = dy + <usize>b * wRow;
      let acc0 = f32x4.splat(0), acc1 = acc0;
      let o: usize = 0;
      for (; o + 32 <= wRow; o += 32) {
        acc0 = madd(v128.load(dyb + o), v128.load(wk + o), acc0);
        acc1 = madd(v128.load(dyb + o, 16), v128.load(wk + o, 16), acc1);
      }
      if (o < wRow) acc0 = madd(v128.load(dyb + o), v128.load(wk + o), acc0);
      store<f32>(dx + <usize>b * xRow + ko, hsum(f32x4.add(acc0, acc1)));
    }
    const mk = m + <usize>k * wRow, vk = v + <usize>k * wRow;
    const xEnd = x + <usize>B * xRow + ko;
    for (let o: usize = 0; o < wRow; o += 16) {
      let g = f32x4.splat(0);
      // Pointer bumps rather than b * stride: this loop runs 3 times per 4 weights.
      let pd = dy + o;
      for (let px = x + ko; px < xEnd; px += xRow) {
        g = madd(v128.load32_splat(px), v128.load(pd), g);
        pd += wRow;
      }
      adamVec(wk + o, mk + o, vk + o, g, b1, omb1, b2, omb2, c1, c2, eps, nlr);
    }
  }
}
