import type { Rng } from '../../engine/data/random';

export type Point = [x: number, y: number];
export type Kind = 'circle' | 'rectangle' | 'triangle';

/**
 * Pointer paths for shapes drawn quickly with a mouse, on purpose unlike the dataset generator:
 * a 240x240 pad, one continuous gesture, straight segments that overshoot at corners, circles that
 * overlap where they close, wherever on the pad the hand lands and at any size.
 */
export function gesture(kind: Kind, rng: Rng): Point[] {
  const size = rng.range(50, 150);
  const cx = rng.range(30 + size / 2, 210 - size / 2);
  const cy = rng.range(30 + size / 2, 210 - size / 2);
  const tilt = rng.range(-0.6, 0.6);
  const rotate = ([x, y]: Point): Point => [
    cx + x * Math.cos(tilt) - y * Math.sin(tilt),
    cy + x * Math.sin(tilt) + y * Math.cos(tilt),
  ];
  const half = size / 2;
  if (kind === 'circle') {
    const squash = rng.range(0.75, 1);
    const turns = rng.range(1.05, 1.25);
    const start = rng.range(0, Math.PI * 2);
    return Array.from({ length: 48 }, (_, i) => {
      const a = start + (i / 47) * turns * Math.PI * 2;
      const r = half * (1 + 0.06 * Math.sin(a * 3 + start));
      return rotate([r * Math.cos(a), r * squash * Math.sin(a)]);
    });
  }
  const corners: Point[] =
    kind === 'rectangle'
      ? [
          [-half, -half * rng.range(0.5, 1)],
          [half, -half * rng.range(0.5, 1)],
          [half, half * rng.range(0.5, 1)],
          [-half, half * rng.range(0.5, 1)],
        ]
      : [
          [rng.range(-half, half), -half],
          [half, half * rng.range(0.6, 1)],
          [-half, half * rng.range(0.6, 1)],
        ];
  const path: Point[] = [];
  const closed = [...corners, corners[0]!];
  for (let i = 0; i < closed.length - 1; i++) {
    const [a, b] = [closed[i]!, closed[i + 1]!];
    const overshoot = 1 + rng.range(0, 0.12);
    for (let t = 0; t <= 8; t++) {
      const f = (t / 8) * overshoot;
      path.push(rotate([a[0] + (b[0] - a[0]) * f + rng.range(-2, 2), a[1] + (b[1] - a[1]) * f + rng.range(-2, 2)]));
    }
  }
  return path;
}
