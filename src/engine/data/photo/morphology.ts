/**
 * Grey-level closing (dilate, then erode) with a (2r+1)² square: removes dark marks narrower than
 * the square and keeps everything broader, such as shadows and the paper's edge, where it was.
 */
export function closing(plane: Float32Array, width: number, height: number, r: number): Float32Array {
  return erode(dilate(plane, width, height, r), width, height, r);
}

/** Maximum over a (2r+1)² square, as a new plane. */
export function dilate(plane: Float32Array, width: number, height: number, r: number): Float32Array {
  return square(plane, width, height, r, true);
}

/** Minimum over a (2r+1)² square, as a new plane. */
export function erode(plane: Float32Array, width: number, height: number, r: number): Float32Array {
  return square(plane, width, height, r, false);
}

function square(plane: Float32Array, width: number, height: number, r: number, max: boolean): Float32Array {
  const out = new Float32Array(plane.length);
  const across = new Float32Array(plane.length);
  const scratch = new Float32Array(3 * (Math.max(width, height) + 2 * r) * width);
  for (let y = 0; y < height; y++) {
    running(
      plane.subarray(y * width, (y + 1) * width),
      across.subarray(y * width, (y + 1) * width),
      width,
      1,
      r,
      max,
      scratch,
    );
  }
  // Down the columns whole rows at a time, so memory is read in order.
  running(across, out, height, width, r, max, scratch);
  return out;
}

/**
 * Running max (or min) over windows of 2r+1 samples along a line of `length` samples, each a vector
 * of `lanes` contiguous values, in constant time per value (van Herk / Gil-Werman: prefix and
 * suffix extremes within blocks of 2r+1). Beyond the ends counts as neutral.
 */
function running(
  src: Float32Array,
  dst: Float32Array,
  length: number,
  lanes: number,
  r: number,
  max: boolean,
  scratch: Float32Array,
): void {
  const k = 2 * r + 1;
  const size = (length + 2 * r) * lanes;
  const line = scratch.subarray(0, size);
  const prefix = scratch.subarray(size, 2 * size);
  const suffix = scratch.subarray(2 * size, 3 * size);
  // Min is max of the negated values: one loop body, no per-value branch.
  const sign = max ? 1 : -1;
  line.fill(-Infinity);
  for (let i = 0, o = r * lanes; i < length * lanes; i++, o++) line[o] = sign * src[i]!;
  for (let j = 0, block = 0; j < size; j += lanes, block = block === k - 1 ? 0 : block + 1) {
    if (block === 0) for (let l = j; l < j + lanes; l++) prefix[l] = line[l]!;
    else for (let l = j; l < j + lanes; l++) prefix[l] = Math.max(prefix[l - lanes]!, line[l]!);
  }
  const last = size - lanes;
  for (let j = last, i = length + 2 * r - 1; j >= 0; j -= lanes, i--) {
    if (j === last || i % k === k - 1) for (let l = j; l < j + lanes; l++) suffix[l] = line[l]!;
    else for (let l = j; l < j + lanes; l++) suffix[l] = Math.max(suffix[l + lanes]!, line[l]!);
  }
  // Padded window [i, i + 2r] is sample i's neighbourhood.
  for (let j = 0, e = 2 * r * lanes; j < length * lanes; j++, e++) dst[j] = sign * Math.max(suffix[j]!, prefix[e]!);
}

/**
 * The paper behind the ink: the closing computed on a copy halved by 2×2 maxima (ink does not
 * survive a maximum, paper does) and brought back bilinearly. A quarter of the work of a full-size
 * closing; the background is smooth, so little is lost.
 */
export function background(plane: Float32Array, width: number, height: number, r: number): Float32Array {
  const w = Math.ceil(width / 2);
  const h = Math.ceil(height / 2);
  const half = new Float32Array(w * h);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const k = (y >> 1) * w + (x >> 1);
      half[k] = Math.max(half[k]!, plane[y * width + x]!);
    }
  }
  const closed = closing(half, w, h, Math.max(1, Math.round(r / 2)));
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    // Half-size sample centres sit at 2k + 0.5 in full-size pixel coordinates.
    const fy = Math.min(h - 1, Math.max(0, (y - 0.5) / 2));
    const y0 = Math.floor(fy);
    const y1 = Math.min(h - 1, y0 + 1);
    const ty = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(w - 1, Math.max(0, (x - 0.5) / 2));
      const x0 = Math.floor(fx);
      const x1 = Math.min(w - 1, x0 + 1);
      const tx = fx - x0;
      const top = closed[y0 * w + x0]! + (closed[y0 * w + x1]! - closed[y0 * w + x0]!) * tx;
      const bottom = closed[y1 * w + x0]! + (closed[y1 * w + x1]! - closed[y1 * w + x0]!) * tx;
      out[y * width + x] = top + (bottom - top) * ty;
    }
  }
  return out;
}
