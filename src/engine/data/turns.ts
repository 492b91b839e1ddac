// Prediction over a drawing's quarter turns: a model trained on drawings at every angle still
// leans one way or another on some; averaging over four turns of the same drawing evens that out
// (README, "Drawings by other people": 1–2 points on unseen people, 1–3 on non-shapes rejected).

/** Views per image. */
export const TURNS = 4;

/** Each square NHWC image followed by itself turned 90°, 180° and 270° clockwise. */
export function withTurns(images: Float32Array, side: number, channels = 3): Float32Array {
  const floats = side * side * channels;
  const n = images.length / floats;
  if (!Number.isInteger(n))
    throw new RangeError(`withTurns: ${images.length} floats are not whole ${side}×${side} images`);
  const out = new Float32Array(images.length * TURNS);
  for (let i = 0; i < n; i++) {
    const from = i * floats;
    out.set(images.subarray(from, from + floats), i * TURNS * floats);
    for (let turn = 1; turn < TURNS; turn++) {
      const src = (i * TURNS + turn - 1) * floats;
      const dst = src + floats;
      // One more clockwise quarter turn of the previous view: out(y, x) = in(side - 1 - x, y).
      for (let y = 0; y < side; y++)
        for (let x = 0; x < side; x++) {
          const o = dst + (y * side + x) * channels;
          const p = src + ((side - 1 - x) * side + y) * channels;
          for (let c = 0; c < channels; c++) out[o + c] = out[p + c]!;
        }
    }
  }
  return out;
}

/** The mean probability row of each image's TURNS consecutive rows. */
export function meanOverTurns(probabilities: Float32Array, classes: number): Float32Array {
  const out = new Float32Array(probabilities.length / TURNS);
  for (let i = 0; i < out.length; i++) {
    const [image, k] = [(i / classes) | 0, i % classes];
    let sum = 0;
    for (let turn = 0; turn < TURNS; turn++) sum += probabilities[(image * TURNS + turn) * classes + k]!;
    out[i] = sum / TURNS;
  }
  return out;
}

/** Probabilities of n images (NHWC, `size` square) from a model run on each one's turns, averaged; `turns: false` runs it once. */
export async function predictTurned(
  run: (images: Float32Array, n: number) => Float32Array | Promise<Float32Array>,
  images: Float32Array,
  n: number,
  [side, width]: readonly [number, number],
  turns: boolean,
): Promise<Float32Array> {
  if (!turns || n === 0) return run(images, n);
  if (side !== width) throw new RangeError(`only a square input can be turned, not ${side}×${width}`);
  const probabilities = await run(withTurns(images, side, images.length / (n * side * side)), n * TURNS);
  return meanOverTurns(probabilities, probabilities.length / (n * TURNS));
}
