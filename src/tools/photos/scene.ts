// Draws the random parameters of one phone photo of a sheet of paper: camera, paper, ink, table, light, sensor.
import type { Orientation } from '../../engine/data/exif';
import type { Rng } from '../../engine/data/random';
import { apply, squareToQuad, type Mat3, type Vec2 } from './geometry';

export type Rgb = [number, number, number];
export type InkKind = 'black' | 'blue' | 'pencil' | 'red';

export interface Scene {
  width: number;
  height: number;
  /** Unit sheet square (u across, v down) to photo pixels. */
  sheet: Mat3;
  /** Sheet height over width, and its short side in photo pixels (for edge anti-aliasing). */
  aspect: number;
  sheetPixels: number;
  paper: Rgb;
  /** Printed lines: ruled every 8 mm, squared every 5 mm (on an A4-wide sheet), light blue. */
  ruling: 'plain' | 'ruled' | 'squared';
  /**
   * The drawing's square on the sheet: left, top and side, in sheet widths; drawn turned by
   * `quarters` quarter turns against the sheet, so that it stands upright in the photo.
   */
  drawing: { u: number; v: number; side: number; quarters: number };
  ink: { kind: InkKind; colour: Rgb; strength: number };
  table: { colour: Rgb; grain: number; angle: number };
  light: { exposure: number; tint: Rgb; gradient: Vec2; vignette: number };
  shadow: { centre: Vec2; radii: Vec2; softness: number; strength: number } | null;
  finger: { from: Vec2; to: Vec2; radius: number } | null;
  noise: number;
  blur: boolean;
  quality: number;
  orientation: Orientation;
}

export const INKS: Record<InkKind, Rgb> = {
  black: [0.08, 0.08, 0.1],
  blue: [0.12, 0.2, 0.6],
  pencil: [0.35, 0.35, 0.38],
  red: [0.75, 0.12, 0.15],
};

export function randomScene(rng: Rng, long: number): Scene {
  const portrait = rng.next() < 0.5;
  const width = portrait ? Math.round(long * 0.75) : long;
  const height = portrait ? long : Math.round(long * 0.75);
  // biome-ignore lint/suspicious/noApproximativeNumericConstant: A4's ratio as the fixtures were made with; √2 would change them.
  const aspect = rng.next() < 0.2 ? 1 : rng.range(1.29, 1.414);
  // Fill above 1: the sheet runs past the frame on some sides, and less table shows. Its long side
  // lies along the photo's long side, as one frames a sheet.
  const fill = rng.range(0.7, 1.25);
  const sheetH = long * fill * 0.95;
  const sheetW = sheetH / aspect;
  // A landscape photo is framed with the sheet turned to fit; a sheet may lie upside down. One
  // frames the drawing upright, give or take a few degrees, whichever way the sheet lies.
  const quarters = (portrait ? 0 : 1) + (rng.next() < 0.1 ? 2 : 0);
  const turn = (quarters * Math.PI) / 2 + rng.range(-0.15, 0.15);
  const centre: Vec2 = [width / 2 + rng.range(-0.08, 0.08) * width, height / 2 + rng.range(-0.08, 0.08) * height];
  const tilt: Vec2 = [rng.range(-0.35, 0.35) / long, rng.range(-0.35, 0.35) / long];
  const corner = (sx: number, sy: number): Vec2 => {
    const x = sx * sheetW * Math.cos(turn) - sy * sheetH * Math.sin(turn);
    const y = sx * sheetW * Math.sin(turn) + sy * sheetH * Math.cos(turn);
    const w = 1 + tilt[0] * x + tilt[1] * y;
    return [centre[0] + x / w, centre[1] + y / w];
  };
  const sheet = squareToQuad([corner(-0.5, -0.5), corner(0.5, -0.5), corner(0.5, 0.5), corner(-0.5, 0.5)]);

  const side = rng.range(0.35, 0.75);
  const drawing = { u: rng.range(0.08, 0.92 - side), v: rng.range(0.08, 0.92 - side / aspect), side, quarters };
  const kinds: InkKind[] = ['black', 'black', 'blue', 'blue', 'pencil', 'red'];
  const kind = kinds[rng.int(kinds.length)]!;
  const strength = kind === 'pencil' ? rng.range(0.5, 0.8) : rng.range(0.85, 1);
  const cream = rng.range(0, 0.08);
  const paper: Rgb = [0.93, 0.92 - cream * 0.3, 0.9 - cream];
  // Wood has grain; grey, dark and white laminate little or none.
  const tables: { colour: Rgb; grain: number }[] = [
    { colour: [0.45, 0.3, 0.17], grain: 0.25 },
    { colour: [0.6, 0.45, 0.3], grain: 0.25 },
    { colour: [0.12, 0.12, 0.13], grain: 0.1 },
    { colour: [0.5, 0.5, 0.52], grain: 0.08 },
    { colour: [0.8, 0.8, 0.78], grain: 0.04 },
  ];
  const surface = tables[rng.int(tables.length)]!;
  const table = { colour: surface.colour, grain: rng.range(0, surface.grain), angle: rng.range(0, Math.PI) };

  const warm = rng.range(-1, 1);
  const light = {
    exposure: rng.next() < 0.1 ? rng.range(0.35, 0.55) : rng.range(0.8, 1.12),
    tint: [1 + 0.06 * warm, 1, 1 - 0.12 * warm] as Rgb,
    gradient: [rng.range(-0.35, 0.35), rng.range(-0.35, 0.35)] as Vec2,
    vignette: rng.range(0, 0.35),
  };
  const shadow =
    rng.next() < 0.6
      ? {
          centre: apply(sheet, rng.range(-0.2, 1.2), rng.next() < 0.5 ? rng.range(-0.3, 0.1) : rng.range(0.9, 1.3)),
          radii: [rng.range(0.25, 0.6) * long, rng.range(0.15, 0.4) * long] as Vec2,
          softness: rng.range(0.05, 0.15) * long,
          strength: rng.range(0.2, 0.55),
        }
      : null;
  const edge = rng.int(4);
  const along = rng.range(0.2, 0.8);
  const from: Vec2 = [
    [along * width, 0],
    [width, along * height],
    [along * width, height],
    [0, along * height],
  ][edge] as Vec2;
  // A fingertip holding the sheet down reaches a quarter of the way in from the frame's edge.
  const to: Vec2 = [width / 2 + (from[0] - width / 2) * 0.75, height / 2 + (from[1] - height / 2) * 0.75];
  const finger = rng.next() < 0.15 ? { from, to, radius: 0.035 * long } : null;
  const orientations: Orientation[] = [1, 1, 1, 6, 8, 3];
  return {
    width,
    height,
    sheet,
    aspect,
    sheetPixels: sheetW,
    paper,
    ruling: 'plain',
    drawing,
    ink: { kind, colour: INKS[kind], strength },
    table,
    light,
    shadow,
    finger,
    noise: light.exposure < 0.6 ? rng.range(5, 9) : rng.range(1.5, 5),
    blur: rng.next() < 0.5,
    quality: Math.round(rng.range(65, 92)),
    orientation: orientations[rng.int(orientations.length)]!,
  };
}
