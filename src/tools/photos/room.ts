// A photo that is not of a sheet of paper: a room's coloured walls, furniture, a window and a face-like oval.
import type { RgbaImage } from '../../engine/data/pixels';
import type { Rng } from '../../engine/data/random';
import { valueNoise } from './geometry';

export function renderRoom(rng: Rng, width: number, height: number): RgbaImage {
  const texture = valueNoise(rng.int(2 ** 31));
  const colour = (): [number, number, number] => [rng.range(30, 220), rng.range(30, 200), rng.range(30, 190)];
  const wall = colour();
  const shapes = Array.from({ length: 6 + rng.int(10) }, () => ({
    x0: rng.range(-0.2, 0.9) * width,
    y0: rng.range(-0.2, 0.9) * height,
    w: rng.range(0.1, 0.5) * width,
    h: rng.range(0.1, 0.6) * height,
    oval: rng.next() < 0.3,
    colour: colour(),
  }));
  const gx = rng.range(-0.5, 0.5);
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let c = wall;
      // Later shapes stand in front of earlier ones.
      for (const s of shapes) {
        const dx = (x - s.x0) / s.w;
        const dy = (y - s.y0) / s.h;
        const inside = s.oval ? (dx - 0.5) ** 2 + (dy - 0.5) ** 2 < 0.25 : dx >= 0 && dx < 1 && dy >= 0 && dy < 1;
        if (inside) c = s.colour;
      }
      const shade = (1 + gx * (x / width - 0.5)) * (1 + 0.08 * texture(x / 9, y / 9));
      const i = (y * width + x) * 4;
      for (let k = 0; k < 3; k++)
        data[i + k] = Math.min(255, Math.max(0, Math.round(c[k]! * shade + rng.range(-6, 6))));
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}
