import { components, type Component } from './components';
import { dilate, erode } from './morphology';
import { CONTACT, quantile, type Paper } from './paper';

export interface Thresholds {
  /** Darkness that starts a stroke (hysteresis: strong seeds, weak continuations). */
  strong: number;
  weak: number;
}

export interface Ink {
  /** Pixels of the chosen marks, with a one-pixel fringe for anti-aliasing. */
  keep: Uint8Array;
  /** Bounding box of the chosen marks, inclusive, in analysed pixels. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Darkness of the strokes' cores, drawn as full black. */
  level: number;
}

/** No mark that could be a drawing, or so much else besides it that the drawing is a guess. */
export type NoInk = 'blank' | 'cluttered';

/**
 * A mark with this share of its pixels next to the rim, or running along it for this share of the
 * sheet's diagonal, lies along the sheet's edge rather than crossing it (as a stroke under a finger does).
 */
const RIM_SHARE = 0.1;
const RIM_RUN = 0.1;
/** Share of a mark's pixels deep inside it (a third of the closing's radius) that makes it thick. */
const THICK_CORE = 0.3;
/** The drawing's long side must reach this share of the sheet's diagonal: smaller is a speck or a dot. */
const MIN_SIZE = 0.03;
/** A line across this share of the sheet's width or height is printed ruling, if there are a few. */
const RULED = 0.6;
/** Ink in other marks, as a share of the drawing's, that makes the page too busy to tell (ruled lines, writing). */
const CLUTTER = 0.5;

/** Above the paper's own grain: seeds at 8 noise deviations, continuations at 4, with floors. */
export function thresholds(paper: Paper): Thresholds {
  const spread = new Float32Array(paper.dark.length);
  for (let p = 0; p < spread.length; p++) spread[p] = Math.abs(paper.dark[p]!);
  const sigma = 1.4826 * quantile(spread, 0.5, 4096, paper.mask);
  return { strong: Math.max(0.22, 8 * sigma), weak: Math.max(0.08, 4 * sigma) };
}

/**
 * The drawing: the heaviest mark near the sheet's centre, then every mark close to the group
 * (dashes, strokes that do not quite meet, a face's eyes) drawn with a similar pen. Marks lying
 * along the rim (the sheet's edge, its shadow, a finger's outline), too faint to hold a seed,
 * spanning the whole sheet (its border) or a fingertip are not the drawing; a stroke merely
 * crossing the rim (a finger on it) is. `radius` is the background closing's.
 */
export function findInk(paper: Paper, width: number, height: number, radius: number, { strong, weak }: Thresholds): Ink | NoInk {
  const { mask, rim, contact, dark } = paper;
  const marked = new Uint8Array(mask.length);
  for (let p = 0; p < mask.length; p++) marked[p] = mask[p] && !rim[p] && dark[p]! >= weak ? 1 : 0;
  const { labels, list } = components(marked, contact, dark, width, height);
  const sheet = extent(mask, width);
  const [sheetW, sheetH] = [sheet.x1 - sheet.x0, sheet.y1 - sheet.y0];
  const diagonal = Math.hypot(sheetW, sheetH);
  const alongRim = (c: Component) => c.rim >= RIM_SHARE * c.area || c.rim >= RIM_RUN * diagonal * CONTACT;
  const spansSheet = (c: Component) => c.x1 - c.x0 > 0.9 * sheetW && c.y1 - c.y0 > 0.9 * sheetH;
  // A fingertip the closing filled in is thick (much of it survives an erosion) and reaches the rim
  // where the finger comes in. A stroke, however broad, is thinner; a thick mark away from the rim
  // is a drawing (a small shape drawn with a marker).
  const cores = new Uint32Array(list.length + 1);
  const eroded = erode(Float32Array.from(marked), width, height, Math.max(2, Math.round(radius / 3)));
  for (let p = 0; p < mask.length; p++) if (eroded[p]) cores[labels[p]!]!++;
  const fingertip = (c: Component) => c.rim > 0 && cores[c.label]! > THICK_CORE * c.area;
  const seeds = list.filter((c) => c.peak >= strong && !alongRim(c) && !spansSheet(c) && !fingertip(c));
  // Ruled or squared paper: several lines running across most of the sheet.
  const long = (c: Component) => c.x1 - c.x0 > RULED * sheetW || c.y1 - c.y0 > RULED * sheetH;
  if (list.filter((c) => c.peak >= strong && !alongRim(c) && long(c)).length >= 3) return 'cluttered';
  if (seeds.length === 0) return 'blank';
  const heaviest = Math.max(...seeds.map((c) => c.mass));
  // Specks: dust, paper fibres, JPEG blocks; dashes of a dashed outline weigh more than this.
  const marks = seeds.filter((c) => c.mass >= Math.max(2, 0.02 * heaviest));
  const [cx, cy] = [(sheet.x0 + sheet.x1) / 2, (sheet.y0 + sheet.y1) / 2];
  const score = (c: Component) => c.mass / (1 + (2 * Math.hypot((c.x0 + c.x1) / 2 - cx, (c.y0 + c.y1) / 2 - cy)) / diagonal);
  const main = marks.reduce((a, c) => (score(c) > score(a) ? c : a));
  // Parts of one drawing share its pen: much fainter marks nearby are table grain or smudges.
  const pen = marks.filter((c) => c.peak >= 0.5 * main.peak);
  const group = [main];
  const box = { x0: group[0]!.x0, y0: group[0]!.y0, x1: group[0]!.x1, y1: group[0]!.y1 };
  for (let grew = true; grew; ) {
    grew = false;
    // Within half the drawing's size, or a twelfth of the sheet's diagonal for small parts: the
    // parts of a drawing (a face's eyes) can lie as far apart as they are large.
    const reach = 2 + Math.max(0.5 * Math.max(box.x1 - box.x0, box.y1 - box.y0), 0.08 * diagonal);
    for (const c of pen) {
      if (group.includes(c)) continue;
      const gap = Math.max(c.x0 - box.x1, box.x0 - c.x1, c.y0 - box.y1, box.y0 - c.y1);
      if (gap > reach) continue;
      group.push(c);
      Object.assign(box, { x0: Math.min(box.x0, c.x0), y0: Math.min(box.y0, c.y0), x1: Math.max(box.x1, c.x1), y1: Math.max(box.y1, c.y1) });
      grew = true;
    }
  }
  if (Math.max(box.x1 - box.x0, box.y1 - box.y0) < MIN_SIZE * diagonal) return 'blank';
  const stray = pen.reduce((sum, c) => sum + (group.includes(c) ? 0 : c.mass), 0);
  if (stray > CLUTTER * group.reduce((sum, c) => sum + c.mass, 0)) return 'cluttered';
  const chosen = new Uint8Array(list.length + 1);
  for (const c of group) chosen[c.label] = 1;
  const core = new Float32Array(mask.length);
  for (let p = 0; p < mask.length; p++) core[p] = chosen[labels[p]!]! ? 1 : 0;
  const level = quantile(dark, 0.75, 1024, Uint8Array.from(core));
  const fringe = dilate(core, width, height, 1);
  const keep = new Uint8Array(mask.length);
  for (let p = 0; p < mask.length; p++) keep[p] = fringe[p]! && mask[p] ? 1 : 0;
  return { keep, ...box, level };
}

function extent(mask: Uint8Array, width: number): { x0: number; y0: number; x1: number; y1: number } {
  const box = { x0: width, y0: Infinity, x1: -1, y1: -1 };
  for (let p = 0; p < mask.length; p++) {
    if (!mask[p]) continue;
    const x = p % width;
    const y = (p - x) / width;
    box.x0 = Math.min(box.x0, x);
    box.x1 = Math.max(box.x1, x);
    box.y0 = Math.min(box.y0, y);
    box.y1 = Math.max(box.y1, y);
  }
  return box;
}
