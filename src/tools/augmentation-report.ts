// How much augmentation helps a model trained on the bundled set recognise other people's drawings:
// trains every preset from several seeds on the fast CPU path and scores each model on the test
// split, the bundled hard split, and shapes drawn with a mouse (test/fixtures/drawn).
// Rerun: npm run augmentation -- [--epochs 100] [--seeds 3,4,5]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AUGMENT_PRESETS, TUTORIAL_SETTINGS, type AugmentPreset } from '../shared/api';
import { loadDataset, type Dataset } from '../engine/data/dataset';
import { initNodeEngine } from '../engine/node/engine';
import { decodeFile, listFolder } from '../engine/node/listing';
import { evaluate } from '../engine/train/evaluate';
import { trainNewModel } from '../engine/train/new-model';

const { values } = parseArgs({ options: { epochs: { type: 'string' }, seeds: { type: 'string' } } });
const epochs = Number(values.epochs ?? 100);
const seeds = (values.seeds ?? '3,4,5').split(',').map(Number);
const ROOT = 'public/data/shapes';

await initNodeEngine();
const load = async (dir: string, classNames?: string[]) =>
  loadDataset(await listFolder(dir), decodeFile, { classNames });
const train = await load(join(ROOT, 'train'));
const sets: Record<string, Dataset> = {
  test: await load(join(ROOT, 'test'), train.classNames),
  hard: await load(join(ROOT, 'hard'), train.classNames),
  drawn: await load('test/fixtures/drawn', train.classNames),
};
const runs: [label: string, preset: AugmentPreset, epochs: number][] = [
  ['tutorial (no augmentation)', 'none', TUTORIAL_SETTINGS.epochs],
  ...Object.keys(AUGMENT_PRESETS).map((p): [string, AugmentPreset, number] => [p, p as AugmentPreset, epochs]),
];
const percent = (xs: number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return `${Math.round(mean * 100)}% (${Math.round(Math.min(...xs) * 100)}–${Math.round(Math.max(...xs) * 100)})`;
};
const lines = [
  `| training | epochs | test (${sets.test!.labels.length}) | hard (${sets.hard!.labels.length}) | drawn with a mouse (${sets.drawn!.labels.length}) |`,
  '|---|---|---|---|---|',
];
for (const [label, preset, runEpochs] of runs) {
  const scores: Record<string, number[]> = { test: [], hard: [], drawn: [] };
  for (const seed of seeds) {
    const { model } = await trainNewModel({
      train,
      settings: { ...TUTORIAL_SETTINGS, epochs: runEpochs, seed, augment: AUGMENT_PRESETS[preset] },
      backend: 'wasm-simd',
    });
    for (const [name, data] of Object.entries(sets)) scores[name]!.push((await evaluate(model, data)).accuracy);
    model.dispose();
  }
  lines.push(
    `| ${label} | ${runEpochs} | ${percent(scores.test!)} | ${percent(scores.hard!)} | ${percent(scores.drawn!)} |`,
  );
  console.error(lines.at(-1));
}
console.log(`Accuracy, mean (min–max) over seeds ${seeds.join(', ')}; batch 3, Adam 1e-3; \`npm run augmentation\`.\n`);
console.log(lines.join('\n'));
