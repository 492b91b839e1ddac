// CLI for `npm run dataset`: writes a synthetic shapes set of any size (see src/tools/dataset), which
// the bench uses to scale training; the bundled drawings are real (`npm run starter`).
import { parseArgs } from 'node:util';
import { generateDataset } from './dataset/generate';
import { DEFAULT_SEED } from './dataset/layout';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'node_modules/.cache/synthetic-shapes' },
    sheet: { type: 'string', default: 'node_modules/.cache/synthetic-shapes.png' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
  },
});

const seed = Number(values.seed);
if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
  throw new Error(`--seed must be an integer in [0, 2^32), got ${values.seed}`);
}
const index = generateDataset({ out: values.out, sheet: values.sheet, seed });
const counts = Object.entries(index.splits).map(
  ([split, byClass]) => `${split} ${Object.values(byClass).reduce((n, files) => n + files.length, 0)}`,
);
console.log(`seed ${seed}: wrote ${counts.join(', ')} images to ${values.out}, sheet ${values.sheet}`);
