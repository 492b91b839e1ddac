// Ideal (pre-hand-noise) outlines of each class as closed polygons in local units of roughly [-1, 1].
import type { Rng } from '../../engine/data/random';
import type { Difficulty, ShapeClass } from './layout';

export interface Point {
  x: number;
  y: number;
}

export function idealOutline(cls: ShapeClass, difficulty: Difficulty, rng: Rng): Point[] {
  const hard = difficulty === 'hard';
  switch (cls) {
    case 'circle':
      return ellipse(hard, rng);
    case 'rectangle':
      return quadrilateral(hard, rng);
    case 'triangle':
      return hard ? irregularTriangle(rng) : uprightTriangle(rng);
  }
}

const jitter = (p: Point, amount: number, rng: Rng): Point => ({
  x: p.x + rng.range(-amount, amount),
  y: p.y + rng.range(-amount, amount),
});

/** Near-round for normal splits; hard ones are flatter and lopsided (low harmonics of the radius). */
function ellipse(hard: boolean, rng: Rng): Point[] {
  const aspect = hard ? rng.range(0.62, 0.85) : rng.range(0.86, 1);
  const lop = hard ? 0.07 : 0.035;
  const harmonics = [2, 3].map((k) => ({ k, a: rng.range(-lop, lop), phase: rng.range(0, 2 * Math.PI) }));
  const steps = 96;
  return Array.from({ length: steps }, (_, i) => {
    const t = (2 * Math.PI * i) / steps;
    const r = harmonics.reduce((acc, h) => acc + h.a * Math.cos(h.k * t + h.phase), 1);
    return { x: r * Math.cos(t), y: aspect * r * Math.sin(t) };
  });
}

/** Squares and oblongs in either orientation; hard ones become slight trapezoids with uneven corners. */
function quadrilateral(hard: boolean, rng: Rng): Point[] {
  const aspect = hard ? rng.range(0.45, 1) : rng.next() < 0.5 ? rng.range(0.78, 1) : rng.range(0.42, 0.78);
  const taper = hard ? rng.range(0.8, 0.92) : rng.range(0.94, 1);
  const corner = hard ? 0.05 : 0.03;
  const corners = [
    { x: -taper, y: -aspect },
    { x: taper, y: -aspect },
    { x: 1, y: aspect },
    { x: -1, y: aspect },
  ].map((p) => jitter(p, corner, rng));
  return rng.next() < 0.5 ? corners : corners.map((p) => ({ x: p.y, y: p.x }));
}

/** The way most people draw one: flat base, apex anywhere from left-leaning to right-angled. */
function uprightTriangle(rng: Rng): Point[] {
  const apex = rng.range(-0.85, 0.85);
  const height = rng.range(0.75, 1.15);
  return [
    { x: apex, y: -height },
    { x: 1, y: height },
    { x: -1, y: height },
  ].map((p) => jitter(p, 0.04, rng));
}

/** Any orientation and proportions, but every angle at least 30 degrees so it stays a clear triangle. */
function irregularTriangle(rng: Rng): Point[] {
  const minArc = (60 * Math.PI) / 180;
  const weights = [rng.next() + 0.05, rng.next() + 0.05, rng.next() + 0.05];
  const sum = weights.reduce((a, b) => a + b, 0);
  let angle = rng.range(0, 2 * Math.PI);
  return weights.map((w) => {
    const p = { x: Math.cos(angle), y: Math.sin(angle) };
    angle += minArc + ((2 * Math.PI - 3 * minArc) * w) / sum;
    return p;
  });
}
