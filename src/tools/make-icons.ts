/**
 * Draws the app icons (public/icons/*.png) deterministically: white outlines of a circle, a
 * square and a triangle on the app's blue, the same mark as public/favicon.svg and the header.
 * Run: npx tsx src/tools/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

type Vec = [number, number];
type Rgb = [number, number, number];

const BLUE: Rgb = [0x3b, 0x5b, 0xdb];
const WHITE: Rgb = [0xff, 0xff, 0xff];

/** The mark in a 48-unit box, as in the favicon: stroke half-width 1.75. */
const HALF_STROKE = 1.75;
const MARK_CENTER: Vec = [24, 24.5];
/** Half the diagonal of the mark's extent, for fitting it inside the maskable safe circle. */
const MARK_RADIUS = 28.5;

function segmentDistance([px, py]: Vec, [ax, ay]: Vec, [bx, by]: Vec): number {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function polygonEdgeDistance(p: Vec, points: Vec[]): number {
  return Math.min(...points.map((a, i) => segmentDistance(p, a, points[(i + 1) % points.length]!)));
}

/** Distance from `p` to the nearest outline of the mark (its strokes' centre lines). */
function markDistance(p: Vec): number {
  const circle = Math.abs(Math.hypot(p[0] - 13, p[1] - 14) - 8);
  const square = polygonEdgeDistance(p, [
    [28, 6],
    [43, 6],
    [43, 21],
    [28, 21],
  ]);
  const triangle = polygonEdgeDistance(p, [
    [24, 26],
    [35, 43],
    [13, 43],
  ]);
  return Math.min(circle, square, triangle);
}

/** Signed distance to a rounded square of half-size `half` and corner radius `r`, centred at c. */
function roundedSquare([px, py]: Vec, c: number, half: number, r: number): number {
  const qx = Math.abs(px - c) - half + r;
  const qy = Math.abs(py - c) - half + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

interface IconSpec {
  file: string;
  size: number;
  /** Maskable icons are full-bleed, their mark inside the central safe circle (40% radius). */
  maskable: boolean;
}

function drawIcon({ size, maskable }: IconSpec): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const markScale = maskable ? (0.34 * size) / MARK_RADIUS : (0.62 * size) / 48;
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let background = 0;
      let ink = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const p: Vec = [x + (sx + 0.5) / samples, y + (sy + 0.5) / samples];
          const inside = maskable || roundedSquare(p, size / 2, size * 0.46, size * 0.2) <= 0;
          if (!inside) continue;
          background++;
          const m: Vec = [
            (p[0] - size / 2) / markScale + MARK_CENTER[0],
            (p[1] - size / 2) / markScale + MARK_CENTER[1],
          ];
          if (markDistance(m) <= HALF_STROKE) ink++;
        }
      }
      const n = samples * samples;
      const i = (y * size + x) * 4;
      const a = background / n;
      const w = background ? ink / background : 0;
      for (let c = 0; c < 3; c++) png.data[i + c] = Math.round(BLUE[c]! * (1 - w) + WHITE[c]! * w);
      png.data[i + 3] = Math.round(a * 255);
    }
  }
  return png;
}

const ICONS: IconSpec[] = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-512-maskable.png', size: 512, maskable: true },
];

const outDir = join(dirname(fileURLToPath(import.meta.url)), '../../public/icons');
mkdirSync(outDir, { recursive: true });
for (const spec of ICONS) {
  const bytes = PNG.sync.write(drawIcon(spec), { colorType: 6, deflateLevel: 9, filterType: -1 });
  writeFileSync(join(outDir, spec.file), bytes);
  console.log(`${spec.file}: ${spec.size}x${spec.size}, ${bytes.length} bytes`);
}
