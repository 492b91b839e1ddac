// 3x3 'valid' stride-1 convolution + bias + ReLU on NHWC images, as an implicit GEMM:
// GEMM rows are output pixels, columns output channels, K = (kh, kw, c). For a fixed kernel row kh
// the (kw, c) slice of a receptive field is 3*C contiguous floats of the input, so the microkernel
// reads the image directly and no im2col copy is made.

// Output pixel m of an image as a byte address of its receptive field's top-left input pixel.
@inline function pixelAddr(x: usize, m: i32, outW: i32, W: i32, C: i32): usize {
  return x + ((<usize>(((m / outW) * W + (m % outW)) * C)) << 2);
}

// Packs weights into [OC/16][K][16] so one GEMM column tile is a run of 64-byte rows.
// Element (k, n) of the source lives at src + 4 * (k * kStride + n * nStride), which covers both
// the HWIO (conv1) and OHWI (conv2) layouts kept in the parameter block.
export function packConvWeights(src: usize, K: i32, OC: i32, kStride: i32, nStride: i32, dst: usize): void {
  let d = dst;
  for (let nt = 0; nt < OC; nt += 16) {
    for (let k = 0; k < K; k++) {
      for (let i = 0; i < 16; i++) {
        store<f32>(d, load<f32>(src + ((<usize>(k * kStride + (nt + i) * nStride)) << 2)));
        d += 4;
      }
    }
  }
}

@inline function biasRelu(acc: v128, bias: usize, lane: usize): v128 {
  return f32x4.pmax(f32x4.add(acc, v128.load(bias + lane)), f32x4.splat(0));
}

// y[b] = relu(conv(x[b], w) + bias) for B images of H x W x C; OC must be a multiple of 16.
// Microkernel: 3 output pixels x 16 channels = 12 accumulators, which with the 4 weight vectors
// fits the 16 SIMD registers V8 allocates; the K loop is unrolled by two.
export function convForward(x: usize, B: i32, H: i32, W: i32, C: i32, wp: usize, bias: usize, y: usize, OC: i32): void {
  const outW = W - 2, M = (H - 2) * outW, KC = 3 * C, K = 9 * C;
  const rowBytes = (<usize>(W * C)) << 2;
  const yRow = (<usize>OC) << 2;
  const inImage = (<usize>(H * W * C)) << 2;
  const outImage = (<usize>(M * OC)) << 2;
  for (let b = 0; b < B; b++) {
    const xb = x + <usize>b * inImage, yb = y + <usize>b * outImage;
    for (let nt = 0; nt < OC; nt += 16) {
      const wt = wp + ((<usize>(nt * K)) << 2);
      const bt = bias + ((<usize>nt) << 2);
      for (let m0 = 0; m0 < M; m0 += 3) {
        // Rows past M repeat the last pixel; their results are computed but not stored.
        const p0 = pixelAddr(xb, m0, outW, W, C);
        const p1 = pixelAddr(xb, min(m0 + 1, M - 1), outW, W, C);
        const p2 = pixelAddr(xb, min(m0 + 2, M - 1), outW, W, C);
        let a00 = f32x4.splat(0), a01 = a00, a02 = a00, a03 = a00;
        let a10 = a00, a11 = a00, a12 = a00, a13 = a00;
        let a20 = a00, a21 = a00, a22 = a00, a23 = a00;
        let wk = wt;
        for (let kh = 0; kh < 3; kh++) {
          const rowOff = <usize>kh * rowBytes;
          const end = rowOff + ((<usize>KC) << 2);
          let o = rowOff;
          for (; o + 4 < end; o += 8) {
            let w0 = v128.load(wk), w1 = v128.load(wk, 16), w2 = v128.load(wk, 32), w3 = v128.load(wk, 48);
            let s = v128.load32_splat(p0 + o);
            a00 = f32x4.add(a00, f32x4.mul(s, w0)); a01 = f32x4.add(a01, f32x4.mul(s, w1));
            a02 = f32x4.add(a02, f32x4.mul(s, w2)); a03 = f32x4.add(a03, f32x4.mul(s, w3));
            s = v128.load32_splat(p1 + o);
            a10 = f32x4.add(a10, f32x4.mul(s, w0)); a11 = f32x4.add(a11, f32x4.mul(s, w1));
            a12 = f32x4.add(a12, f32x4.mul(s, w2)); a13 = f32x4.add(a13, f32x4.mul(s, w3));
            s = v128.load32_splat(p2 + o);
            a20 = f32x4.add(a20, f32x4.mul(s, w0)); a21 = f32x4.add(a21, f32x4.mul(s, w1));
            a22 = f32x4.add(a22, f32x4.mul(s, w2)); a23 = f32x4.add(a23, f32x4.mul(s, w3));
            w0 = v128.load(wk, 64); w1 = v128.load(wk, 80); w2 = v128.load(wk, 96); w3 = v128.load(wk, 112);
            s = v128.load32_splat(p0 + o + 4);
            a00 = f32x4.add(a00, f32x4.mul(s, w0)); a01 = f32x4.add(a01, f32x4.mul(s, w1));
            a02 = f32x4.add(a02, f32x4.mul(s, w2)); a03 = f32x4.add(a03, f32x4.mul(s, w3));
            s = v128.load32_splat(p1 + o + 4);
            a10 = f32x4.add(a10, f32x4.mul(s, w0)); a11 = f32x4.add(a11, f32x4.mul(s, w1));
            a12 = f32x4.add(a12, f32x4.mul(s, w2)); a13 = f32x4.add(a13, f32x4.mul(s, w3));
            s = v128.load32_splat(p2 + o + 4);
            a20 = f32x4.add(a20, f32x4.mul(s, w0)); a21 = f32x4.add(a21, f32x4.mul(s, w1));
            a22 = f32x4.add(a22, f32x4.mul(s, w2)); a23 = f32x4.add(a23, f32x4.mul(s, w3));
            wk += 128;
          }
          if (o < end) {
            // Odd 3*C (e.g. RGB input): one remaining K step for this kernel row.
            const w0 = v128.load(wk), w1 = v128.load(wk, 16), w2 = v128.load(wk, 32), w3 = v128.load(wk, 48);
            let s = v128.load32_splat(p0 + o);
            a00 = f32x4.add(a00, f32x4.mul(s, w0)); a01 = f32x4.add(a01, f32x4.mul(s, w1));
            a02 = f32x4.add(a02, f32x4.mul(s, w2)); a03 = f32x4.add(a03, f32x4.mul(s, w3));
            s = v128.load32_splat(p1 + o);
            a10 = f32x4.add(a10, f32x4.mul(s, w0)); a11 = f32x4.add(a11, f32x4.mul(s, w1));
            a12 = f32x4.add(a12, f32x4.mul(s, w2)); a13 = f32x4.add(a13, f32x4.mul(s, w3));
            s = v128.load32_splat(p2 + o);
            a20 = f32x4.add(a20, f32x4.mul(s, w0)); a21 = f32x4.add(a21, f32x4.mul(s, w1));
            a22 = f32x4.add(a22, f32x4.mul(s, w2)); a23 = f32x4.add(a23, f32x4.mul(s, w3));
            wk += 64;
          }
        }
        const yo = yb + <usize>m0 * yRow + ((<usize>nt) << 2);
        v128.store(yo, biasRelu(a00, bt, 0)); v128.store(yo, biasRelu(a01, bt, 16), 16);
        v128.store(yo, biasRelu(a02, bt, 32), 32); v128.store(yo, biasRelu(a03, bt, 48), 48);
        if (m0 + 1 < M) {
          const y1 = yo + yRow;
          v128.store(y1, biasRelu(a10, bt, 0)); v128.store(y1, biasRelu(a11, bt, 16), 16);
          v128.store(y1, biasRelu(a12, bt, 32), 32); v128.store(y1, biasRelu(a13, bt, 48), 48);
        }
        if (m0 + 2 < M) {
          const y2 = yo + 2 * yRow;
          v128.store(y2, biasRelu(a20, bt, 0)); v128.store(y2, biasRelu(a21, bt, 16), 16);
          v128.store(y2, biasRelu(a22, bt, 32), 32); v128.store(y2, biasRelu(a23, bt, 48), 48);
        }
      }
    }
  }
}
