// Convolution gradients. conv2 (followed by ReLU + 2x2 max pool) uses the sparse lists built by
// poolBackward: at most one pixel in four gets a gradient per channel, so summing only those
// entries does a quarter of the dense im2col GEMM's work (less where ReLUs are off).
// Sparse inner loops work on 48-float chunks: 12 accumulators plus a splat fit V8's 16 registers.

// dWt[n][kh*3C + c] (OHWI layout) = sum over channel n's entries (addr, g) of
// g * a1[addr + kh*rowBytes + c]; W, C are the width and channels of a1. 3*C must be a multiple of 48.
export function convPoolBackpropFilter(chanLists: usize, chanCounts: usize, cap: i32, OC: i32, W: i32, C: i32, dWt: usize): void {
  const KC = 3 * C;
  const rowBytes = (<usize>(W * C)) << 2;
  for (let n = 0; n < OC; n++) {
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
          a0 = f32x4.add(a0, f32x4.mul(g, v128.load(p))); a1 = f32x4.add(a1, f32x4.mul(g, v128.load(p, 16)));
          a2 = f32x4.add(a2, f32x4.mul(g, v128.load(p, 32))); a3 = f32x4.add(a3, f32x4.mul(g, v128.load(p, 48)));
          a4 = f32x4.add(a4, f32x4.mul(g, v128.load(p, 64))); a5 = f32x4.add(a5, f32x4.mul(g, v128.load(p, 80)));
          a6 = f32x4.add(a6, f32x4.mul(g, v128.load(p, 96))); a7 = f32x4.add(a7, f32x4.mul(g, v128.load(p, 112)));
          a8 = f32x4.add(a8, f32x4.mul(g, v128.load(p, 128))); a9 = f32x4.add(a9, f32x4.mul(g, v128.load(p, 144)));
          a10 = f32x4.add(a10, f32x4.mul(g, v128.load(p, 160))); a11 = f32x4.add(a11, f32x4.mul(g, v128.load(p, 176)));
        }
        const d = dWt + ((<usize>(n * 9 * C + kh * KC + c0)) << 2);
        v128.store(d, a0); v128.store(d, a1, 16); v128.store(d, a2, 32); v128.store(d, a3, 48);
        v128.store(d, a4, 64); v128.store(d, a5, 80); v128.store(d, a6, 96); v128.store(d, a7, 112);
        v128.store(d, a8, 128); v128.store(d, a9, 144); v128.store(d, a10, 160); v128.store(d, a11, 176);
      }
    }
  }
}

// dx = gradient w.r.t. conv2's input [B][H+2][W+2][C], where H x W is conv2's output. Each window
// pixel's entries (weight-row address, g) are summed into its 3x3 receptive field of dx in place,
// which is im2col's transpose (col2im) fused with the GEMM.
export function convPoolBackpropInput(pixLists: usize, recordWords: i32, B: i32, H: i32, W: i32, C: i32, dx: usize): void {
  const inW = W + 2, KC = 3 * C;
  const pixBytes = (<usize>C) << 2, rowBytes = <usize>inW * pixBytes;
  const inImage = <usize>(H + 2) * rowBytes;
  memory.fill(dx, 0, <usize>B * inImage);
  let rec = pixLists;
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < H >> 1; i++) {
      for (let j = 0; j < W >> 1; j++) {
        let first = rec + 16;
        for (let q = 0; q < 4; q++) {
          const last = first + ((<usize>load<i32>(rec + (<usize>q << 2))) << 3);
          const base = dx + <usize>b * inImage + <usize>(2 * i + (q >> 1)) * rowBytes + <usize>(2 * j + (q & 1)) * pixBytes;
          for (let kh = 0; kh < 3 && first < last; kh++) {
            for (let c0 = 0; c0 < KC; c0 += 48) {
              const d = base + <usize>kh * rowBytes + ((<usize>c0) << 2);
              const woff = (<usize>(kh * KC + c0)) << 2;
              let a0 = v128.load(d), a1 = v128.load(d, 16), a2 = v128.load(d, 32), a3 = v128.load(d, 48);
              let a4 = v128.load(d, 64), a5 = v128.load(d, 80), a6 = v128.load(d, 96), a7 = v128.load(d, 112);
              let a8 = v128.load(d, 128), a9 = v128.load(d, 144), a10 = v128.load(d, 160), a11 = v128.load(d, 176);
              for (let e = first; e < last; e += 8) {
                const p = <usize>load<u32>(e) + woff;
                const g = v128.load32_splat(e, 4);
                a0 = f32x4.add(a0, f32x4.mul(g, v128.load(p))); a1 = f32x4.add(a1, f32x4.mul(g, v128.load(p, 16)));
                a2 = f32x4.add(a2, f32x4.mul(g, v128.load(p, 32))); a3 = f32x4.add(a3, f32x4.mul(g, v128.load(p, 48)));
                a4 = f32x4.add(a4, f32x4.mul(g, v128.load(p, 64))); a5 = f32x4.add(a5, f32x4.mul(g, v128.load(p, 80)));
                a6 = f32x4.add(a6, f32x4.mul(g, v128.load(p, 96))); a7 = f32x4.add(a7, f32x4.mul(g, v128.load(p, 112)));
                a8 = f32x4.add(a8, f32x4.mul(g, v128.load(p, 128))); a9 = f32x4.add(a9, f32x4.mul(g, v128.load(p, 144)));
                a10 = f32x4.add(a10, f32x4.mul(g, v128.load(p, 160))); a11 = f32x4.add(a11, f32x4.mul(g, v128.load(p, 176)));
              }
              v128.store(d, a0); v128.store(d, a1, 16); v128.store(d, a2, 32); v128.store(d, a3, 48);
              v128.store(d, a4, 64); v128.store(d, a5, 80); v128.store(d, a6, 96); v128.store(d, a7, 112);
              v128.store(d, a8, 128); v128.store(d, a9, 144); v128.store(d, a10, 160); v128.store(d, a11, 176);
            }
          }
          first = last;
        }
        rec += (<usize>recordWords) << 2;
      }
    }
  }
}

// Dense filter gradient for conv1 (no pooling after the ReLU that feeds it back):
// dw[k][n] (HWIO) = sum over b, output pixels of x patch value k * dy[pixel][n]. dy must already
// be ReLU-masked. Tiles of 3 k (same kernel row, adjacent floats) x 16 channels; OC multiple of 16.
export function convBackpropFilter(x: usize, B: i32, H: i32, W: i32, C: i32, dy: usize, OC: i32, dw: usize): void {
  const outH = H - 2, outW = W - 2, KC = 3 * C;
  const pixBytes = (<usize>C) << 2, rowBytes = <usize>W * pixBytes, inImage = <usize>H * rowBytes;
  const dyRow = (<usize>OC) << 2, dyImage = <usize>(outH * outW) * dyRow;
  for (let k0 = 0; k0 < 9 * C; k0 += 3) {
    const kh = k0 / KC;
    const off = <usize>kh * rowBytes + ((<usize>(k0 - kh * KC)) << 2);
    for (let nt = 0; nt < OC; nt += 16) {
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
            a00 = f32x4.add(a00, f32x4.mul(s, d0)); a01 = f32x4.add(a01, f32x4.mul(s, d1));
            a02 = f32x4.add(a02, f32x4.mul(s, d2)); a03 = f32x4.add(a03, f32x4.mul(s, d3));
            s = v128.load32_splat(px, 4);
            a10 = f32x4.add(a10, f32x4.mul(s, d0)); a11 = f32x4.add(a11, f32x4.mul(s, d1));
            a12 = f32x4.add(a12, f32x4.mul(s, d2)); a13 = f32x4.add(a13, f32x4.mul(s, d3));
            s = v128.load32_splat(px, 8);
            a20 = f32x4.add(a20, f32x4.mul(s, d0)); a21 = f32x4.add(a21, f32x4.mul(s, d1));
            a22 = f32x4.add(a22, f32x4.mul(s, d2)); a23 = f32x4.add(a23, f32x4.mul(s, d3));
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
}
