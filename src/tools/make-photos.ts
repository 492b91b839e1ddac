// CLI: synthetic phone photos of drawings on paper, for the photo cleaner's tests and measurements.
//   tsx src/tools/make-photos.ts fixtures [--hds DIR]           → test/fixtures/photos
//   tsx src/tools/make-photos.ts set --out DIR [--count 300] [--seed 7] [--long 1600] [--split held-out] [--measure]
//   tsx src/tools/make-photos.ts measure --out DIR              → cleans a written set and reports
import { parseArgs } from 'node:util';
import { writeFixtures } from './photos/fixtures';
import { measure, summarise } from './photos/measure';
import { hdsDrawings, writeSet } from './photos/sets';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    hds: { type: 'string', default: '/work/data/hds' },
    count: { type: 'string', default: '300' },
    seed: { type: 'string', default: '7' },
    long: { type: 'string', default: '1600' },
    split: { type: 'string', default: 'held-out' },
    measure: { type: 'boolean', default: false },
  },
});

const command = positionals[0];
if (command === 'fixtures') {
  const out = values.out ?? 'test/fixtures/photos';
  writeFixtures(out, values.hds);
  console.log(`wrote ${out}`);
} else if (command === 'set' || command === 'measure') {
  if (!values.out) throw new Error('--out DIR is required');
  if (command === 'set') {
    const split = values.split === 'dev' ? 'dev' : 'held-out';
    const entries = writeSet(values.out, Number(values.count), Number(values.seed), Number(values.long), hdsDrawings(values.hds, split));
    console.log(`wrote ${entries.length} photos to ${values.out}`);
  }
  if (command === 'measure' || values.measure) console.log(summarise(measure(values.out)));
} else {
  throw new Error('usage: make-photos.ts fixtures | set --out DIR [--measure] | measure --out DIR');
}
