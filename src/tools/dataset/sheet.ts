// Contact sheet for the README: every image, nearest-neighbour upscaled, one row per class, one block per split.
import { IMAGE_SIZE } from './layout';

const ZOOM = 3;
const GAP = 2;
/** Extra space between split blocks so train / test / hard read as separate groups. */
const SECTION_GAP = 10;
const BACKGROUND = 150;

export interface Sheet {
  rgb: Uint8Array;
  width: number;
  height: number;
}

/** `sections[split][class][i]` is a packed 24x24 RGB image. */
export function contactSheet(sections: Uint8Array[][][]): Sheet {
  const cell = IMAGE_SIZE * ZOOM + GAP;
  const columns = Math.max(...sections.flatMap((rows) => rows.map((row) => row.length)));
  const rowCount = sections.reduce((n, rows) => n + rows.length, 0);
  const width = GAP + columns * cell;
  const height = GAP + rowCount * cell + (sections.length - 1) * SECTION_GAP;
  const rgb = new Uint8Array(width * height * 3).fill(BACKGROUND);

  let top = GAP;
  sections.forEach((rows, s) => {
    if (s > 0) top += SECTION_GAP;
    for (const row of rows) {
      for (const [col, image] of row.entries()) blit(rgb, width, image, GAP + col * cell, top);
      top += cell;
    }
  });
  return { rgb, width, height };
}

function blit(sheet: Uint8Array, sheetWidth: number, image: Uint8Array, left: number, top: number): void {
  for (let y = 0; y < IMAGE_SIZE * ZOOM; y++) {
    for (let x = 0; x < IMAGE_SIZE * ZOOM; x++) {
      const src = (Math.floor(y / ZOOM) * IMAGE_SIZE + Math.floor(x / ZOOM)) * 3;
      const dst = ((top + y) * sheetWidth + left + x) * 3;
      sheet.set(image.subarray(src, src + 3), dst);
    }
  }
}
