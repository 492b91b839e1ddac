/**
 * The page's copy of the worker's input preparation (composite onto white, then area-average down
 * to the model's size), so the preview shows what the model sees. It mirrors
 * src/worker/data/pixels.ts, which the page may not import.
 */

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

/** `image` reduced to `height` × `width` opaque pixels, as the model's input would be. */
export function toModelPreview(image: ImageData, [height, width]: readonly [number, number]): ImageData {
  const columns = areaWeights(image.width, width);
  const rows = areaWeights(image.height, height);
  const out = new ImageData(width, height);
  const src = image.data;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sum = [0, 0, 0];
      for (const [ry, sy] of rows[y]!.index.entries()) {
        for (const [rx, sx] of columns[x]!.index.entries()) {
          const weight = rows[y]!.weight[ry]! * columns[x]!.weight[rx]!;
          const p = (sy * image.width + sx) * 4;
          const alpha = src[p + 3]! / 255;
          for (let c = 0; c < 3; c++) sum[c]! += weight * (src[p + c]! * alpha + 255 * (1 - alpha));
        }
      }
      const q = (y * width + x) * 4;
      out.data.set([sum[0]!, sum[1]!, sum[2]!, 255], q);
    }
  }
  return out;
}
