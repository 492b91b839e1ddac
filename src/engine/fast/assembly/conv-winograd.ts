// 3x3 'valid' stride-1 convolution + bias + ReLU by Winograd's F(2x2, 3x3): each 2x2 block of
// outputs comes from a 4x4 patch of the input, transformed (V = Bt d B), multiplied position by
// position with the transformed filters (M = V U, 16 small GEMMs over the input channels) and
// transformed back (Y = At M A): 16 multiplies per output channel and input channel instead of 36.
// Used for the forward passes of prediction and evaluation, whose weights stay fixed between
// calls (the filters are transformed once, on the host: ../winograd.ts).
import { madd, shareStart } from './share';

// Tiles of 2x2 outputs per block: four groups of the GEMM microkernel's three rows, so that each
// 16-column slice of U, read from L2, serves four microkernels from L1.
const ROWS = 12;

// Floats of one thread's scratch: V [16][ROWS][C] then M [16][ROWS][OC] (../layout.ts agrees).
@inline function scratchFloats(C: i32, OC: i32): i32 {
  return 16 * ROWS * (C + OC);
}

// V for 4 channels of one tile: the 4x4 patch at p (input rows rowBytes apart, pixels pixBytes
// apart), stored at v + pos * posBytes for pos = 4 * i + j.
@inline function transformInput(p: usize, rowBytes: usize, pixBytes: usize, v: usize, posBytes: usize): void {
  // d B on each input row: (d0 - d2, d1 + d2, d2 - d1, d1 - d3).
  let a = v128.load(p), b = v128.load(p + pixBytes), c = v128.load(p + 2 * pixBytes), d = v128.load(p + 3 * pixBytes);
  const e00 = f32x4.sub(a, c), e01 = f32x4.add(b, c), e02 = f32x4.sub(c, b), e03 = f32x4.sub(b, d);
  const r1 = p + rowBytes;
  a = v128.load(r1); b = v128.load(r1 + pixBytes); c = v128.load(r1 + 2 * pixBytes); d = v128.load(r1 + 3 * pixBytes);
  const e10 = f32x4.sub(a, c), e11 = f32x4.add(b, c), e12 = f32x4.sub(c, b), e13 = f32x4.sub(b, d);
  const r2 = p + 2 * rowBytes;
  a = v128.load(r2); b = v128.load(r2 + pixBytes); c = v128.load(r2 + 2 * pixBytes); d = v128.load(r2 + 3 * pixBytes);
  const e20 = f32x4.sub(a, c), e21 = f32x4.add(b, c), e22 = f32x4.sub(c, b), e23 = f32x4.sub(b, d);
  const r3 = p + 3 * rowBytes;
  a = v128.load(r3); b = v128.load(r3 + pixBytes); c = v128.load(r3 + 2 * pixBytes); d = v128.load(r3 + 3 * pixBytes);
  const e30 = f32x4.sub(a, c), e31 = f32x4.add(b, c), e32 = f32x4.sub(c, b), e33 = f32x4.sub(b, d);
  // Bt on each column: rows (e0 - e2, e1 + e2, e2 - e1, e1 - e3).
  v128.store(v, f32x4.sub(e00, e20)); v128.store(v + posBytes, f32x4.sub(e01, e21));
  v128.store(v + 2 * posBytes, f32x4.sub(e02, e22)); v128.store(v + 3 * posBytes, f32x4.sub(e03, e23));
  v128.store(v + 4 * posBytes, f32x4.add(e10, e20)); v128.store(v + 5 * posBytes, f32x4.add(e11, e21));
  v128.store(v + 6 * posBytes, f32x4.add(e12, e22)); v128.store(v + 7 * posBytes, f32x4.add(e13, e23));
  v128.store(v + 8 * posBytes, f32x4.sub(e20, e10)); v128.store(v + 9 * posBytes, f32x4.sub(e21, e11));
  v128.store(v + 10 * posBytes, f32x4.sub(e22, e12)); v128.store(v + 11 * posBytes, f32x4.sub(e23, e13));
  v128.store(v + 12 * posBytes, f32x4.sub(e10, e30)); v128.store(v + 13 * posBytes, f32x4.sub(e11, e31));
  v128.store(v + 14 * posBytes, f32x4.sub(e12, e32)); v128.store(v + 15 * posBytes, f32x4.sub(e13, e33));
}

// M rows for one group of three tiles x 16 output channels at one position: v rows C floats apart, weights
// [C][16] from wk, results at m (rows mRow bytes apart).
@inline function gemmTile(v: usize, C: i32, wk: usize, m: usize, mRow: usize): void {
  let a00 = f32x4.splat(0), a01 = a00, a02 = a00, a03 = a00;
  let a10 = a00, a11 = a00, a12 = a00, a13 = a00;
  let a20 = a00, a21 = a00, a22 = a00, a23 = a00;
  const v1 = v + ((<usize>C) << 2), v2 = v1 + ((<usize>C) << 2);
  for (let o: usize = 0, end = (<usize>C) << 2; o < end; o += 4) {
    const w0 = v128.load(wk), w1 = v128.load(wk, 16), w2 = v128.load(wk, 32), w3 = v128.load(wk, 48);
    let s = v128.load32_splat(v + o);
    a00 = madd(s, w0, a00); a01 = madd(s, w1, a01); a02 = madd(s, w2, a02); a03 = madd(s, w3, a03);
    s = v128.load32_splat(v1 + o);
    a10 = madd(s, w0, a10); a11 = madd(s, w1, a11); a12 = madd(s, w2, a12); a13 = madd(s, w3, a13);
    s = v128.load32_splat(v2 + o);
    a20 = madd(s, w0, a20); a21 = madd(s, w1, a21); a22 = madd(s, w2, a22); a23 = madd(s, w3, a23);
    wk += 64;
  }
  v128.store(m, a00); v128.store(m, a01, 16); v128.store(m, a02, 32); v128.store(m, a03, 48);
  const m1 = m + mRow, m2 = m1 + mRow;
  v128.store(m1, a10); v128.store(m1, a11, 16); v128.store(m1, a12, 32); v128.store(m1, a13, 48);
  v128.store(m2, a20); v128.store(m2, a21, 16); v128.store(m2, a22, 32); v128.store(m2, a23, 48);
}

@inline function biasRelu(acc: v128, b: v128): v128 {
  return f32x4.pmax(f32x4.add(acc, b), f32x4.splat(0));
}

// y[b] = relu(conv(x[b], w) + bias) for B images of H x W x C, with u the transformed filters
// [16][OC/16][C][16]; C a multiple of 4, OC of 16. A tile past the bottom or right edge reads up
// to a row and a column beyond its image (still inside the plan's memory); those values reach only
// the outputs outside the image, which are never stored. Split by blocks of ROWS tiles; each
// thread works in its own scratch (scratch + part * scratchFloats * 4).
export function winogradConvForward(x: usize, B: i32, H: i32, W: i32, C: i32, u: usize, bias: usize, y: usize, OC: i32, scratch: usize, part: i32, parts: i32): void {
  const outH = H - 2, outW = W - 2;
  const tw = (outW + 1) >> 1, tiles = ((outH + 1) >> 1) * tw;
  const blocks = (tiles + ROWS - 1) / ROWS;
  const rowBytes = (<usize>(W * C)) << 2, pixBytes = (<usize>C) << 2, ocBytes = (<usize>OC) << 2;
  const vBuf = scratch + (<usize>(part * scratchFloats(C, OC)) << 2);
  const mBuf = vBuf + (<usize>(16 * ROWS * C) << 2);
  const vPos = (<usize>(ROWS * C)) << 2, mPos = (<usize>ROWS) * ocBytes;
  for (let unit = shareStart(B * blocks, part, parts), end = shareStart(B * blocks, part + 1, parts); unit < end; unit++) {
    const b = unit / blocks, t0 = (unit % blocks) * ROWS;
    const groups = (min(ROWS, tiles - t0) + 2) / 3;
    const xb = x + <usize>b * ((<usize>(H * W * C)) << 2);
    const yb = y + <usize>b * ((<usize>(outH * outW)) * ocBytes);
    for (let r = 0; r < groups * 3; r++) {
      // A group past the last tile repeats it: its rows are computed and never stored.
      const t = min(t0 + r, tiles - 1);
      const p = xb + <usize>(2 * (t / tw)) * rowBytes + <usize>(2 * (t % tw)) * pixBytes;
      const v = vBuf + <usize>r * pixBytes;
      for (let c: usize = 0; c < pixBytes; c += 16) transformInput(p + c, rowBytes, pixBytes, v + c, vPos);
    }
    for (let pos = 0; pos < 16; pos++) {
      const wp = u + ((<usize>(pos * OC * C)) << 2);
      for (let nt = 0; nt < OC; nt += 16) {
        const wk = wp + ((<usize>(nt * C)) << 2);
        for (let g = 0; g < groups; g++) {
          const v = vBuf + <usize>pos * vPos + <usize>(3 * g) * pixBytes;
          gemmTile(v, C, wk, mBuf + <usize>pos * mPos + <usize>(3 * g) * ocBytes + ((<usize>nt) << 2), ocBytes);
        }
      }
    }
    for (let r = 0; r < ROWS && t0 + r < tiles; r++) {
      const t = t0 + r, oy = 2 * (t / tw), ox = 2 * (t % tw);
      const down = oy + 1 < outH, right = ox + 1 < outW;
      const out = yb + (<usize>(oy * outW + ox)) * ocBytes;
      const m = mBuf + <usize>r * ocBytes;
      for (let oc: usize = 0; oc < ocBytes; oc += 16) {
        const mo = m + oc;
        // At on each column of M: (m0 + m1 + m2, m1 - m2 - m3) over rows i of positions 4i + j.
        const q00 = f32x4.add(f32x4.add(v128.load(mo), v128.load(mo + 4 * mPos)), v128.load(mo + 8 * mPos));
        const q10 = f32x4.sub(f32x4.sub(v128.load(mo + 4 * mPos), v128.load(mo + 8 * mPos)), v128.load(mo + 12 * mPos));
        const q01 = f32x4.add(f32x4.add(v128.load(mo + mPos), v128.load(mo + 5 * mPos)), v128.load(mo + 9 * mPos));
        const q11 = f32x4.sub(f32x4.sub(v128.load(mo + 5 * mPos), v128.load(mo + 9 * mPos)), v128.load(mo + 13 * mPos));
        const q02 = f32x4.add(f32x4.add(v128.load(mo + 2 * mPos), v128.load(mo + 6 * mPos)), v128.load(mo + 10 * mPos));
        const q12 = f32x4.sub(f32x4.sub(v128.load(mo + 6 * mPos), v128.load(mo + 10 * mPos)), v128.load(mo + 14 * mPos));
        const q03 = f32x4.add(f32x4.add(v128.load(mo + 3 * mPos), v128.load(mo + 7 * mPos)), v128.load(mo + 11 * mPos));
        const q13 = f32x4.sub(f32x4.sub(v128.load(mo + 7 * mPos), v128.load(mo + 11 * mPos)), v128.load(mo + 15 * mPos));
        // ... then A on each row: (q0 + q1 + q2, q1 - q2 - q3).
        const bv = v128.load(bias + oc);
        v128.store(out + oc, biasRelu(f32x4.add(f32x4.add(q00, q01), q02), bv));
        if (right) v128.store(out + ocBytes + oc, biasRelu(f32x4.sub(f32x4.sub(q01, q02), q03), bv));
        if (down) {
          const below = out + (<usize>outW) * ocBytes + oc;
          v128.store(below, biasRelu(f32x4.add(f32x4.add(q10, q11), q12), bv));
          if (right) v128.store(below + ocBytes, biasRelu(f32x4.sub(f32x4.sub(q11, q12), q13), bv));
        }
      }
    }
  }
}
