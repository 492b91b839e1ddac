// CLI: synthetic phone photos of drawings on paper, for the photo cleaner's tests and measurements.
//   tsx src/tools/make-photos.ts fixtures [--hds DIR]             → test/fixtures/photos
//   tsx src/tools/make-photos.ts set --out DIR [--count 300] [--seed 7] [--long 1600] [--split held-out] [--measure]
//   tsx src/tools/make-photos.ts measure --out DIR                → cleans a written set and reports
//   tsx src/tools/make-photos.ts time [--long 4000] [--count 20]  → cleanPhoto's time on one big photo
import { parseArgs } from 'node:util';
import { writeFixtures } from './photos/fixtures';
import { measure, summarise } from './photos/measure';
import { hdsDrawings, writeSet } from './photos/sets';
import { timeClean } from './photos/timing';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    hds: { type: 'string', default: '/work/data/hds' },
    count: { type: 'string' },
    seed: { type: 'string', default: '7' },
    long: { type: 'string' },
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
    const count = Number(values.count ?? 300);
    const entries = writeSet(
      values.out,
      count,
      Number(values.seed),
      Number(values.long ?? 1600),
      hdsDrawings(values.hds, split),
    );
    console.log(`wrote ${entries.length} photos to ${values.out}`);
  }
  if (command === 'measure' || values.measure) console.log(summarise(measure(values.out)));
} else if (command === 'time') {
  console.log(timeClean(values.hds, Number(values.long ?? 4000), Number(values.count ?? 20)));
} else {
  throw new Error('usage: make-photos.ts fixtures | set --out DIR [--measure] | measure --out DIR | time');
}
