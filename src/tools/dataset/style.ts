// Per-image drawing style: how big, where and how tilted the shape is, and how the pen and hand behave.
import type { Rng } from '../../engine/data/random';
import { IMAGE_SIZE, type Difficulty, type ShapeClass } from './layout';

export interface Pose {
  /** Longest bounding-box side as a fraction of the frame. */
  sizeFrac: number;
  rotation: number;
  shear: number;
  /** Normal images sit near the centre; hard ones anywhere that still fits. */
  placement: 'near-centre' | 'anywhere';
}

export interface Hand {
  lineWidth: number;
  /** Amplitude in pixels of the slow sideways wander; proportional to size, as hands wander per stroke, not per pixel. */
  wobble: number;
  /** Fraction of the perimeter drawn beyond (+) or short of (-) a full loop. */
  closure: number;
  /** How far in pixels the end of the stroke lands beside its start. */
  drift: number;
  /** Relative variation of width and darkness with pen pressure. */
  pressure: number;
}

export interface Pen {
  ink: [number, number, number];
  /** Darkest coverage the pen reaches: pencils never get fully black. */
  strength: number;
  paper: number;
}

export interface Style {
  pose: Pose;
  hand: Hand;
  pen: Pen;
}

const deg = (d: number): number => (d * Math.PI) / 180;

/** People draw triangles and rectangles roughly upright; only hard images are turned freely. */
const NORMAL_TILT: Record<ShapeClass, number> = { circle: 180, rectangle: 12, triangle: 25 };

export function sampleStyle(cls: ShapeClass, difficulty: Difficulty, rng: Rng): Style {
  return difficulty === 'hard' ? hardStyle(rng) : normalStyle(cls, rng);
}

function normalStyle(cls: ShapeClass, rng: Rng): Style {
  const sizeFrac = rng.range(0.55, 0.85);
  return {
    pose: {
      sizeFrac,
      rotation: deg(rng.range(-NORMAL_TILT[cls], NORMAL_TILT[cls])),
      shear: rng.range(-0.08, 0.08),
      placement: 'near-centre',
    },
    hand: {
      lineWidth: rng.range(0.9, 2),
      wobble: sizeFrac * IMAGE_SIZE * rng.range(0.02, 0.04),
      closure: rng.range(-0.03, 0.1),
      drift: sizeFrac * IMAGE_SIZE * rng.range(0.015, 0.05),
      pressure: rng.range(0.05, 0.2),
    },
    pen: samplePen(rng),
  };
}

function hardStyle(rng: Rng): Style {
  const sizeFrac = rng.range(0.35, 0.55);
  // Thick means thick for its size: a fixed 2.5 px pen would fill the smallest shapes into blobs.
  const thick = Math.min(2.6, sizeFrac * IMAGE_SIZE * rng.range(0.14, 0.19));
  return {
    pose: {
      sizeFrac,
      rotation: rng.range(-Math.PI, Math.PI),
      shear: rng.range(-0.2, 0.2),
      placement: 'anywhere',
    },
    hand: {
      lineWidth: rng.next() < 0.5 ? rng.range(0.45, 0.7) : thick,
      wobble: sizeFrac * IMAGE_SIZE * rng.range(0.025, 0.045),
      // A bigger gap would cut off a whole corner and turn a triangle into a V.
      closure: rng.range(-0.05, 0.14),
      drift: sizeFrac * IMAGE_SIZE * rng.range(0.02, 0.06),
      pressure: rng.range(0.1, 0.3),
    },
    pen: samplePen(rng),
  };
}

/** Graphite grey or a faintly blue/brown ink, always dark on near-white paper. */
function samplePen(rng: Rng): Pen {
  const base = rng.range(15, 60);
  const tint = rng.int(3);
  const shift = rng.range(0, 30);
  const ink: [number, number, number] =
    tint === 0
      ? [base, base, base]
      : tint === 1
        ? [base, base + shift / 3, base + shift]
        : [base + shift, base + shift / 2, base];
  return { ink, strength: rng.range(0.8, 1), paper: rng.range(246, 255) };
}
