import type { Preprocess, SampleSplit, StarterIndex } from '../../shared/api';
import type { Dataset } from './dataset';
import { type GreyImage, toRgba } from './grey';
import type { RgbaImage } from './pixels';
import { modelInput } from './preprocess';

/** `Dataset.files` names a starter tile `starter:<split>:<tile>:<person>/<file>`. */
export const STARTER_PREFIX = 'starter:';

export const starterFile = (split: SampleSplit, tile: number, name: string): string =>
  `${STARTER_PREFIX}${split}:${tile}:${name}`;

/** Every tile of a decoded atlas as a grey drawing, in tile order. */
export function atlasTiles(atlas: RgbaImage, index: StarterIndex, split: SampleSplit): GreyImage[] {
  const { columns, files } = index.splits[split];
  const side = index.tile;
  const count = Object.values(files).reduce((n, f) => n + f.length, 0);
  if (atlas.width < columns * side || atlas.height < Math.ceil(count / columns) * side) {
    throw new Error(`the ${split} atlas is ${atlas.width}x${atlas.height}, too small for ${count} tiles`);
  }
  return Array.from({ length: count }, (_, tile) => {
    const [x0, y0] = [(tile % columns) * side, Math.floor(tile / columns) * side];
    const data = new Uint8Array(side * side);
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) data[y * side + x] = atlas.data[((y0 + y) * atlas.width + x0 + x) * 4]!;
    }
    return { width: side, height: side, data };
  });
}

/** A starter split's drawings of the given classes (labelled by their index there), preprocessed for the model. */
export function starterDataset(
  index: StarterIndex,
  split: SampleSplit,
  tiles: readonly GreyImage[],
  classNames: readonly string[],
  size: readonly [number, number],
  preprocess: Preprocess,
): Dataset {
  const picked: { tile: number; className: string; name: string }[] = [];
  let tile = 0;
  for (const className of Object.keys(index.splits[split].files).sort()) {
    for (const name of index.splits[split].files[className]!) {
      if (classNames.includes(className)) picked.push({ tile, className, name });
      tile++;
    }
  }
  const pixels = size[0] * size[1] * 3;
  const images = new Float32Array(picked.length * pixels);
  picked.forEach((p, i) => {
    images.set(modelInput(toRgba(tiles[p.tile]!), size, preprocess), i * pixels);
  });
  return {
    classNames: [...classNames],
    size: [size[0], size[1]],
    files: picked.map((p) => starterFile(split, p.tile, p.name)),
    labels: Int32Array.from(picked, (p) => classNames.indexOf(p.className)),
    images,
    sources: picked.map((p) => tiles[p.tile]!),
  };
}
