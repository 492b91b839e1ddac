// 3x3 'valid' stride-1 convolution + bias + ReLU on NHWC images, as an implicit GEMM:
// GEMM rows are output pixels, columns output channels, K = (kh, kw, c). For a fixed kernel row kh
// the (kw, c) slice of a receptive field is 3*C contiguous floats of the input, so the microkernel
// reads the image directly and no im2col copy is made.
import { madd, shareStart } from './share';

// Output pixel m of an image as a byte address of its receptive field's top-left input pixel.
@inline function pixelAddr(x: usize, m: i32, outW: i32, W: i32, C: i32): usize {
  return x + ((<usize>(((m / outW) * W + (m % outW)) * C)) << 2);
}

// Packs weights into [OC/16][K][16] so one GEMM column tile is a run of 64-byte rows.
// Element (k, n) of the source lives at src + 4 * (k * kStride + n * nStride), which covers both
// the HWIO (conv1) and OHWI (conv2) layouts kept in the parameter block. Split by column tile.
export function packConvWeights(src: usize, K: i32, OC: i32, kStride: i32, nStride: i32, dst: usize, part: i32, parts: i32): void {
  const tiles = OC >> 4;
  for (let t = shareStart(tiles, part, parts), end = shareStart(tiles, part + 1, parts); t < end; t++) {
    const nt = t << 4;
    let d = dst + ((<usize>(nt * K)) << 2);
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

// One register tile: output pixels at p0..p2 (input addresses) x 16 channels from packed weights wt.
// 12 accumulators plus the 4 weight vectors fit the 16 SIMD registers V8 allocates; K unrolled by two.
// Rows 1 and 2 are stored only if `rows` says they exist (a tile past the end repeats its last pixel).
@inline function convTile(p0: usize, p1: usize, p2: usize, wt: usize, rowBytes: usize, KC: i32, bt: usize, yo: usize, yRow: usize, rows: i32): void {
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
      a00 = madd(s, w0, a00); a01 = madd(s, w1, a01); a02 = madd(s, w2, a02); a03 = madd(s, w3, a03);
      s = v128.load32_splat(p1 + o);
      a10 = madd(s, w0, a10); a11 = madd(s, w1, a11); a12 = madd(s, w2, a12); a13 = madd(s, w3, a13);
      s = v128.load32_splat(p2 + o);
      a20 = madd(s, w0, a20); a21 = madd(s, w1, a21); a22 = madd(s, w2, a22); a23 = madd(s, w3, a23);
      w0 = v128.load(wk, 64); w1 = v128.load(wk, 80); w2 = v128.load(wk, 96); w3 = v128.load(wk, 112);
      s = v128.load32_splat(p0 + o + 4);
      a00 = madd(s, w0, a00); a01 = madd(s, w1, a01); a02 = madd(s, w2, a02); a03 = madd(s, w3, a03);
      s = v128.load32_splat(p1 + o + 4);
      a10 = madd(s, w0, a10); a11 = madd(s, w1, a11); a12 = madd(s, w2, a12); a13 = madd(s, w3, a13);
      s = v128.load32_splat(p2 + o + 4);
      a20 = madd(s, w0, a20); a21 = madd(s, w1, a21); a22 = madd(s, w2, a22); a23 = madd(s, w3, a23);
      wk += 128;
    }
    if (o < end) {
      // Odd 3*C (e.g. RGB input): one remaining K step for this kernel row.
      const w0 = v128.load(wk), w1 = v128.load(wk, 16), w2 = v128.load(wk, 32), w3 = v128.load(wk, 48);
      let s = v128.load32_splat(p0 + o);
      a00 = madd(s, w0, a00); a01 = madd(s, w1, a01); a02 = madd(s, w2, a02); a03 = madd(s, w3, a03);
      s = v128.load32_splat(p1 + o);
      a10 = madd(s, w0, a10); a11 = madd(s, w1, a11); a12 = madd(s, w2, a12); a13 = madd(s, w3, a13);
      s = v128.load32_splat(p2 + o);
      a20 = madd(s, w0, a20); a21 = madd(s, w1, a21); a22 = madd(s, w2, a22); a23 = madd(s, w3, a23);
      wk += 64;
    }
  }
  v128.store(yo, biasRelu(a00, bt, 0)); v128.store(yo, biasRelu(a01, bt, 16), 16);
  v128.store(yo, biasRelu(a02, bt, 32), 32); v128.store(yo, biasRelu(a03, bt, 48), 48);
  if (rows > 1) {
    const y1 = yo + yRow;
    v128.store(y1, biasRelu(a10, bt, 0)); v128.store(y1, biasRelu(a11, bt, 16), 16);
    v128.store(y1, biasRelu(a12, bt, 32), 32); v128.store(y1, biasRelu(a13, bt, 48), 48);
  }
  if (rows > 2) {
    const y2 = yo + 2 * yRow;
    v128.store(y2, biasRelu(a20, bt, 0)); v128.store(y2, biasRelu(a21, bt, 16), 16);
    v128.store(y2, biasRelu(a22, bt, 32), 32); v128.store(y2, biasRelu(a23, bt, 48), 48);
  }
}

// y[b] = relu(conv(x[b], w) + bias) for B images of H x W x C; OC must be a multiple of 16.
// Split by tiles of 3 output pixels over all images, so that a batch of 3 keeps every thread busy.
export function convForward(x: usize, B: i32, H: i32, W: i32, C: i32, wp: usize, bias: usize, y: usize, OC: i32, part: i32, parts: i32): void {
  const outW = W - 2, M = (H - 2) * outW, KC = 3 * C, K = 9 * C;
  const rowBytes = (<usize>(W * C)) << 2;
  const yRow = (<usize>OC) << 2;
  const inImage = (<usize>(H * W * C)) << 2;
  const outImage = (<usize>(M * OC)) << 2;
  const tiles = (M + 2) / 3;
  const u0 = shareStart(B * tiles, part, parts), u1 = shareStart(B * tiles, part + 1, parts);
  for (let b = u0 / tiles; b * tiles < u1; b++) {
    const xb = x + <usize>b * inImage, yb = y + <usize>b * outImage;
    const first = max(u0 - b * tiles, 0), last = min(u1 - b * tiles, tiles);
    for (let nt = 0; nt < OC; nt += 16) {
      const wt = wp + ((<usize>(nt * K)) << 2);
      const bt = bias + ((<usize>nt) << 2);
      for (let m0 = first * 3; m0 < last * 3; m0 += 3) {
        const p0 = pixelAddr(xb, m0, outW, W, C);
        const p1 = pixelAddr(xb, min(m0 + 1, M - 1), outW, W, C);
        const p2 = pixelAddr(xb, min(m0 + 2, M - 1), outW, W, C);
        convTile(p0, p1, p2, wt, rowBytes, KC, bt, yb + <usize>m0 * yRow + ((<usize>nt) << 2), yRow, M - m0);
      }
    }
  }
}
