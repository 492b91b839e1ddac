// Person-disjoint measurement of the preprocessing pipeline and training recipe: trains each recipe
// on some people's drawings and scores it on other people's (their drawings, a hard set made from
// them, mouse drawings, the old synthetic hard split). With --folds it cross-validates over the
// training people instead (for choosing settings); without, it reports on --test-people once.
// Rerun: npx tsx src/tools/pipeline-report.ts --help
import { parseArgs } from 'node:util';
import { initNodeEngine } from '../engine/node/engine';
import { readFastKernelsWasm } from '../engine/node/fast-wasm-file';
import { forModel, runRecipe, type Recipe, type RunResult } from './pipeline/experiment';
import { loadPeople, peopleOf, personFolds, type Drawing } from './pipeline/people';
import { RECIPES } from './pipeline/recipes';
import { bundleSizes, bundleTable } from './pipeline/bundle';
import { loadFolderSets, pickTraining, testSets, testSource, trainSet } from './pipeline/sets';
import { averageRuns, kindTable, table, type Row } from './pipeline/table';

const HELP = `npx tsx src/tools/pipeline-report.ts [options]
  --data DIR             drawings as DIR/<person>/<class>/<file> (default /work/data/hds)
  --rename a=b,…         folder → class names (default ellipse=circle)
  --test-people a,b,…    people held out for the report; never trained on (default: ${'u03,u10,if3,nld,crt,lrt'})
  --folds K              cross-validate over the other people in K person-disjoint folds instead
  --recipes a,b,…        from: ${Object.keys(RECIPES).join(', ')} (default tutorial,app)
  --set JSON             overrides merged into every recipe but the tutorial's, e.g. '{"epochs":10}'
  --seeds 3,4,5          training seeds (default 3,4,5)
  --cap N                drawings loaded per class per person (default 150)
  --test-per-class N     held-out drawings scored per class per person (default 40)
  --validate N           images validated every epoch, as the app does with its test split (default 0)
  --data-seed N          seeds which drawings are loaded, held out and made hard (default 1)`;

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '/work/data/hds' },
    rename: { type: 'string', default: 'ellipse=circle' },
    'test-people': { type: 'string', default: 'u03,u10,if3,nld,crt,lrt' },
    folds: { type: 'string' },
    recipes: { type: 'string', default: 'tutorial,app' },
    set: { type: 'string' },
    seeds: { type: 'string', default: '3,4,5' },
    cap: { type: 'string', default: '150' },
    'test-per-class': { type: 'string', default: '40' },
    validate: { type: 'string', default: '0' },
    'data-seed': { type: 'string', default: '1' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const list = (s: string) => s.split(',').filter(Boolean);
const seeds = list(values.seeds).map(Number);
const dataSeed = Number(values['data-seed']);
const overrides = values.set ? (JSON.parse(values.set) as Partial<Recipe>) : {};
const recipes = list(values.recipes).map((key) => {
  const recipe = RECIPES[key];
  if (!recipe) throw new Error(`unknown recipe ${key}; known: ${Object.keys(RECIPES).join(', ')}`);
  return key === 'tutorial' ? recipe : { ...recipe, ...overrides };
});

await initNodeEngine();
const wasm = readFastKernelsWasm();
const rename = Object.fromEntries(list(values.rename).map((pair) => pair.split('=') as [string, string]));
const all = await loadPeople(values.data, { cap: Number(values.cap), seed: dataSeed, rename });
const folders = await loadFolderSets();
const testPeople = list(values['test-people']);
const rest = all.filter((d) => !testPeople.includes(d.person));

/** [training drawings, held-out drawings] per split: the report's one, or K folds of the rest. */
const splits: [Drawing[], Drawing[], string][] = values.folds
  ? personFolds(rest, Number(values.folds), dataSeed).map((group) => [
      rest.filter((d) => !group.includes(d.person)),
      rest.filter((d) => group.includes(d.person)),
      group.join(','),
    ])
  : [[rest, all.filter((d) => testPeople.includes(d.person)), testPeople.join(',')]];

const testOptions = { perClass: Number(values['test-per-class']), seed: dataSeed };
const sources = splits.map(([, heldOut]) => testSource(heldOut, folders, testOptions));
const rows: Row[] = [];
let sizes: Record<string, number> = {};
for (const recipe of recipes) {
  const bySeed: RunResult[] = [];
  for (const seed of seeds) {
    const runs: RunResult[] = [];
    for (const [i, [train]] of splits.entries()) {
      const { sets, blank } = testSets(sources[i]!, recipe.pipeline);
      if (blank) console.error(`  ${blank} test images had no ink found; resized whole`);
      const trainData = trainSet(train, recipe, dataSeed);
      const classNames = trainData.dataset.classNames;
      const validation = Number(values.validate)
        ? forModel(sets.people!, classNames, Number(values.validate))
        : undefined;
      runs.push(await runRecipe(recipe, trainData, sets, seed, wasm, validation));
      sizes = Object.fromEntries(Object.entries(sets).map(([name, set]) => [name, set.labels.length]));
    }
    bySeed.push(averageRuns(runs));
    console.error(
      `${recipe.name} seed ${seed}: ${JSON.stringify(bySeed.at(-1)!.scores.people)} ${bySeed.at(-1)!.seconds.toFixed(1)} s`,
    );
  }
  rows.push({ name: recipe.name, runs: bySeed });
}

console.log(
  `Training people: ${peopleOf(splits[0]![0]).length}${values.folds ? ` per fold (${values.folds} folds)` : ''}; held out: ${splits.map((s) => s[2]).join(' | ')}`,
);
console.log(
  `Mean (min–max) over seeds ${seeds.join(', ')}${values.folds ? ', each the mean over folds' : ''}; set sizes are per split.`,
);
console.log(
  `Rerun: npx tsx src/tools/pipeline-report.ts ${process.argv
    .slice(2)
    .map((a) => (/[\s"{]/.test(a) ? `'${a}'` : a))
    .join(' ')}\n`,
);
console.log(table(rows, sizes));
console.log(`\nThe hard set by kind of change:\n\n${kindTable(rows, sizes)}`);
if (!values.folds) {
  const picked = pickTraining(splits[0]![0], recipes.at(-1)!, dataSeed);
  console.log(
    `\nStarter set as \`${recipes.at(-1)!.name}\` trains on it, deflated (fflate level 9) as raw 8-bit grey:\n`,
  );
  console.log(bundleTable(bundleSizes(picked, [70, 48, 32])));
}
