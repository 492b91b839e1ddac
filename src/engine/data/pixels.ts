/** Decoded pixels, always 8-bit RGBA, straight (not premultiplied) alpha. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/**
 * `nearest` is Keras's `flow_from_directory` default; `area` averages every source pixel a target
 * pixel covers, so thin strokes of a large drawing survive the shrink to 24x24.
 */
export type Interpolation = 'nearest' | 'area';

/**
 * RGBA → the model's input: composited onto white (a transparent background must stay white, not
 * turn black as PIL's RGB conversion would make it), resized, scaled by 1/255, HWC float32.
 * Pure arithmetic on bytes, so Node and browser decoders that agree on RGBA give the same tensor.
 */
export function toModelInput(
  image: RgbaImage,
  [height, width]: readonly [number, number],
  interpolation: Interpolation = 'area',
): Float32Array {
  // An opaque grey image (every drawing the pipeline makes) is resized once, not per channel: the
  // same arithmetic on identical channels gives the same floats, in a third of the time.
  const grey = isOpaqueGrey(image);
  const channels = grey ? 1 : 3;
  const pixels = grey ? greyChannel(image) : compositeOnWhite(image);
  const resized =
    image.width === width && image.height === height
      ? pixels
      : interpolation === 'nearest'
        ? resizeNearest(pixels, image.width, image.height, width, height, channels)
        : resizeArea(pixels, image.width, image.height, width, height, channels);
  const out = grey ? new Float32Array(resized.length * 3) : resized;
  for (let i = 0; i < out.length; i++) out[i] = resized[grey ? (i / 3) | 0 : i]! / 255;
  return out;
}

function isOpaqueGrey({ data }: RgbaImage): boolean {
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] !== 255 || data[i] !== data[i + 1] || data[i] !== data[i + 2]) return false;
  }
  return true;
}

function greyChannel({ width, height, data }: RgbaImage): Float32Array {
  const out = new Float32Array(width * height);
  for (let p = 0; p < out.length; p++) out[p] = data[p * 4]!;
  return out;
}

function compositeOnWhite({ width, height, data }: RgbaImage): Float32Array {
  const out = new Float32Array(width * height * 3);
  for (let p = 0; p < width * height; p++) {
    const alpha = data[p * 4 + 3]! / 255;
    for (let c = 0; c < 3; c++) out[p * 3 + c] = data[p * 4 + c]! * alpha + 255 * (1 - alpha);
  }
  return out;
}

function resizeNearest(src: Float32Array, sw: number, sh: number, dw: number, dh: number, ch: number): Float32Array {
  const out = new Float32Array(dw * dh * ch);
  for (let y = 0; y < dh; y++) {
    const sy = Math.min(sh - 1, Math.floor(((y + 0.5) * sh) / dh));
    for (let x = 0; x < dw; x++) {
      const sx = Math.min(sw - 1, Math.floor(((x + 0.5) * sw) / dw));
      for (let c = 0; c < ch; c++) out[(y * dw + x) * ch + c] = src[(sy * sw + sx) * ch + c]!;
    }
  }
  return out;
}

/** For each target index along one axis: the source indices it covers and their weights (sum 1). */
function areaWeights(source: number, target: number): { index: number[]; weight: number[] }[] {
  const scale = source / target;
  return Array.from({ length: target }, (_, t) => {
    const start = t * scale;
    const end = start + scale;
    const index: number[] = [];
    const weight: number[] = [];
    for (let s = Math.floor(start); s < Math.min(source, Math.ceil(end)); s++) {
      const overlap = Math.min(end, s + 1) - Math.max(start, s);
      if (overlap > 0) {
        index.push(s);
        weight.push(overlap / scale);
      }
    }
    return { index, weight };
  });
}

function resizeArea(src: Float32Array, sw: number, sh: number, dw: number, dh: number, ch: number): Float32Array {
  const columns = areaWeights(sw, dw);
  const rows = areaWeights(sh, dh);
  const horizontal = new Float32Array(sh * dw * ch);
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < dw; x++) {
      const { index, weight } = columns[x]!;
      for (let c = 0; c < ch; c++) {
        let sum = 0;
        for (let k = 0; k < index.length; k++) sum += src[(y * sw + index[k]!) * ch + c]! * weight[k]!;
        horizontal[(y * dw + x) * ch + c] = sum;
      }
    }
  }
  const out = new Float32Array(dw * dh * ch);
  for (let y = 0; y < dh; y++) {
    const { index, weight } = rows[y]!;
    for (let x = 0; x < dw; x++) {
      for (let c = 0; c < ch; c++) {
        let sum = 0;
        for (let k = 0; k < index.length; k++) sum += horizontal[(index[k]! * dw + x) * ch + c]! * weight[k]!;
        out[(y * dw + x) * ch + c] = sum;
      }
    }
  }
  return out;
}

/** One image per row, each `pixels` floats long and made by `make`, packed into one NHWC batch. */
export function batchOf(rows: ArrayLike<number>, pixels: number, make: (row: number) => Float32Array): Float32Array {
  const out = new Float32Array(rows.length * pixels);
  for (let i = 0; i < rows.length; i++) out.set(make(rows[i]!), i * pixels);
  return out;
}
