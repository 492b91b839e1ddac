/** One 8-connected group of marked pixels, with what choosing the drawing needs to know of it. */
export interface Component {
  label: number;
  area: number;
  /** Sum of ink darkness over its pixels. */
  mass: number;
  peak: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** How many of its pixels lie on the band along the sheet's rim (or the photo's border). */
  rim: number;
}

/**
 * Labels the 8-connected groups of pixels where `mask` is set (labels from 1; 0 is unmarked).
 * `rim` marks the band along the sheet's rim, `dark` gives each pixel's ink darkness.
 */
export function components(
  mask: Uint8Array,
  rim: Uint8Array,
  dark: Float32Array,
  width: number,
  height: number,
): { labels: Int32Array; list: Component[] } {
  const labels = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  const list: Component[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || labels[start]) continue;
    const c: Component = {
      label: list.length + 1,
      area: 0,
      mass: 0,
      peak: 0,
      x0: width,
      y0: height,
      x1: -1,
      y1: -1,
      rim: 0,
    };
    let top = 0;
    stack[top++] = start;
    labels[start] = c.label;
    while (top > 0) {
      const p = stack[--top]!;
      const x = p % width;
      const y = (p - x) / width;
      c.area++;
      c.mass += dark[p]!;
      if (dark[p]! > c.peak) c.peak = dark[p]!;
      c.rim += rim[p]!;
      if (x < c.x0) c.x0 = x;
      if (x > c.x1) c.x1 = x;
      if (y < c.y0) c.y0 = y;
      if (y > c.y1) c.y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const q = ny * width + nx;
          if (nx < 0 || nx >= width || !mask[q] || labels[q]) continue;
          labels[q] = c.label;
          stack[top++] = q;
        }
      }
    }
    list.push(c);
  }
  return { labels, list };
}

/** Euclidean length. sqrt is correctly rounded in every engine, Math.hypot is not: browser and Node must agree. */
export function length(x: number, y: number): number {
  return Math.sqrt(x * x + y * y);
}
