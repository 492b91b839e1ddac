// What the bundled dataset contains and where each image lives; the single source for generator, index and tests.

export const IMAGE_SIZE = 24;
export const CLASSES = ['circle', 'rectangle', 'triangle'] as const;
export type ShapeClass = (typeof CLASSES)[number];
export type Difficulty = 'normal' | 'hard';

export interface SplitSpec {
  name: 'train' | 'test' | 'hard';
  perClass: number;
  difficulty: Difficulty;
}

export const SPLITS: readonly SplitSpec[] = [
  { name: 'train', perClass: 15, difficulty: 'normal' },
  { name: 'test', perClass: 5, difficulty: 'normal' },
  { name: 'hard', perClass: 10, difficulty: 'hard' },
];

export const DEFAULT_SEED = 3;

/** Path relative to the dataset root, e.g. `train/circle/circle001.png`. */
export function imagePath(split: string, cls: ShapeClass, index: number): string {
  return `${split}/${cls}/${cls}${String(index + 1).padStart(3, '0')}.png`;
}

/**
 * Per-image seed from (seed, split, class, index), FNV-1a hashed, so regenerating or
 * resizing one split never reshuffles the images of another.
 */
export function imageSeed(seed: number, split: string, cls: ShapeClass, index: number): number {
  let hash = 0x811c9dc5;
  for (const ch of `${seed}/${split}/${cls}/${index}`) {
    hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193);
  }
  return hash >>> 0;
}
