// Writes the whole bundled dataset (PNGs, index.json) and its contact sheet from one explicit seed.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DatasetIndex } from '../../shared/api';
import { createRng } from '../../engine/data/random';
import { CLASSES, IMAGE_SIZE, SPLITS, imagePath, imageSeed, type ShapeClass, type SplitSpec } from './layout';
import { encodeRgbPng } from './png';
import { renderShape } from './render';
import { contactSheet } from './sheet';

export interface GenerateOptions {
  /** Dataset root; receives `index.json` and `<split>/<class>/*.png`. */
  out: string;
  /** Path of the contact sheet PNG; without one, no sheet is drawn (large benchmark datasets). */
  sheet?: string;
  seed: number;
  /** Images per split and class; the bundled dataset's SPLITS unless a benchmark scales them. */
  splits?: readonly SplitSpec[];
}

/** The app's `index.json` format; benchmarks may generate other splits than train, test and hard. */
export type GeneratedIndex = Omit<DatasetIndex, 'splits'> & { splits: Record<string, Record<ShapeClass, string[]>> };

export function generateDataset({ out, sheet, seed, splits = SPLITS }: GenerateOptions): GeneratedIndex {
  const index: GeneratedIndex = { version: 1, imageSize: [IMAGE_SIZE, IMAGE_SIZE], classes: [...CLASSES], splits: {} };
  const sections: Uint8Array[][][] = [];
  for (const split of splits) {
    const files = {} as Record<ShapeClass, string[]>;
    const rows: Uint8Array[][] = [];
    for (const cls of CLASSES) {
      // Replace the class folder wholesale so files from an older, larger run cannot linger.
      rmSync(join(out, split.name, cls), { recursive: true, force: true });
      mkdirSync(join(out, split.name, cls), { recursive: true });
      const images = Array.from({ length: split.perClass }, (_, i) =>
        renderShape(cls, split.difficulty, createRng(imageSeed(seed, split.name, cls, i))),
      );
      files[cls] = images.map((rgb, i) => {
        const path = imagePath(split.name, cls, i);
        writeFileSync(join(out, path), encodeRgbPng(rgb, IMAGE_SIZE, IMAGE_SIZE));
        return path;
      });
      rows.push(images);
    }
    index.splits[split.name] = files;
    if (sheet) sections.push(rows);
  }
  writeFileSync(join(out, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);

  if (!sheet) return index;
  const { rgb, width, height } = contactSheet(sections);
  mkdirSync(dirname(sheet), { recursive: true });
  writeFileSync(sheet, encodeRgbPng(rgb, width, height));
  return index;
}
