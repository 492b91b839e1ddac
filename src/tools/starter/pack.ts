// Packs the bundled data from HDS drawings: the tutorial-sized split as class folders of PNGs (what
// `flow_from_directory` and `shapes train` read), and the real-drawing starter set as one grey atlas
// PNG per split. Training and test drawings come from different people.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetIndex, StarterIndex, StarterSplit } from '../../shared/api';
import { INPUT_SIZE } from '../../shared/api';
import { encodeGreyPng } from '../dataset/png';
import { hardSet } from '../pipeline/hard-set';
import { balanced, type Drawing, roundRobin } from '../pipeline/people';
import { resample } from '../pipeline/grey';

export const HDS_ATTRIBUTION =
  'Hand-drawn Shapes (HDS) Dataset © 2022 Francois Robert, CC BY 4.0 ' +
  '(https://creativecommons.org/licenses/by/4.0/); resized and packed by Shape CNN.';

export interface PackOptions {
  /** People whose drawings are only ever tested on (the app's test split, the hard split). */
  testPeople: readonly string[];
  /** Starter training drawings per class per person (shapes), and of `other` per person. */
  perClass: number;
  otherPerClass: number;
  /** Starter test drawings per class per held-out person. */
  testPerClass: number;
  /** Side of a starter tile: drawings are resampled to it. */
  tile: number;
  seed: number;
}

const SHAPES = ['circle', 'rectangle', 'triangle'];
const COLUMNS = 32;

/** `<class>NNN.png` folders as the tutorial lays them out; returns the index's file lists. */
function writeFolders(root: string, split: string, drawings: readonly Drawing[]): Record<string, string[]> {
  const files: Record<string, string[]> = {};
  for (const className of SHAPES) {
    mkdirSync(join(root, split, className), { recursive: true });
    const mine = drawings.filter((d) => d.className === className);
    files[className] = mine.map((d, i) => {
      const path = `${split}/${className}/${className}${String(i + 1).padStart(3, '0')}.png`;
      writeFileSync(join(root, path), encodeGreyPng(d.image.data, d.image.width, d.image.height));
      return path;
    });
  }
  return files;
}

/** One atlas of `tile`-sized drawings in class order, `COLUMNS` to a row. */
function writeAtlas(root: string, name: string, drawings: readonly Drawing[], tile: number): StarterSplit {
  const classes = [...new Set(drawings.map((d) => d.className))].sort();
  const ordered = classes.flatMap((c) => drawings.filter((d) => d.className === c));
  const rows = Math.ceil(ordered.length / COLUMNS);
  const width = COLUMNS * tile;
  const atlas = new Uint8Array(width * rows * tile).fill(255);
  ordered.forEach((d, i) => {
    const { data } = resample(d.image, tile);
    const [x, y] = [(i % COLUMNS) * tile, Math.floor(i / COLUMNS) * tile];
    for (let r = 0; r < tile; r++) atlas.set(data.subarray(r * tile, (r + 1) * tile), (y + r) * width + x);
  });
  writeFileSync(join(root, `${name}.png`), encodeGreyPng(atlas, width, rows * tile));
  const files = Object.fromEntries(
    classes.map((c) => [c, ordered.filter((d) => d.className === c).map((d) => `${d.person}/${basename(d.file)}`)]),
  );
  return { atlas: `${name}.png`, columns: COLUMNS, files };
}

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

export interface Packed {
  tutorial: DatasetIndex;
  starter: StarterIndex;
}

/** Writes `shapes/` (tutorial folders + index.json) and `starter/` (atlases + index.json) under `out`. */
export function pack(drawings: readonly Drawing[], out: string, options: PackOptions): Packed {
  const held = (d: Drawing) => options.testPeople.includes(d.person);
  const [train, test] = [drawings.filter((d) => !held(d)), drawings.filter(held)];
  const shapes = (set: readonly Drawing[]) => set.filter((d) => SHAPES.includes(d.className));

  const shapesRoot = join(out, 'shapes');
  rmSync(shapesRoot, { recursive: true, force: true });
  const hard = hardSet(roundRobin(shapes(test), 10, options.seed + 2), options.seed);
  const tutorial: DatasetIndex = {
    version: 1,
    imageSize: [...INPUT_SIZE] as [number, number],
    classes: SHAPES,
    splits: {
      train: writeFolders(shapesRoot, 'train', roundRobin(shapes(train), 15, options.seed)),
      test: writeFolders(shapesRoot, 'test', roundRobin(shapes(test), 5, options.seed + 1)),
      hard: writeFolders(shapesRoot, 'hard', hard),
    },
  };
  writeFileSync(join(shapesRoot, 'index.json'), `${JSON.stringify(tutorial, null, 2)}\n`);

  const starterRoot = join(out, 'starter');
  rmSync(starterRoot, { recursive: true, force: true });
  mkdirSync(starterRoot, { recursive: true });
  const others = (set: readonly Drawing[]) => set.filter((d) => d.className === 'other');
  const starter: StarterIndex = {
    version: 1,
    tile: options.tile,
    classes: [...SHAPES, 'other'].sort(),
    attribution: HDS_ATTRIBUTION,
    splits: {
      train: writeAtlas(
        starterRoot,
        'train',
        [...balanced(shapes(train), options.perClass), ...balanced(others(train), options.otherPerClass)],
        options.tile,
      ),
      test: writeAtlas(starterRoot, 'test', balanced(test, options.testPerClass), options.tile),
    },
  };
  writeFileSync(join(starterRoot, 'index.json'), `${JSON.stringify(starter, null, 2)}\n`);
  return { tutorial, starter };
}
