import type { ProblemCode } from '../../shared/problem-messages';
import { DataError } from './errors';
import type { RgbaImage } from './pixels';
import { downscale } from './photo/downscale';
import { findInk, thresholds, type NoInk } from './photo/ink';
import { findPaper } from './photo/paper';

export interface CleanOptions {
  /** Long side, in pixels, of the copy the photo is analysed and redrawn at (default 512). */
  workSize?: number;
}

/**
 * Why a photo gave no drawing: `not-paper` when no sheet of paper fills a good part of it (a room,
 * a face, noise), `blank` when the sheet holds no mark that could be a drawing, `cluttered` when
 * it holds much else besides the likeliest drawing (several drawings, writing, squared paper).
 */
export type CleanRefusal = 'not-paper' | NoInk;

export type CleanResult =
  | {
      ok: true;
      /** The drawing, black (anti-aliased) on pure white, cropped loosely to its ink. */
      image: RgbaImage;
      /** Where the crop lies in the input photo, in its pixels. */
      box: { x: number; y: number; width: number; height: number };
    }
  | { ok: false; reason: CleanRefusal };

/** The sheet must cover this share of the photo: a drawing photographed to be read fills the frame. */
const MIN_PAPER = 0.2;
/**
 * Paper is near grey under the phone's white balance (cream paper and warm light stay well within
 * this); a painted wall or a face is not. And flattened paper is smooth: its grain stays within a few
 * percent, where a textured surface or noise varies far more.
 */
const MAX_TINT = 0.2;
const MAX_GRAIN = 0.05;
/** Margin around the ink, as a share of the drawing's long side. */
const MARGIN = 0.06;

/**
 * A phone photo of a drawing on paper → the drawing alone, as if scanned: paper, lighting and table
 * removed, ink kept (any colour), cropped to the ink. Pure arithmetic on the pixels, so the browser
 * and Node give the same result for the same decoded photo.
 */
export function cleanPhoto(image: RgbaImage, { workSize = 512 }: CleanOptions = {}): CleanResult {
  const planes = downscale(image, workSize);
  const { width, height, factor } = planes;
  // The closing square must be wider than any stroke, and narrower than shadows and fingers.
  const radius = Math.max(3, Math.round(Math.max(width, height) / 40));
  const paper = findPaper(planes, radius);
  if (paper.area < MIN_PAPER * width * height || paper.tint > MAX_TINT) return { ok: false, reason: 'not-paper' };
  const levels = thresholds(paper);
  if (levels.grain > MAX_GRAIN) return { ok: false, reason: 'not-paper' };
  const ink = findInk(paper, width, height, radius, levels);
  if (typeof ink === 'string') return { ok: false, reason: ink };

  const margin = Math.max(2, Math.round(MARGIN * Math.max(ink.x1 - ink.x0, ink.y1 - ink.y0)));
  const x0 = Math.max(0, ink.x0 - margin);
  const y0 = Math.max(0, ink.y0 - margin);
  const x1 = Math.min(width - 1, ink.x1 + margin);
  const y1 = Math.min(height - 1, ink.y1 + margin);
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const data = new Uint8Array(w * h * 4).fill(255);
  // Darkness from half the weak threshold (the fringe) to the strokes' core level spans white to black.
  const floor = levels.weak / 2;
  const span = Math.max(1e-3, ink.level - floor);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = (y0 + y) * width + x0 + x;
      if (!ink.keep[p]) continue;
      const value = Math.round(255 * (1 - Math.min(1, Math.max(0, (paper.dark[p]! - floor) / span))));
      const i = (y * w + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = value;
    }
  }
  const box = {
    x: x0 * factor,
    y: y0 * factor,
    width: Math.min(image.width, (x1 + 1) * factor) - x0 * factor,
    height: Math.min(image.height, (y1 + 1) * factor) - y0 * factor,
  };
  return { ok: true, image: { width: w, height: h, data }, box };
}

const REFUSED: Record<CleanRefusal, ProblemCode> = {
  'not-paper': 'photoNotPaper',
  blank: 'photoBlank',
  cluttered: 'photoCluttered',
};

/** The drawing in a photo of paper (cleanPhoto), or a DataError naming `file` and why there is none. */
export function drawingInPhoto(image: RgbaImage, file: string): RgbaImage {
  const cleaned = cleanPhoto(image);
  if (!cleaned.ok) throw new DataError(file, REFUSED[cleaned.reason]);
  return cleaned.image;
}
