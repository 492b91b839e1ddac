// The committed test photos: a few drawings of each class in each ink, two sideways JPEGs, a blank sheet, a room.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Orientation } from '../../engine/data/exif';
import { createRng } from '../../engine/data/random';
import { shapePng } from './ink';
import { encodeStored, makePhoto } from './photo';
import { renderRoom } from './room';
import { INKS, type InkKind } from './scene';
import { describe, hdsDrawings, type Entry } from './sets';

const SEED = 20240611;
const LONG = 800;
const QUALITY = 72;
const DRAWN = 'test/fixtures/drawn';

export function writeFixtures(out: string, hds: string): void {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const rng = createRng(SEED);
  const all = hdsDrawings(hds, 'held-out');
  const sources: { name: string; source: string; ruling?: 'ruled' }[] = [];
  for (const cls of [
    'ellipse',
    'rectangle',
    'triangle',
    'ellipse',
    'rectangle',
    'triangle',
    'ellipse',
    'rectangle',
    'triangle',
    'other',
  ]) {
    const of = all.filter((d) => d.cls === cls);
    const pick = of[rng.int(of.length)]!;
    const name = `${String(sources.length + 1).padStart(2, '0')}-${cls}`;
    copyFileSync(pick.path, join(out, `${name}.source.png`));
    sources.push({ name, source: `${name}.source.png` });
  }
  for (const cls of ['circle', 'rectangle', 'triangle']) {
    const file = readdirSync(join(DRAWN, cls)).sort()[rng.int(8)]!;
    sources.push({
      name: `${String(sources.length + 1).padStart(2, '0')}-${cls}`,
      source: relative(out, join(DRAWN, cls, file)),
    });
  }
  for (const shape of ['ellipse', 'triangle'] as const) {
    const name = `${String(sources.length + 1).padStart(2, '0')}-${shape}`;
    writeFileSync(join(out, `${name}.source.png`), shapePng(shape, rng));
    sources.push({ name, source: `${name}.source.png` });
  }
  // Ruled paper's faint lines are ignored. (Squared paper, refused as cluttered more often than
  // not, makes too large a JPEG for a fixture: the measurement covers it.)
  for (const ruling of ['ruled'] as const) {
    const of = all.filter((d) => d.cls === 'rectangle');
    const name = `${String(sources.length + 1).padStart(2, '0')}-rectangle-${ruling}`;
    copyFileSync(of[rng.int(of.length)]!.path, join(out, `${name}.source.png`));
    sources.push({ name, source: `${name}.source.png`, ruling });
  }
  const inks = Object.keys(INKS) as InkKind[];
  const entries: Entry[] = sources.map(({ name, source, ruling = 'plain' as const }, i) => {
    const kind = inks[i % inks.length]!;
    // Two photos stored sideways, as phones store them, for the EXIF path.
    const orientation: Orientation = i === 2 ? 6 : i === 7 ? 8 : 1;
    const ink = { kind, colour: INKS[kind], strength: kind === 'pencil' ? 0.65 : 0.92 };
    // Printed lines cost a JPEG many bytes: a little more compression keeps that fixture small.
    const quality = ruling === 'plain' ? QUALITY : QUALITY - 10;
    const { jpeg, scene } = makePhoto({ png: readFileSync(join(out, source)) }, rng, LONG, {
      quality,
      orientation,
      ink,
      ruling,
    });
    writeFileSync(join(out, `${name}.jpg`), jpeg);
    return { photo: `${name}.jpg`, source, expect: 'drawing', notes: describe(scene) };
  });
  const blank = makePhoto('blank', rng, LONG, { quality: QUALITY, orientation: 1 });
  writeFileSync(join(out, 'blank.jpg'), blank.jpeg);
  entries.push({ photo: 'blank.jpg', expect: 'blank', notes: describe(blank.scene) });
  writeFileSync(join(out, 'room.jpg'), encodeStored(renderRoom(rng, LONG, LONG * 0.75), 1, QUALITY));
  entries.push({ photo: 'room.jpg', expect: 'not-paper', notes: 'room' });
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(entries, null, 1)}\n`);
  writeFileSync(join(out, 'README.md'), README);
}

const README = `# Synthetic phone photos of drawings

Test photos for \`cleanPhoto\` (\`src/engine/data/photo.ts\`), written by
\`npx tsx src/tools/make-photos.ts fixtures\` (seed ${SEED}, ${LONG} px on the long side, JPEG
quality ${QUALITY}; \`src/tools/photos/\` renders them). Do not edit them by hand: change the
generator and run it again.

Each \`NN-<class>.jpg\` is a drawing on a sheet of paper as a phone would photograph it: uneven
light, a soft shadow, paper texture, a tilted and turned sheet, the table around it, sensor noise,
JPEG compression; black, blue, red ink or pencil in turn. Two are stored sideways with an EXIF
orientation (6 and 8), as phones store them. \`blank.jpg\` is a sheet with nothing drawn on it,
\`room.jpg\` is not a sheet of paper at all. The last drawing is on ruled paper, whose faint lines
\`cleanPhoto\` ignores. \`manifest.json\` lists what each photo shows, what
\`cleanPhoto\` should make of it and its source drawing.

Sources: \`NN-<class>.source.png\` for classes ellipse, rectangle, triangle and other are drawings
from the HDS dataset, © 2022 Francois Robert, licensed CC BY 4.0
(https://creativecommons.org/licenses/by/4.0/), copied unchanged. The circle, rectangle and
triangle photos use drawings from \`test/fixtures/drawn/\`; the two last shapes are vector
outlines drawn by the generator.
`;
