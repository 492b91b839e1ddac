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
  const sources: { name: string; source: string }[] = [];
  for (const cls of ['ellipse', 'rectangle', 'triangle', 'ellipse', 'rectangle', 'triangle', 'ellipse', 'rectangle', 'triangle', 'other']) {
    const of = all.filter((d) => d.cls === cls);
    const pick = of[rng.int(of.length)]!;
    const name = `${String(sources.length + 1).padStart(2, '0')}-${cls}`;
    copyFileSync(pick.path, join(out, `${name}.source.png`));
    sources.push({ name, source: `${name}.source.png` });
  }
  for (const cls of ['circle', 'rectangle', 'triangle']) {
    const file = readdirSync(join(DRAWN, cls)).sort()[rng.int(8)]!;
    sources.push({ name: `${String(sources.length + 1).padStart(2, '0')}-${cls}`, source: relative(out, join(DRAWN, cls, file)) });
  }
  for (const shape of ['ellipse', 'triangle'] as const) {
    const name = `${String(sources.length + 1).padStart(2, '0')}-${shape}`;
    writeFileSync(join(out, `${name}.source.png`), shapePng(shape, rng));
    sources.push({ name, source: `${name}.source.png` });
  }
  const inks = Object.keys(INKS) as InkKind[];
  const entries: Entry[] = sources.map(({ name, source }, i) => {
    const kind = inks[i % inks.length]!;
    // Two photos stored sideways, as phones store them, for the EXIF path.
    const orientation: Orientation = i === 2 ? 6 : i === 7 ? 8 : 1;
    const ink = { kind, colour: INKS[kind], strength: kind === 'pencil' ? 0.65 : 0.92 };
    const { jpeg, scene } = makePhoto({ png: readFileSync(join(out, source)) }, rng, LONG, { quality: QUALITY, orientation, ink });
    writeFileSync(join(out, `${name}.jpg`), jpeg);
    return { photo: `${name}.jpg`, source, expect: 'drawing', notes: describe(scene) };
  });
  const blank = makePhoto('blank', rng, LONG, { quality: QUALITY, orientation: 1 });
  writeFileSync(join(out, 'blank.jpg'), blank.jpeg);
  entries.push({ photo: 'blank.jpg', expect: 'blank', notes: describe(blank.scene) });
  writeFileSync(join(out, 'room.jpg'), encodeStored(renderRoom(rng, LONG, LONG * 0.75), 1, QUALITY));
  entries.push({ photo: 'room.jpg', expect: 'not-paper', notes: 'room' });
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(entries, null, 1) + '\n');
}
