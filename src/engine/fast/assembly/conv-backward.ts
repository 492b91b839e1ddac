// Convolution gradients. conv2 (followed by ReLU + 2x2 max pool) uses the sparse lists built by
// poolBackward: at most one pixel in four gets a gradient per channel, so summing only those
// entries does a quarter of the dense im2col GEMM's work (less where ReLUs are off).
// Sparse inner loops keep 12 accumulators (48 floats): with a splat they fit V8's 16 registers.
import { madd, shareStart } from './share';

// dWt[n][kh*3C + c] (OHWI layout) = sum over channel n's entries (addr, g) of
// g * a1[addr + kh*rowBytes + c]; W, C are the width and channels of a1. 3*C must be a multiple of 48.
// Thread `part` takes every parts-th channel: lists differ in length, interleaving evens them out.
export function convPoolBackpropFilter(chanLists: usize, chanCounts: usize, cap: i32, OC: i32, W: i32, C: i32, dWt: usize, part: i32, parts: i32): void {
  const KC = 3 * C;
  const rowBytes = (<usize>(W * C)) << 2;
  for (let n = part; n < OC; n += parts) {
    const first = chanLists + ((<usize>(n * cap)) << 3);
    const last = first + ((<usize>load<i32>(chanCounts + (<usize>n << 2))) << 3);
    for (let kh = 0; kh < 3; kh++) {
      for (let c0 = 0; c0 < KC; c0 += 48) {
        const off = <usize>kh * rowBytes + ((<usize>c0) << 2);
        let a0 = f32x4.splat(0), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
        let a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (let e = first; e < last; e += 8) {
          const p = <usize>load<u32>(e) + off;
          const g = v128.load32_splat(e, 4);
          a0 = madd(g, v128.load(p), a0); a1 = madd(g, v128.load(p, 16), a1);
          a2 = madd(g, v128.load(p, 32), a2); a3 = madd(g, v128.load(p, 48), a3);
          a4 = madd(g, v128.load(p, 64), a4); a5 = madd(g, v128.load(p, 80), a5);
          a6 = madd(g, v128.load(p, 96), a6); a7 = madd(g, v128.load(p, 112), a7);
          a8 = madd(g, v128.load(p, 128), a8); a9 = madd(g, v128.load(p, 144), a9);
          a10 = madd(g, v128.load(p, 160), a10); a11 = madd(g, v128.load(p, 176), a11);
        }
        const d = dWt + ((<usize>(n * 9 * C + kh * KC + c0)) << 2);
        v128.store(d, a0); v128.store(d, a1, 16); v128.store(d, a2, 32); v128.store(d, a3, 48);
        v128.store(d, a4, 64); v128.store(d, a5, 80); v128.store(d, a6, 96); v128.store(d, a7, 112);
        v128.store(d, a8, 128); v128.store(d, a9, 144); v128.store(d, a10, 160); v128.store(d, a11, 176);
      }
    }
  }
}

// dx = gradient w.r.t. conv2's input [B][H+2][W+2][C] (H x W is conv2's output), masked by the
// ReLU that produced it (act = its output, same layout). Each window pixel's entries (weight-row
// address, g) are summed into its 3x3 receptive field of dx in place: im2col's transpose (col2im)
// fused with the GEMM. Split by (image, group of 16 channels): threads never write the same float,
// and each float sums the same entries in the same order whatever the split. C multiple of 16.
export function convPoolBackpropInput(pixLists: usize, recordWords: i32, B: i32, H: i32, W: i32, C: i32, act: usize, dx: usize, part: i32, parts: i32): void {
  const inW = W + 2, KC = 3 * C, groups = C >> 4;
  const pixBytes = (<usize>C) << 2, rowBytes = <usize>inW * pixBytes;
  const inImage = <usize>(H + 2) * rowBytes, pixels = (H + 2) * inW;
  const recordBytes = (<usize>recordWords) << 2;
  const zero = f32x4.splat(0);
  for (let u = shareStart(B * groups, part, parts), end = shareStart(B * groups, part + 1, parts); u < end; u++) {
    const b = u / groups, cOff = (<usize>(u % groups)) << 6;
    const image = dx + <usize>b * inImage + cOff;
    for (let px = 0; px < pixels; px++) {
      const d = image + <usize>px * pixBytes;
      v128.store(d, zero); v128.store(d, zero, 16); v128.store(d, zero, 32); v128.store(d, zero, 48);
    }
    let rec = pixLists + <usize>(b * (H >> 1) * (W >> 1)) * recordBytes;
    for (let i = 0; i < H >> 1; i++) {
      for (let j = 0; j < W >> 1; j++) {
        let first = rec + 16;
        for (let q = 0; q < 4; q++) {
          const last = first + ((<usize>load<i32>(rec + (<usize>q << 2))) << 3);
          const base = image + <usize>(2 * i + (q >> 1)) * rowBytes + <usize>(2 * j + (q & 1)) * pixBytes;
          for (let kh = 0; kh < 3 && first < last; kh++) {
            // 3 kernel columns x 16 channels: the group's floats of 3 adjacent dx pixels.
            const d0 = base + <usize>kh * rowBytes, d1 = d0 + pixBytes, d2 = d1 + pixBytes;
            const woff = ((<usize>(kh * KC)) << 2) + cOff;
            let a0 = v128.load(d0), a1 = v128.load(d0, 16), a2 = v128.load(d0, 32), a3 = v128.load(d0, 48);
            let a4 = v128.load(d1), a5 = v128.load(d1, 16), a6 = v128.load(d1, 32), a7 = v128.load(d1, 48);
            let a8 = v128.load(d2), a9 = v128.load(d2, 16), a10 = v128.load(d2, 32), a11 = v128.load(d2, 48);
            for (let e = first; e < last; e += 8) {
              const p0 = <usize>load<u32>(e) + woff, p1 = p0 + pixBytes, p2 = p1 + pixBytes;
              const g = v128.load32_splat(e, 4);
              a0 = madd(g, v128.load(p0), a0); a1 = madd(g, v128.load(p0, 16), a1);
              a2 = madd(g, v128.load(p0, 32), a2); a3 = madd(g, v128.load(p0, 48), a3);
              a4 = madd(g, v128.load(p1), a4); a5 = madd(g, v128.load(p1, 16), a5);
              a6 = madd(g, v128.load(p1, 32), a6); a7 = madd(g, v128.load(p1, 48), a7);
              a8 = madd(g, v128.load(p2), a8); a9 = madd(g, v128.load(p2, 16), a9);
              a10 = madd(g, v128.load(p2, 32), a10); a11 = madd(g, v128.load(p2, 48), a11);
            }
            v128.store(d0, a0); v128.store(d0, a1, 16); v128.store(d0, a2, 32); v128.store(d0, a3, 48);
            v128.store(d1, a4); v128.store(d1, a5, 16); v128.store(d1, a6, 32); v128.store(d1, a7, 48);
            v128.store(d2, a8); v128.store(d2, a9, 16); v128.store(d2, a10, 32); v128.store(d2, a11, 48);
          }
          first = last;
        }
        rec += recordBytes;
      }
    }
    // ReLU backward on the floats this unit owns: zero where the activation was not positive.
    const a = act + <usize>b * inImage + cOff;
    for (let px = 0; px < pixels; px++) {
      const d = image + <usize>px * pixBytes, s = a + <usize>px * pixBytes;
      v128.store(d, v128.and(v128.load(d), f32x4.gt(v128.load(s), zero)));
      v128.store(d, v128.and(v128.load(d, 16), f32x4.gt(v128.load(s, 16), zero)), 16);
      v128.store(d, v128.and(v128.load(d, 32), f32x4.gt(v128.load(s, 32), zero)), 32);
      v128.store(d, v128.and(v128.load(d, 48), f32x4.gt(v128.load(s, 48), zero)), 48);
    }
  }
}

// Dense filter gradient for conv1 (no pooling after the ReLU that feeds it back):
// dw[k][n] (HWIO) = sum over b, output pixels of x patch value k * dy[pixel][n]. dy must already
// be ReLU-masked. Tiles of 3 k (same kernel row, adjacent floats) x 16 channels, split by tile;
// OC multiple of 16.
export function convBackpropFilter(x: usize, B: i32, H: i32, W: i32, C: i32, dy: usize, OC: i32, dw: usize, part: i32, parts: i32): void {
  const outH = H - 2, outW = W - 2, KC = 3 * C, nTiles = OC >> 4, tiles = 3 * C * nTiles;
  const pixBytes = (<usize>C) << 2, rowBytes = <usize>W * pixBytes, inImage = <usize>H * rowBytes;
  const dyRow = (<usize>OC) << 2, dyImage = <usize>(outH * outW) * dyRow;
  for (let u = shareStart(tiles, part, parts), end = shareStart(tiles, part + 1, parts); u < end; u++) {
    const k0 = (u / nTiles) * 3, nt = (u % nTiles) << 4;
    const kh = k0 / KC;
    const off = <usize>kh * rowBytes + ((<usize>(k0 - kh * KC)) << 2);
    let a00 = f32x4.splat(0), a01 = a00, a02 = a00, a03 = a00;
    let a10 = a00, a11 = a00, a12 = a00, a13 = a00;
    let a20 = a00, a21 = a00, a22 = a00, a23 = a00;
    for (let b = 0; b < B; b++) {
      for (let oh = 0; oh < outH; oh++) {
        let px = x + <usize>b * inImage + <usize>oh * rowBytes + off;
        let d = dy + <usize>b * dyImage + <usize>(oh * outW) * dyRow + ((<usize>nt) << 2);
        for (let ow = 0; ow < outW; ow++) {
          const d0 = v128.load(d), d1 = v128.load(d, 16), d2 = v128.load(d, 32), d3 = v128.load(d, 48);
          let s = v128.load32_splat(px);
          a00 = madd(s, d0, a00); a01 = madd(s, d1, a01); a02 = madd(s, d2, a02); a03 = madd(s, d3, a03);
          s = v128.load32_splat(px, 4);
          a10 = madd(s, d0, a10); a11 = madd(s, d1, a11); a12 = madd(s, d2, a12); a13 = madd(s, d3, a13);
          s = v128.load32_splat(px, 8);
          a20 = madd(s, d0, a20); a21 = madd(s, d1, a21); a22 = madd(s, d2, a22); a23 = madd(s, d3, a23);
          px += pixBytes;
          d += dyRow;
        }
      }
    }
    const o = dw + ((<usize>(k0 * OC + nt)) << 2);
    v128.store(o, a00); v128.store(o, a01, 16); v128.store(o, a02, 32); v128.store(o, a03, 48);
    v128.store(o + dyRow, a10); v128.store(o + dyRow, a11, 16); v128.store(o + dyRow, a12, 32); v128.store(o + dyRow, a13, 48);
    v128.store(o + 2 * dyRow, a20); v128.store(o + 2 * dyRow, a21, 16);
    v128.store(o + 2 * dyRow, a22, 32); v128.store(o + 2 * dyRow, a23, 48);
  }
}
