// Renders a scene as 8-bit RGBA: reflectance (paper, ink, table, finger) times illumination, plus sensor noise.
import type { RgbaImage } from '../../engine/data/pixels';
import type { Rng } from '../../engine/data/random';
import { apply, invert, valueNoise } from './geometry';
import type { Coverage } from './ink';
import type { Rgb, Scene } from './scene';

const SKIN: Rgb = [0.78, 0.55, 0.45];
const RULING: Rgb = [0.55, 0.7, 0.9];

export function renderScene(scene: Scene, ink: Coverage | null, rng: Rng): RgbaImage {
  const { width, height, aspect, paper, drawing, table, light, shadow, finger } = scene;
  const toSheet = invert(scene.sheet);
  const fibre = valueNoise(rng.int(2 ** 31));
  const cockle = valueNoise(rng.int(2 ** 31));
  const wood = valueNoise(rng.int(2 ** 31));
  const grain = valueNoise(rng.int(2 ** 31));
  const long = Math.max(width, height);
  const fibreScale = scene.sheetPixels / 1.5;
  const [cos, sin] = [Math.cos(table.angle), Math.sin(table.angle)];
  const rgb = new Float32Array(width * height * 3);
  const refl: Rgb = [0, 0, 0];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [u, v] = apply(toSheet, x + 0.5, y + 0.5);
      // Distance to the sheet's edge in photo pixels, for a one-pixel anti-aliased border.
      const edge = Math.min(u, 1 - u, v, 1 - v) * scene.sheetPixels;
      const onSheet = Math.min(1, Math.max(0, edge + 0.5));
      const texture = 1 + 0.015 * fibre(u * fibreScale, v * fibreScale * aspect) + 0.02 * cockle(u * 6, v * 6 * aspect);
      const c = ink
        ? inkAt(
            ink,
            ...upright((u - drawing.u) / drawing.side, ((v - drawing.v) * aspect) / drawing.side, drawing.quarters),
          )
        : 0;
      const pencil = scene.ink.kind === 'pencil' ? 0.6 + 0.4 * grain(x * 0.7, y * 0.7) : 1;
      const a = c * scene.ink.strength * pencil;
      const line = scene.ruling === 'plain' ? 0 : ruling(scene.ruling, u, v * aspect, scene.sheetPixels);
      const along = (x * cos + y * sin) / long;
      const across = (y * cos - x * sin) / long;
      const woodTone = 1 + table.grain * wood(along * 4, across * 90);
      const tip = finger ? fingerCoverage(finger, x, y) : 0;
      for (let k = 0; k < 3; k++) {
        const printed = paper[k]! * (1 - line) + RULING[k]! * line;
        const sheet = printed * texture * (1 - a) + scene.ink.colour[k]! * a;
        const value = sheet * onSheet + table.colour[k]! * woodTone * (1 - onSheet);
        refl[k] = value * (1 - tip) + SKIN[k]! * tip;
      }
      const nx = x / width - 0.5;
      const ny = y / height - 0.5;
      let lit =
        light.exposure *
        (1 + light.gradient[0] * nx + light.gradient[1] * ny) *
        (1 - light.vignette * (nx * nx + ny * ny) * 2);
      if (shadow) lit *= 1 - shadow.strength * shadowAt(shadow, x, y);
      for (let k = 0; k < 3; k++) rgb[(y * width + x) * 3 + k] = 255 * refl[k]! * lit * light.tint[k]!;
    }
  }
  if (scene.blur) blur121(rgb, width, height);
  const out = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    for (let k = 0; k < 3; k++) {
      const value = rgb[p * 3 + k]!;
      // Shot noise grows with the signal; read noise sets a floor in the dark.
      const sigma = scene.noise * (0.4 + 0.6 * Math.sqrt(Math.max(0, value) / 255));
      out[p * 4 + k] = Math.min(
        255,
        Math.max(0, Math.round(value + sigma * (rng.next() + rng.next() + rng.next() - 1.5) * 2)),
      );
    }
    out[p * 4 + 3] = 255;
  }
  return { width, height, data: out };
}

/** Coverage of printed lines at sheet point (u, w), both in sheet widths; lines about 0.3 mm wide. */
function ruling(kind: 'ruled' | 'squared', u: number, w: number, sheetPixels: number): number {
  const spacing = (kind === 'ruled' ? 8 : 5) / 210;
  const half = (0.3 / 210 / 2) * sheetPixels;
  const cover = (t: number) =>
    Math.min(1, Math.max(0, half + 0.5 - Math.abs(t - spacing * Math.round(t / spacing)) * sheetPixels));
  return kind === 'ruled' ? cover(w) : Math.max(cover(w), cover(u));
}

/** Square coordinates (s, t) turned by quarter turns about the centre: where the drawing is read from. */
function upright(s: number, t: number, quarters: number): [number, number] {
  return (
    [
      [s, t],
      [1 - t, s],
      [1 - s, 1 - t],
      [t, 1 - s],
    ] as [number, number][]
  )[quarters % 4]!;
}

function inkAt({ size, data }: Coverage, s: number, t: number): number {
  const x = s * size - 0.5;
  const y = t * size - 0.5;
  if (x < 0 || y < 0 || x >= size - 1 || y >= size - 1) return 0;
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  const fx = x - ix;
  const fy = y - iy;
  const i = iy * size + ix;
  const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
  const bottom = data[i + size]! + (data[i + size + 1]! - data[i + size]!) * fx;
  return top + (bottom - top) * fy;
}

function shadowAt(shadow: NonNullable<Scene['shadow']>, x: number, y: number): number {
  const dx = (x - shadow.centre[0]) / shadow.radii[0];
  const dy = (y - shadow.centre[1]) / shadow.radii[1];
  // Signed distance to the ellipse's rim, roughly, in pixels; negative inside.
  const rim = (Math.hypot(dx, dy) - 1) * Math.min(shadow.radii[0], shadow.radii[1]);
  const t = Math.min(1, Math.max(0, 0.5 - rim / shadow.softness));
  return t * t * (3 - 2 * t);
}

function fingerCoverage(finger: NonNullable<Scene['finger']>, x: number, y: number): number {
  const [ax, ay] = finger.from;
  const [dx, dy] = [finger.to[0] - ax, finger.to[1] - ay];
  const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  const dist = Math.hypot(x - ax - t * dx, y - ay - t * dy);
  return Math.min(1, Math.max(0, finger.radius - dist + 0.5));
}

/** The slight softness of a phone lens: a separable [1 2 1]/4 blur. */
function blur121(rgb: Float32Array, width: number, height: number): void {
  const copy = rgb.slice();
  for (let y = 0; y < height; y++) {
    for (let x = 1; x + 1 < width; x++) {
      for (let k = 0; k < 3; k++) {
        const i = (y * width + x) * 3 + k;
        rgb[i] = (copy[i - 3]! + 2 * copy[i]! + copy[i + 3]!) / 4;
      }
    }
  }
  copy.set(rgb);
  const row = width * 3;
  for (let y = 1; y + 1 < height; y++) {
    for (let i = y * row; i < (y + 1) * row; i++) rgb[i] = (copy[i - row]! + 2 * copy[i]! + copy[i + row]!) / 4;
  }
}
