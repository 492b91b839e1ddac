import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAIN_RESIZE, type DatasetIndex, type StarterIndex } from '../../src/shared/api';
import { loadStarter } from '../../src/cli/load';
import { initNodeEngine } from '../../src/engine/node/engine';

const DATA = 'public/data';
const starter = JSON.parse(readFileSync(join(DATA, 'starter/index.json'), 'utf8')) as StarterIndex;
const tutorial = JSON.parse(readFileSync(join(DATA, 'shapes/index.json'), 'utf8')) as DatasetIndex;

const personOf = (name: string) => name.slice(0, name.indexOf('/'));
const people = (split: 'train' | 'test') => new Set(Object.values(starter.splits[split].files).flat().map(personOf));
const bytesUnder = (dir: string): number =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);

describe('the bundled drawings', () => {
  it('are real drawings with their attribution and licence beside them', () => {
    const notice = readFileSync(join(DATA, 'NOTICE.md'), 'utf8');
    expect(notice).toContain('Hand-drawn Shapes (HDS) Dataset © 2022 Francois Robert, CC BY 4.0');
    expect(notice).toContain('https://creativecommons.org/licenses/by/4.0/');
    expect(starter.attribution).toContain('CC BY 4.0');
  });

  it('keep the tutorial-sized split: 15 training and 5 test images per class, and a hard split', () => {
    expect(tutorial.classes).toEqual(['circle', 'rectangle', 'triangle']);
    for (const name of tutorial.classes) {
      expect(tutorial.splits.train[name]).toHaveLength(15);
      expect(tutorial.splits.test[name]).toHaveLength(5);
      expect(tutorial.splits.hard[name]!.length).toBeGreaterThan(0);
    }
  });

  it('test the starter set on people who are not in its training split, every class from several people', () => {
    const [train, test] = [people('train'), people('test')];
    expect([...test].filter((p) => train.has(p))).toEqual([]);
    expect(train.size).toBeGreaterThanOrEqual(20);
    for (const className of starter.classes) {
      expect(new Set(starter.splits.test.files[className]!.map(personOf)).size).toBeGreaterThan(1);
    }
    expect(starter.classes).toEqual(['circle', 'other', 'rectangle', 'triangle']);
  });

  it('fit the budget of what the service worker precaches for them (1.5 MB)', () => {
    expect(bytesUnder(join(DATA, 'starter')) + bytesUnder(join(DATA, 'shapes'))).toBeLessThan(1.5e6);
  });

  it('decode from the atlases as the app reads them, with or without the class other', async () => {
    await initNodeEngine();
    const all = await loadStarter('starter', PLAIN_RESIZE);
    const count = (split: 'train' | 'test') => Object.values(starter.splits[split].files).flat().length;
    expect(all.train.labels).toHaveLength(count('train'));
    expect(all.test.labels).toHaveLength(count('test'));
    expect(all.train.sources).toHaveLength(count('train'));
    // Every tile holds a drawing: some ink, mostly paper.
    for (let i = 0; i < all.train.labels.length; i += 97) {
      const image = all.train.images.subarray(i * 24 * 24 * 3, (i + 1) * 24 * 24 * 3);
      const ink = image.filter((v) => v < 0.5).length / image.length;
      expect(ink).toBeGreaterThan(0.005);
      expect(ink).toBeLessThan(0.5);
    }
    const shapes = await loadStarter('starter-shapes', PLAIN_RESIZE);
    expect(shapes.train.classNames).toEqual(['circle', 'rectangle', 'triangle']);
    expect(shapes.train.labels.length).toBe(count('train') - starter.splits.train.files.other!.length);
  });
});
