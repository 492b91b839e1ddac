import { components, length, type Component } from './components';
import { dilate, erode } from './morphology';
import { CONTACT, quantile, type Paper } from './paper';

export interface Thresholds {
  /** The flattened paper's grain: its darkness's robust standard deviation. */
  grain: number;
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
/** Share of a mark's pixels deep inside it (a third of the closing's radius) that makes it thick, and of its box that makes it compact. */
const THICK_CORE = 0.3;
const COMPACT = 0.4;
/** A fingertip's extent, at most, as a share of the photo's long side. */
const FINGERTIP = 0.15;
/** The drawing's long side must reach this share of the sheet's diagonal: smaller is a speck or a dot. */
const MIN_SIZE = 0.03;
/** A line across this share of the sheet's width or height is printed ruling, if there are a few; this many enclosed cells are a printed grid. */
const RULED = 0.6;
const GRID = 40;
/** Ink in other marks, as a share of the drawing's, that makes the page too busy to tell (several drawings, writing). */
const CLUTTER = 0.5;

/** Above the paper's own grain: seeds at 8 noise deviations, continuations at 4, with floors. */
export function thresholds(paper: Paper): Thresholds {
  const spread = new Float32Array(paper.dark.length);
  for (let p = 0; p < spread.length; p++) spread[p] = Math.abs(paper.dark[p]!);
  const sigma = 1.4826 * quantile(spread, 0.5, 4096, paper.mask);
  return { grain: sigma, strong: Math.max(0.22, 8 * sigma), weak: Math.max(0.08, 4 * sigma) };
}

type Box = { x0: number; y0: number; x1: number; y1: number };

/**
 * The drawing: the heaviest mark near the sheet's centre, then every mark close to the group
 * (dashes, strokes that do not quite meet, a face's eyes) drawn with a similar pen. `radius` is the
 * background closing's.
 */
export function findInk(
  paper: Paper,
  width: number,
  height: number,
  radius: number,
  { strong, weak }: Thresholds,
): Ink | NoInk {
  const { mask, rim, contact, dark } = paper;
  const marked = new Uint8Array(mask.length);
  for (let p = 0; p < mask.length; p++) marked[p] = mask[p] && !rim[p] && dark[p]! >= weak ? 1 : 0;
  const { labels, list } = components(marked, contact, dark, width, height);
  const sheet = extent(mask, width);
  const found = candidates(list, labels, marked, paper, sheet, radius, strong);
  if (typeof found === 'string') return found;
  const heaviest = Math.max(...found.map((c) => c.mass));
  // Specks: dust, paper fibres, JPEG blocks; dashes of a dashed outline weigh more than this.
  const marks = found.filter((c) => c.mass >= Math.max(2, 0.02 * heaviest));
  const diagonal = length(sheet.x1 - sheet.x0, sheet.y1 - sheet.y0);
  const [cx, cy] = [(sheet.x0 + sheet.x1) / 2, (sheet.y0 + sheet.y1) / 2];
  const score = (c: Component) =>
    c.mass / (1 + (2 * length((c.x0 + c.x1) / 2 - cx, (c.y0 + c.y1) / 2 - cy)) / diagonal);
  const main = marks.reduce((a, c) => (score(c) > score(a) ? c : a));
  // Parts of one drawing share its pen: much fainter marks nearby are table grain or smudges.
  const pen = marks.filter((c) => c.peak >= 0.5 * main.peak);
  const { group, box } = gather(main, pen, diagonal);
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

/**
 * Marks that could be part of a drawing. Not: too faint to hold a seed; lying along the rim (the
 * sheet's edge, its shadow, a finger's outline), though a stroke merely crossing it (under a finger)
 * is kept; spanning the whole sheet (its border); a fingertip. Ruled paper is cluttered.
 */
function candidates(
  list: Component[],
  labels: Int32Array,
  marked: Uint8Array,
  paper: Paper,
  sheet: Box,
  radius: number,
  strong: number,
): Component[] | NoInk {
  const [width, height] = [paper.width, paper.height];
  const [sheetW, sheetH] = [sheet.x1 - sheet.x0, sheet.y1 - sheet.y0];
  const diagonal = length(sheetW, sheetH);
  const alongRim = (c: Component) => c.rim >= RIM_SHARE * c.area || c.rim >= RIM_RUN * diagonal * CONTACT;
  const seeded = list.filter((c) => c.peak >= strong && !alongRim(c));
  // Ruled paper: several lines across most of the sheet; squared paper: one grid over all of it.
  const long = (c: Component) => c.x1 - c.x0 > RULED * sheetW || c.y1 - c.y0 > RULED * sheetH;
  const spansSheet = (c: Component) => c.x1 - c.x0 > 0.9 * sheetW && c.y1 - c.y0 > 0.9 * sheetH;
  if (seeded.filter(long).length >= 3 || cells(marked, paper.rim, width, height) >= GRID) return 'cluttered';
  // A fingertip the closing filled in is small, thick (much of it survives an erosion), compact
  // (fills much of its box) and reaches the rim where the finger comes in. A drawing, however broad its
  // strokes, leaves most of its box empty; a thick mark away from the rim is a drawing too.
  const cores = new Uint32Array(list.length + 1);
  const eroded = erode(Float32Array.from(marked), width, height, Math.max(2, Math.round(radius / 3)));
  for (let p = 0; p < marked.length; p++) if (eroded[p]) cores[labels[p]!]!++;
  const compact = (c: Component) => c.area > COMPACT * (c.x1 - c.x0 + 1) * (c.y1 - c.y0 + 1);
  const small = (c: Component) => Math.max(c.x1 - c.x0, c.y1 - c.y0) < FINGERTIP * Math.max(width, height);
  const fingertip = (c: Component) => c.rim > 0 && small(c) && compact(c) && cores[c.label]! > THICK_CORE * c.area;
  const found = seeded.filter((c) => !spansSheet(c) && !fingertip(c));
  return found.length ? found : 'blank';
}

/** Regions of paper enclosed by marks (a drawn shape has a few, squared paper hundreds). */
function cells(marked: Uint8Array, rim: Uint8Array, width: number, height: number): number {
  const paper = marked.map((m) => 1 - m);
  const { list } = components(paper, rim, new Float32Array(marked.length), width, height);
  return list.filter((c) => c.rim === 0 && c.area >= 4).length;
}

/** Grows the group from `main` by every mark within reach of its box, until none is. */
function gather(main: Component, marks: Component[], diagonal: number): { group: Component[]; box: Box } {
  const group = [main];
  const box = { x0: main.x0, y0: main.y0, x1: main.x1, y1: main.y1 };
  for (let grew = true; grew; ) {
    grew = false;
    // Within half the drawing's size, or a twelfth of the sheet's diagonal for small parts: the
    // parts of a drawing (a face's eyes) can lie as far apart as they are large.
    const reach = 2 + Math.max(0.5 * Math.max(box.x1 - box.x0, box.y1 - box.y0), 0.08 * diagonal);
    for (const c of marks) {
      if (group.includes(c)) continue;
      const gap = Math.max(c.x0 - box.x1, box.x0 - c.x1, c.y0 - box.y1, box.y0 - c.y1);
      if (gap > reach) continue;
      group.push(c);
      Object.assign(box, {
        x0: Math.min(box.x0, c.x0),
        y0: Math.min(box.y0, c.y0),
        x1: Math.max(box.x1, c.x1),
        y1: Math.max(box.y1, c.y1),
      });
      grew = true;
    }
  }
  return { group, box };
}

function extent(mask: Uint8Array, width: number): Box {
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
