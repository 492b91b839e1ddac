// CLI for `npm run starter`: packs public/data/shapes (tutorial-sized split) and public/data/starter
// (the real-drawing starter set) from the HDS drawings; see src/tools/starter/pack.ts.
// Rerun: unzip ../shared/datasets/hds/hds-drawings.zip -d /tmp/hds && npm run starter -- --data /tmp/hds
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toModelInput } from '../engine/data/pixels';
import { decodeFile } from '../engine/node/listing';
import { encodeRgbPng } from './dataset/png';
import { contactSheet } from './dataset/sheet';
import { parseArgs } from 'node:util';
import { initNodeEngine } from '../engine/node/engine';
import { loadPeople } from './pipeline/people';
import { HDS_ATTRIBUTION, pack } from './starter/pack';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '/work/data/hds' },
    out: { type: 'string', default: 'public/data' },
    'test-people': { type: 'string', default: 'u03,u10,if3,nld,crt,lrt' },
    'per-class': { type: 'string', default: '20' },
    'other-per-class': { type: 'string', default: '20' },
    'test-per-class': { type: 'string', default: '5' },
    tile: { type: 'string', default: '48' },
    seed: { type: 'string', default: '1' },
    sheet: { type: 'string', default: 'docs/dataset.png' },
  },
});

await initNodeEngine();
const seed = Number(values.seed);
const drawings = await loadPeople(values.data, { cap: 150, seed, rename: { ellipse: 'circle' } });
const { tutorial, starter } = pack(drawings, values.out, {
  testPeople: values['test-people'].split(','),
  perClass: Number(values['per-class']),
  otherPerClass: Number(values['other-per-class']),
  testPerClass: Number(values['test-per-class']),
  tile: Number(values.tile),
  seed,
});
writeFileSync(
  `${values.out}/NOTICE.md`,
  `# Bundled drawings\n\nEvery image under \`shapes/\` and \`starter/\` is a drawing from the ${HDS_ATTRIBUTION}\n\n` +
    'Changes: the class `ellipse` is named `circle`; drawings were converted to grey, the starter set resampled to ' +
    `${starter.tile} × ${starter.tile} and packed into atlases, and the \`hard\` split's drawings shrunk, moved, turned ` +
    'or re-stroked. People in the training splits are not in the test and hard splits.\n',
);
const count = (files: Record<string, string[]>) => Object.values(files).reduce((n, f) => n + f.length, 0);
console.log(
  `tutorial: ${Object.entries(tutorial.splits)
    .map(([s, f]) => `${s} ${count(f)}`)
    .join(', ')}; ` +
    `starter: ${Object.entries(starter.splits)
      .map(([s, f]) => `${s} ${count(f.files)}`)
      .join(', ')} (seed ${seed})`,
);

// The README's contact sheet: the tutorial-sized split as the tutorial's model sees it (24 × 24).
const sections = await Promise.all(
  Object.values(tutorial.splits).map((byClass) =>
    Promise.all(
      Object.values(byClass).map((paths) =>
        Promise.all(
          paths.map(async (path) => {
            const input = toModelInput(await decodeFile(join(values.out, 'shapes', path)), [24, 24]);
            return Uint8Array.from(input, (v) => Math.round(v * 255));
          }),
        ),
      ),
    ),
  ),
);
const sheet = contactSheet(sections);
writeFileSync(values.sheet, encodeRgbPng(sheet.rgb, sheet.width, sheet.height));
