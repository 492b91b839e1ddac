import { components, type Component } from './components';
import { dilate } from './morphology';
import { quantile, RIM, type Paper } from './paper';

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
  /** Marks left out: specks, marks on the sheet's rim, other drawings. */
  others: number;
}

/**
 * A mark with this share of its pixels on the rim, or running along the rim for this share of the
 * sheet's diagonal, lies along the sheet's edge rather than crossing it (as a stroke under a finger does).
 */
const RIM_SHARE = 0.25;
const RIM_RUN = 0.04;

/** Above the paper's own grain: seeds at 8 noise deviations, continuations at 4, with floors. */
export function thresholds(paper: Paper): Thresholds {
  const spread = new Float32Array(paper.dark.length);
  for (let p = 0; p < spread.length; p++) spread[p] = Math.abs(paper.dark[p]!);
  const sigma = 1.4826 * quantile(spread, 0.5, 4096, paper.mask);
  return { strong: Math.max(0.22, 8 * sigma), weak: Math.max(0.08, 4 * sigma) };
}

/**
 * The drawing: the heaviest mark near the sheet's centre, then every mark close to the group
 * (dashes, strokes that do not quite meet, a face's eyes). Marks lying along the rim (the sheet's
 * edge, its shadow, a finger's outline), too faint to hold a seed, or spanning the whole sheet
 * (its border) are not the drawing; a stroke merely crossing the rim (a finger on it) is.
 */
export function findInk(paper: Paper, width: number, height: number, { strong, weak }: Thresholds): Ink | undefined {
  const { mask, rim, dark } = paper;
  const marked = new Uint8Array(mask.length);
  for (let p = 0; p < mask.length; p++) marked[p] = mask[p] && dark[p]! >= weak ? 1 : 0;
  const { labels, list } = components(marked, rim, dark, width, height);
  const sheet = extent(mask, width);
  const [sheetW, sheetH] = [sheet.x1 - sheet.x0, sheet.y1 - sheet.y0];
  const diagonal = Math.hypot(sheetW, sheetH);
  const alongRim = (c: Component) => c.rim >= RIM_SHARE * c.area || c.rim >= RIM_RUN * diagonal * RIM;
  const spansSheet = (c: Component) => c.x1 - c.x0 > 0.9 * sheetW && c.y1 - c.y0 > 0.9 * sheetH;
  const seeds = list.filter((c) => c.peak >= strong && !alongRim(c) && !spansSheet(c));
  if (seeds.length === 0) return undefined;
  const heaviest = Math.max(...seeds.map((c) => c.mass));
  // Specks: dust, paper fibres, JPEG blocks; dashes of a dashed outline weigh more than this.
  const marks = seeds.filter((c) => c.mass >= Math.max(2, 0.02 * heaviest));
  const [cx, cy] = [(sheet.x0 + sheet.x1) / 2, (sheet.y0 + sheet.y1) / 2];
  const score = (c: Component) => c.mass / (1 + (2 * Math.hypot((c.x0 + c.x1) / 2 - cx, (c.y0 + c.y1) / 2 - cy)) / diagonal);
  const group = [marks.reduce((a, c) => (score(c) > score(a) ? c : a))];
  const box = { x0: group[0]!.x0, y0: group[0]!.y0, x1: group[0]!.x1, y1: group[0]!.y1 };
  for (let grew = true; grew; ) {
    grew = false;
    // Within a third of the drawing's size, or a twentieth of the sheet's diagonal for small parts.
    const reach = 2 + Math.max(0.3 * Math.max(box.x1 - box.x0, box.y1 - box.y0), 0.05 * diagonal);
    for (const c of marks) {
      if (group.includes(c)) continue;
      const gap = Math.max(c.x0 - box.x1, box.x0 - c.x1, c.y0 - box.y1, box.y0 - c.y1);
      if (gap > reach) continue;
      group.push(c);
      Object.assign(box, { x0: Math.min(box.x0, c.x0), y0: Math.min(box.y0, c.y0), x1: Math.max(box.x1, c.x1), y1: Math.max(box.y1, c.y1) });
      grew = true;
    }
  }
  const chosen = new Uint8Array(list.length + 1);
  for (const c of group) chosen[c.label] = 1;
  const core = new Float32Array(mask.length);
  for (let p = 0; p < mask.length; p++) core[p] = chosen[labels[p]!]! ? 1 : 0;
  const level = quantile(dark, 0.75, 1024, Uint8Array.from(core));
  const fringe = dilate(core, width, height, 1);
  const keep = new Uint8Array(mask.length);
  for (let p = 0; p < mask.length; p++) keep[p] = fringe[p]! && mask[p] ? 1 : 0;
  return { keep, ...box, level, others: list.length - group.length };
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
