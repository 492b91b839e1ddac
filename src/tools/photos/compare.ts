// How alike two drawings are as the model sees them: each cropped to its ink, centred on a square, 24x24.
import { toModelInput, type RgbaImage } from '../../engine/data/pixels';

/** Darkness a pixel needs to count as ink when finding the drawing's extent. */
const INK = 0.25;

/**
 * The drawing cropped to its ink's bounding box, padded to a centred square with a 10% margin
 * (what fit-to-frame will do), through toModelInput at 24x24: darkness (1 - value) per pixel.
 */
export function alignedInput(image: RgbaImage, size = 24): Float32Array {
  const { width, height, data } = image;
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (darkness(data, (y * width + x) * 4) < INK) continue;
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  }
  if (x1 < 0) return new Float32Array(size * size);
  const side = Math.ceil(Math.max(x1 - x0 + 1, y1 - y0 + 1) * 1.2);
  const ox = Math.floor((x0 + x1 + 1 - side) / 2);
  const oy = Math.floor((y0 + y1 + 1 - side) / 2);
  const square = new Uint8Array(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const [sx, sy] = [ox + x, oy + y];
      if (sx < 0 || sy < 0 || sx >= width || sy >= height) continue;
      square.set(data.subarray((sy * width + sx) * 4, (sy * width + sx) * 4 + 4), (y * side + x) * 4);
    }
  }
  const input = toModelInput({ width: side, height: side, data: square }, [size, size], 'area');
  return Float32Array.from({ length: size * size }, (_, p) => 1 - input[p * 3]!);
}

/**
 * A [1 2 1]² blur of a size×size map: a pixel's shift of a thin stroke at 24x24 (which the model's
 * convolutions shrug off) must not read as a different drawing.
 */
export function soften(map: Float32Array, size = 24): Float32Array {
  const at = (x: number, y: number) =>
    map[Math.min(size - 1, Math.max(0, y)) * size + Math.min(size - 1, Math.max(0, x))]!;
  return Float32Array.from({ length: size * size }, (_, p) => {
    const [x, y] = [p % size, Math.floor(p / size)];
    let sum = 0;
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) sum += at(x + dx, y + dy) * (2 - Math.abs(dx)) * (2 - Math.abs(dy));
    return sum / 16;
  });
}

function darkness(data: RgbaImage['data'], i: number): number {
  const a = data[i + 3]! / 255;
  return (a * (255 - (0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!))) / 255;
}

/** Pearson correlation of two equally long vectors; 0 when either is constant. */
export function correlation(a: Float32Array, b: Float32Array): number {
  const n = a.length;
  let [ma, mb] = [0, 0];
  for (let i = 0; i < n; i++) [ma, mb] = [ma + a[i]! / n, mb + b[i]! / n];
  let [ab, aa, bb] = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const [da, db] = [a[i]! - ma, b[i]! - mb];
    [ab, aa, bb] = [ab + da * db, aa + da * da, bb + db * db];
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

/** Intersection over union of the two ink masks (darkness ≥ 0.25) of aligned 24x24 inputs. */
export function iou(a: Float32Array, b: Float32Array): number {
  let [both, either] = [0, 0];
  for (let i = 0; i < a.length; i++) {
    const [ia, ib] = [a[i]! >= INK, b[i]! >= INK];
    both += ia && ib ? 1 : 0;
    either += ia || ib ? 1 : 0;
  }
  return either ? both / either : 1;
}
