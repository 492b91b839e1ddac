// Turns an ideal closed outline into one hand-drawn pen stroke: wander, tremor, pressure and an imperfect closure.
import type { Rng } from '../../engine/data/random';
import type { Point } from './outline';
import type { Stroke } from './raster';
import type { Hand } from './style';

/** Distance between stroke samples in output pixels; short enough that capsules chain smoothly. */
const STEP = 0.2;
/** Length in pixels over which the pen lands and lifts (thinner, lighter ends). */
const TAPER = 1.2;

export function handDraw(outline: Point[], hand: Hand, rng: Rng): Stroke {
  const loop = roundCorners(resampleClosed(outline, STEP), 2);
  const n = loop.length;
  const total = Math.max(2, Math.round(n * (1 + hand.closure)));
  const start = rng.int(n);
  // Slow wander: a few non-integer frequencies per loop, so the returning pen misses its starting point.
  const waves = [0, 1, 2].map(() => {
    const dir = rng.range(0, 2 * Math.PI);
    return { f: rng.range(0.5, 2.5), phase: rng.range(0, 2 * Math.PI), dx: Math.cos(dir), dy: Math.sin(dir) };
  });
  const tremor = { f: rng.range(9, 15), phase: rng.range(0, 2 * Math.PI) };
  const driftDir = rng.range(0, 2 * Math.PI);
  const press = { f: rng.range(0.5, 2), phase: rng.range(0, 2 * Math.PI) };

  const points: Point[] = [];
  const radii: number[] = [];
  const darkness: number[] = [];
  for (let i = 0; i < total; i++) {
    const u = i / n;
    const base = loop[(start + i) % n] as Point;
    let ox = hand.drift * Math.cos(driftDir) * (i / total);
    let oy = hand.drift * Math.sin(driftDir) * (i / total);
    for (const w of waves) {
      const s = (hand.wobble / Math.sqrt(waves.length)) * Math.sin(2 * Math.PI * w.f * u + w.phase);
      ox += w.dx * s;
      oy += w.dy * s;
    }
    const shake = 0.08 * Math.sin(2 * Math.PI * tremor.f * u + tremor.phase);
    points.push({ x: base.x + ox + shake, y: base.y + oy - shake });

    const pressure = 1 + hand.pressure * Math.sin(2 * Math.PI * press.f * u + press.phase);
    const ends = Math.min(1, (0.5 * Math.min(i, total - 1 - i) * STEP) / TAPER + 0.5);
    radii.push((hand.lineWidth / 2) * pressure * ends);
    darkness.push(Math.min(1, (0.85 + 0.15 * pressure) * ends));
  }
  return { points, radii, darkness };
}

/** Points spaced `step` apart along the closed polygon (first point not repeated at the end). */
function resampleClosed(poly: Point[], step: number): Point[] {
  const out: Point[] = [];
  let carry = 0;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i] as Point;
    const b = poly[(i + 1) % poly.length] as Point;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    let d = carry;
    for (; d < len; d += step) {
      out.push({ x: a.x + ((b.x - a.x) * d) / len, y: a.y + ((b.y - a.y) * d) / len });
    }
    carry = d - len;
  }
  return out;
}

/** Circular moving average: a hand turns a corner in a tiny curve rather than a perfect point. */
function roundCorners(loop: Point[], radius: number): Point[] {
  const n = loop.length;
  return loop.map((_, i) => {
    let x = 0;
    let y = 0;
    for (let k = -radius; k <= radius; k++) {
      const p = loop[(i + k + n) % n] as Point;
      x += p.x;
      y += p.y;
    }
    return { x: x / (2 * radius + 1), y: y / (2 * radius + 1) };
  });
}
