import { components, length } from './components';
import type { Planes } from './downscale';
import { background, erode } from './morphology';

/** The sheet of paper in the analysed image, and how dark each pixel is against it. */
export interface Paper {
  width: number;
  height: number;
  /** 1 on the sheet (its shadows included), 0 on the table, fingers and beyond. */
  mask: Uint8Array;
  /** 1 on the sheet's rim: marks there are the sheet's edge, the table or a finger's outline, not the drawing. */
  rim: Uint8Array;
  /** 1 on the band just inside the rim: a mark running along it lies along the sheet's edge. */
  contact: Uint8Array;
  area: number;
  /** How far the paper's colour is from grey: the largest channel's deviation from the mean, relative. */
  tint: number;
  /** 1 - (pixel / local paper), 0 on clean paper, towards 1 on black ink; not clipped. */
  dark: Float32Array;
}

/** Width of the sheet's rim in analysed pixels: the sheet's edge and a finger's outline blur over a few. */
const RIM = 3;
/** Width of the contact band inside the rim. */
export const CONTACT = 2;
/** How much darker than the brightest paper a shadow on it may be and still count as paper. */
const SHADOW_FLOOR = 0.4;
/** How far a pixel's background chromaticity may stray from the paper's (table wood, skin do). */
const CHROMA_TOLERANCE = 0.1;
/**
 * Relative change of the background that marks the sheet's edge: a grey table is as
 * neutral as paper, but its edge is a step, while a shadow's edge is a gradual slope.
 */
const EDGE_STEP = 0.2;

/**
 * The background is the closing of each channel (ink strokes are narrower than the square): dividing
 * by it flattens shadows, vignetting and colour casts. The paper is the brightest sizeable connected
 * region whose background is bright, has the chromaticity of the brightest background and no step
 * (the sheet's edge), holes filled.
 */
export function findPaper(planes: Planes, radius: number): Paper {
  const { width, height } = planes;
  const n = width * height;
  const channels = [planes.r, planes.g, planes.b];
  const back = channels.map((c) => background(c, width, height, radius));
  const lum = new Float32Array(n);
  for (let p = 0; p < n; p++) lum[p] = (back[0]![p]! + back[1]![p]! + back[2]![p]!) / 3;
  const bright = quantile(lum, 0.9, 256);
  const reference = [0, 0, 0];
  let count = 0;
  for (let p = 0; p < n; p++) {
    if (lum[p]! < 0.95 * bright) continue;
    for (let c = 0; c < 3; c++) reference[c]! += back[c]![p]! / lum[p]!;
    count++;
  }
  const candidate = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    const l = lum[p]!;
    if (l < SHADOW_FLOOR * bright || l <= 0) continue;
    let stray = 0;
    for (let c = 0; c < 3; c++) stray = Math.max(stray, Math.abs(back[c]![p]! / l - reference[c]! / count));
    candidate[p] = stray <= CHROMA_TOLERANCE && step(lum, p, width, height) <= EDGE_STEP ? 1 : 0;
  }
  const mask = fillHoles(brightest(candidate, lum, width, height), width, height);
  let area = 0;
  for (let p = 0; p < n; p++) area += mask[p]!;
  // The photo's border is a rim too: what reaches it runs on beyond the frame.
  const framed = Float32Array.from(mask);
  for (let x = 0; x < width; x++) framed[x] = framed[(height - 1) * width + x] = 0;
  for (let y = 0; y < height; y++) framed[y * width] = framed[y * width + width - 1] = 0;
  const inner = erode(framed, width, height, RIM);
  const core = erode(framed, width, height, RIM + CONTACT);
  const rim = new Uint8Array(n);
  const contact = new Uint8Array(n);
  const ratio = new Float32Array(n);
  for (let p = 0; p < n; p++) {
    rim[p] = mask[p]! && !inner[p] ? 1 : 0;
    contact[p] = inner[p]! && !core[p] ? 1 : 0;
    // The darkest channel against its own background: coloured ink is dark in at least one.
    let s = Infinity;
    for (let c = 0; c < 3; c++) s = Math.min(s, channels[c]![p]! / Math.max(1, back[c]![p]!));
    ratio[p] = s;
  }
  const level = quantile(ratio, 0.5, 1024, mask) || 1;
  const dark = ratio.map((s) => 1 - s / level);
  const tint = Math.max(...reference.map((r) => Math.abs(r / count - 1)));
  return { width, height, mask, rim, contact, area, tint, dark };
}

/**
 * Relative change of the background across p, over 4 pixels each way round (the halved closing
 * spreads the sheet's edge over a few pixels), as a share of the brighter side.
 */
function step(lum: Float32Array, p: number, width: number, height: number): number {
  const x = p % width;
  const y = (p - x) / width;
  const left = lum[y * width + Math.max(0, x - 2)]!;
  const right = lum[y * width + Math.min(width - 1, x + 2)]!;
  const up = lum[Math.max(0, y - 2) * width + x]!;
  const down = lum[Math.min(height - 1, y + 2) * width + x]!;
  return length(right - left, down - up) / Math.max(left, right, up, down);
}

/**
 * Of the regions covering a tenth of the photo or more, the brightest on average (a grey table
 * around the sheet may be larger, it is darker); the largest region when none is that big.
 */
function brightest(mask: Uint8Array, lum: Float32Array, width: number, height: number): Uint8Array {
  const { labels, list } = components(mask, new Uint8Array(mask.length), lum, width, height);
  const out = new Uint8Array(mask.length);
  if (list.length === 0) return out;
  const sizeable = list.filter((c) => c.area >= 0.1 * mask.length);
  const best = sizeable.length
    ? sizeable.reduce((a, c) => (c.mass / c.area > a.mass / a.area ? c : a))
    : list.reduce((a, c) => (c.area > a.area ? c : a));
  for (let p = 0; p < mask.length; p++) out[p] = labels[p] === best.label ? 1 : 0;
  return out;
}

/** Everything not reachable from the image border through unmarked pixels (4-connected) is marked. */
function fillHoles(mask: Uint8Array, width: number, height: number): Uint8Array {
  const outside = new Uint8Array(mask.length);
  const stack: number[] = [];
  const visit = (p: number) => {
    if (!mask[p] && !outside[p]) {
      outside[p] = 1;
      stack.push(p);
    }
  };
  for (let x = 0; x < width; x++) {
    visit(x);
    visit((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    visit(y * width);
    visit(y * width + width - 1);
  }
  while (stack.length) {
    const p = stack.pop()!;
    const x = p % width;
    if (x > 0) visit(p - 1);
    if (x < width - 1) visit(p + 1);
    if (p >= width) visit(p - width);
    if (p < mask.length - width) visit(p + width);
  }
  return outside.map((o) => 1 - o);
}

/** The q-quantile of values in [0, max of values] by a histogram of `bins`, optionally only where `where` is set. */
export function quantile(values: Float32Array, q: number, bins: number, where?: Uint8Array): number {
  let top = 0;
  for (let p = 0; p < values.length; p++) if ((!where || where[p]) && values[p]! > top) top = values[p]!;
  if (top <= 0) return 0;
  const histogram = new Uint32Array(bins);
  let total = 0;
  for (let p = 0; p < values.length; p++) {
    if (where && !where[p]) continue;
    histogram[Math.min(bins - 1, Math.floor((Math.max(0, values[p]!) / top) * bins))]!++;
    total++;
  }
  let seen = 0;
  for (let b = 0; b < bins; b++) {
    seen += histogram[b]!;
    if (seen >= q * total) return ((b + 0.5) / bins) * top;
  }
  return top;
}
