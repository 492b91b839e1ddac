// One synthetic phone photo of a drawing (or of a blank sheet), as the JPEG bytes a phone would store.
import jpeg from 'jpeg-js';
import { applyOrientation, type Orientation } from '../../engine/data/exif';
import type { RgbaImage } from '../../engine/data/pixels';
import type { Rng } from '../../engine/data/random';
import { withOrientation } from './exif';
import { penFromDrawing, type Coverage } from './ink';
import { renderScene } from './render';
import { randomScene, type Scene } from './scene';

/** A drawing's PNG (black on white, any size), or nothing drawn. */
export type Source = { png: Uint8Array } | 'blank';

export interface Photo {
  /** As a phone stores it: sideways with an EXIF orientation in some. */
  jpeg: Uint8Array;
  scene: Scene;
}

/** The orientation that, applied to the upright image, gives what the sensor stored. */
const STORED: Record<Orientation, Orientation> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 8, 7: 7, 8: 6 };

/** `overrides` pin parts of the random scene (fixtures cover each ink and orientation on purpose). */
export function makePhoto(source: Source, rng: Rng, long: number, overrides: Partial<Scene> = {}): Photo {
  const scene = { ...randomScene(rng, long), ...overrides };
  // Ink raster at about 1.5 raster pixels per photo pixel, so bilinear sampling keeps the edges sharp.
  const size = Math.max(32, Math.round(scene.drawing.side * scene.sheetPixels * 1.5));
  const ink: Coverage | null = source === 'blank' ? null : penFromDrawing(source.png, size, rng.range(0.3, 0.7));
  const upright = renderScene(scene, ink, rng);
  return { jpeg: encodeStored(upright, scene.orientation, scene.quality), scene };
}

/** JPEG-encodes the image as a phone held sideways stores it: pixels turned, EXIF saying how to turn them back. */
export function encodeStored(upright: RgbaImage, orientation: Orientation, quality: number): Uint8Array {
  const stored = applyOrientation(upright, STORED[orientation]);
  const bytes = new Uint8Array(jpeg.encode({ ...stored, data: Buffer.from(stored.data) }, quality).data);
  return orientation === 1 ? bytes : withOrientation(bytes, orientation);
}
