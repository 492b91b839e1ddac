// 2x2 stride-2 max pooling ('valid': an odd last row/column is dropped, as in tfjs) and the
// routing of its gradient into the sparse work lists used by the conv2 backward kernels.
import { shareStart } from './share';

// out = maxpool(a); arg = window position (0..3, row-major) of the max per output element.
// Ties keep the first position, as tfjs-backend-cpu's maxPoolPositions (strict '>') does.
// Split by output rows over all images.
export function maxPoolForward(a: usize, B: i32, H: i32, W: i32, C: i32, out: usize, arg: usize, part: i32, parts: i32): void {
  const outH = H >> 1, outW = W >> 1;
  const pixBytes = (<usize>C) << 2, rowBytes = <usize>W * pixBytes;
  const inImage = <usize>H * rowBytes;
  for (let r = shareStart(B * outH, part, parts), end = shareStart(B * outH, part + 1, parts); r < end; r++) {
    const b = r / outH, i = r % outH;
    let o = <usize>r * <usize>outW * pixBytes;
    for (let j = 0; j < outW; j++) {
      const p0 = a + <usize>b * inImage + <usize>(2 * i) * rowBytes + <usize>(2 * j) * pixBytes;
      const p1 = p0 + pixBytes, p2 = p0 + rowBytes, p3 = p2 + pixBytes;
      for (let c: usize = 0; c < pixBytes; c += 16) {
        let best = v128.load(p0 + c);
        let code = i32x4.splat(0);
        let v = v128.load(p1 + c);
        let gt = f32x4.gt(v, best);
        best = v128.bitselect(v, best, gt); code = v128.bitselect(i32x4.splat(1), code, gt);
        v = v128.load(p2 + c); gt = f32x4.gt(v, best);
        best = v128.bitselect(v, best, gt); code = v128.bitselect(i32x4.splat(2), code, gt);
        v = v128.load(p3 + c); gt = f32x4.gt(v, best);
        best = v128.bitselect(v, best, gt); code = v128.bitselect(i32x4.splat(3), code, gt);
        v128.store(out + o, best);
        v128.store(arg + o, code);
        o += 16;
      }
    }
  }
}

// Entry count of one pooled position's record in pixLists: 4 bucket sizes, then C (ptr, g) pairs.
function pixRecordWords(C: i32): i32 {
  return 4 + 2 * C;
}

// Gradient of relu -> maxpool. For pooled element (b, p, n) with upstream gradient dflat, the
// conv2 pre-activation gradient is g = dflat at the argmax pixel if the pooled value is > 0
// (else the ReLU blocks it) and 0 at the other three pixels. Only non-zero g are recorded:
//  - chanLists: per output channel n, (address of the argmax pixel's receptive field in a1, g)
//    pairs, cap entries per channel, counts in chanCounts -> filter gradient;
//  - pixLists: per pooled position, the (address of weight row n, g) pairs grouped by which of the
//    4 window pixels they belong to -> input gradient.
// Also accumulates the conv2 bias gradient into biasGrad (C floats).
// Split twice: pixLists by pooled position, chanLists, chanCounts and biasGrad by channel.
export function poolBackward(
  dflat: usize, pooled: usize, arg: usize, B: i32, H: i32, W: i32, C: i32,
  a1: usize, inC: i32, wt: usize, chanLists: usize, chanCounts: usize, cap: i32,
  pixLists: usize, biasGrad: usize, part: i32, parts: i32,
): void {
  const positions = B * (H >> 1) * (W >> 1);
  pixelRecords(dflat, pooled, arg, C, inC, wt, pixLists, shareStart(positions, part, parts), shareStart(positions, part + 1, parts));
  channelLists(dflat, pooled, arg, B, H, W, C, a1, inC, chanLists, chanCounts, cap, biasGrad, shareStart(C, part, parts), shareStart(C, part + 1, parts));
}

// pixLists records of pooled positions [p0, p1).
function pixelRecords(dflat: usize, pooled: usize, arg: usize, C: i32, inC: i32, wt: usize, pixLists: usize, p0: i32, p1: i32): void {
  const wRowBytes = (<usize>(9 * inC)) << 2;
  const recordBytes = (<usize>pixRecordWords(C)) << 2;
  let e = (<usize>p0 * <usize>C) << 2;
  let rec = pixLists + <usize>p0 * recordBytes;
  for (let p = p0; p < p1; p++) {
    store<i32>(rec, 0); store<i32>(rec, 0, 4); store<i32>(rec, 0, 8); store<i32>(rec, 0, 12);
    for (let n = 0; n < C; n++) {
      if (load<f32>(pooled + e + (<usize>n << 2)) > 0) {
        const q = rec + (<usize>load<i32>(arg + e + (<usize>n << 2)) << 2);
        store<i32>(q, load<i32>(q) + 1);
      }
    }
    // Bucket starts (exclusive prefix sums) so one pass can place each entry.
    const c0 = load<i32>(rec), c1 = load<i32>(rec, 4), c2 = load<i32>(rec, 8);
    let s0 = 0, s1 = c0, s2 = c0 + c1, s3 = c0 + c1 + c2;
    const entries = rec + 16;
    for (let n = 0; n < C; n++) {
      const off = e + (<usize>n << 2);
      if (load<f32>(pooled + off) <= 0) continue;
      const code = load<i32>(arg + off);
      let slot = 0;
      if (code == 0) slot = s0++;
      else if (code == 1) slot = s1++;
      else if (code == 2) slot = s2++;
      else slot = s3++;
      const pe = entries + (<usize>slot << 3);
      store<u32>(pe, <u32>(wt + <usize>n * wRowBytes));
      store<f32>(pe, load<f32>(dflat + off), 4);
    }
    e += <usize>C << 2;
    rec += recordBytes;
  }
}

// chanLists, chanCounts and biasGrad of channels [n0, n1), entries in (b, i, j) order.
function channelLists(
  dflat: usize, pooled: usize, arg: usize, B: i32, H: i32, W: i32, C: i32, a1: usize, inC: i32,
  chanLists: usize, chanCounts: usize, cap: i32, biasGrad: usize, n0: i32, n1: i32,
): void {
  const outH = H >> 1, outW = W >> 1, inW = W + 2;
  const inImage = (<usize>((H + 2) * inW * inC)) << 2;
  memory.fill(chanCounts + (<usize>n0 << 2), 0, <usize>(n1 - n0) << 2);
  memory.fill(biasGrad + (<usize>n0 << 2), 0, <usize>(n1 - n0) << 2);
  let e: usize = 0;
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < outH; i++) {
      for (let j = 0; j < outW; j++) {
        for (let n = n0; n < n1; n++) {
          const off = e + (<usize>n << 2);
          if (load<f32>(pooled + off) <= 0) continue;
          const g = load<f32>(dflat + off);
          const bg = biasGrad + (<usize>n << 2);
          store<f32>(bg, load<f32>(bg) + g);
          if (g == 0) continue;
          const code = load<i32>(arg + off);
          const py = 2 * i + (code >> 1), px = 2 * j + (code & 1);
          const cc = chanCounts + (<usize>n << 2);
          const k = load<i32>(cc);
          store<i32>(cc, k + 1);
          const ce = chanLists + ((<usize>(n * cap + k)) << 3);
          store<u32>(ce, <u32>(a1 + <usize>b * inImage + ((<usize>((py * inW + px) * inC)) << 2)));
          store<f32>(ce, g, 4);
        }
        e += <usize>C << 2;
      }
    }
  }
}
