// Sets of synthetic photos on disk: a manifest.json naming each photo's source, and the JPEGs.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRng } from '../../engine/data/random';
import { shapePng } from './ink';
import { encodeStored, makePhoto } from './photo';
import { renderRoom } from './room';

export type Expect = 'drawing' | 'blank' | 'not-paper' | 'cluttered';

export interface Entry {
  photo: string;
  /** The drawing's PNG (absolute, or relative to the set's folder); absent for blank sheets and rooms. */
  source?: string;
  expect: Expect;
  notes: string;
}

export interface Drawing {
  path: string;
  person: string;
  cls: string;
}

/**
 * HDS drawings (`<root>/<person>/<class>/*.png`) of every other person in sorted order: 'dev' is
 * what the cleaner was tuned on, 'held-out' what it is measured on.
 */
export function hdsDrawings(root: string, split: 'dev' | 'held-out'): Drawing[] {
  const people = readdirSync(root)
    .sort()
    .filter((_, i) => (i % 2 === 0) === (split === 'dev'));
  return people.flatMap((person) =>
    readdirSync(join(root, person))
      .sort()
      .flatMap((cls) =>
        readdirSync(join(root, person, cls))
          .sort()
          .map((file) => ({ path: join(root, person, cls, file), person, cls })),
      ),
  );
}

/**
 * One photo per seed: mostly HDS drawings, some vector shapes, one in twenty a blank sheet, one in
 * twenty a room, one in fifty a drawing on ruled paper (whose faint lines the cleaner ignores) and
 * one in fifty on squared paper (which it refuses as cluttered).
 */
export function writeSet(out: string, count: number, seed: number, long: number, drawings: Drawing[]): Entry[] {
  mkdirSync(out, { recursive: true });
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const rng = createRng((seed + i * 0x9e3779b1) >>> 0);
    const photo = `${String(i).padStart(4, '0')}.jpg`;
    const roll = rng.next();
    if (roll < 0.05) {
      const room = renderRoom(rng, long, Math.round(long * 0.75));
      writeFileSync(join(out, photo), encodeStored(room, 1, 85));
      entries.push({ photo, expect: 'not-paper', notes: 'room' });
      continue;
    }
    if (roll < 0.1) {
      const { jpeg, scene } = makePhoto('blank', rng, long);
      writeFileSync(join(out, photo), jpeg);
      entries.push({ photo, expect: 'blank', notes: describe(scene) });
      continue;
    }
    let source = drawings[rng.int(drawings.length)]!.path;
    if (roll < 0.18) {
      source = photo.replace('.jpg', '.source.png');
      writeFileSync(join(out, source), shapePng((['ellipse', 'rectangle', 'triangle'] as const)[rng.int(3)]!, rng));
    }
    const ruled = roll > 0.96;
    const ruling = roll > 0.98 ? 'squared' : 'ruled';
    const { jpeg, scene } = makePhoto({ png: readFileSync(resolve(out, source)) }, rng, long, ruled ? { ruling } : {});
    writeFileSync(join(out, photo), jpeg);
    entries.push({
      photo,
      source,
      expect: ruling === 'squared' && ruled ? 'cluttered' : 'drawing',
      notes: describe(scene),
    });
  }
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(entries, null, 1)}\n`);
  return entries;
}

export function describe(scene: ReturnType<typeof makePhoto>['scene']): string {
  const table = scene.table.colour.map((c) => Math.round(c * 255)).join(',');
  return [
    `${scene.ink.kind} ink ${scene.ink.strength.toFixed(2)}`,
    scene.ruling === 'plain' ? '' : `${scene.ruling} paper`,
    `table ${table}`,
    `exposure ${scene.light.exposure.toFixed(2)}`,
    scene.shadow ? `shadow ${scene.shadow.strength.toFixed(2)}` : 'no shadow',
    scene.finger ? 'finger' : '',
    `q${scene.quality}`,
    `orientation ${scene.orientation}`,
  ]
    .filter(Boolean)
    .join(', ');
}
