import { availableParallelism } from 'node:os';
import { foundMessage } from '../engine/data/dataset';
import { modelToFiles } from '../engine/io/model-files';
import { summaryText } from '../engine/model/model';
import { initNodeEngine } from '../engine/node/engine';
import { trainNewModel } from '../engine/train/new-model';
import { preprocessFor } from '../engine/data/preprocess';
import {
  AUGMENT_PRESETS,
  DEFAULT_SETTINGS,
  TUTORIAL_SETTINGS,
  type AugmentPreset,
  type TrainSettings,
} from '../shared/api';
import { kerasProgressLine } from '../shared/epoch-log';
import { fraction, integer, parse, positive, UsageError } from './args';
import { formatEvaluation } from './format';
import { BUNDLED_DATA, DEFAULT_MODEL_DIR, loadSplits, loadStarter, STARTER_DATA, saveModel } from './load';

const HELP = `Usage: shapes train [options]

Trains the tutorial's CNN on DIR/train, validating on DIR/test every epoch, evaluates it on
DIR/test and saves it. DIR/train and DIR/test hold one sub-folder of PNG/JPEG images per class.
A .zip exported by the app (train/<class>/…, test/<class>/…) works too, and so does a project
file saved by the app (its samples; the starter set and the saved models in it are not read) and
a .zip of bare class folders, from which --test-fraction of each class is held out for testing.

With --app-defaults it trains what the app trains by default instead: its real-drawing starter
set (${STARTER_DATA}, with the class 'other'), every drawing fitted to the frame, training
drawings redrawn, ${DEFAULT_SETTINGS.epochs} epochs of batches of ${DEFAULT_SETTINGS.batchSize}, seed ${DEFAULT_SETTINGS.seed}; the model records the fitting,
so predict and evaluate repeat it. Other options given with it change that one setting.

Options:
  --app-defaults        the app's default model, data and pipeline (see above)
  --data DIR|ZIP        the dataset or the app's project .zip (default: the tutorial-sized split of
                        the bundled drawings, ${BUNDLED_DATA})
  --test-fraction X     share of each class held out from a .zip of bare class folders (default 0.2)
  --epochs N            epochs (default ${TUTORIAL_SETTINGS.epochs})
  --batch-size N        batch size (default ${TUTORIAL_SETTINGS.batchSize})
  --learning-rate X     Adam learning rate (default ${TUTORIAL_SETTINGS.learningRate})
  --seed N              seed for weights and shuffling (default ${TUTORIAL_SETTINGS.seed})
  --augment PRESET      Keras-style augmentation: ${Object.keys(AUGMENT_PRESETS).join(', ')} (default none, as
                        the tutorial; with --app-defaults it replaces the redrawing)
  --backend NAME        wasm-simd (WebAssembly SIMD kernels, the default) or cpu (tfjs's
                        reference backend, hundreds of times slower); both give the same results
  --threads N           threads for wasm-simd (default: every core, ${availableParallelism()} here); every
                        count computes the same numbers, 1 trains on this thread alone
  --out DIR|ZIP         where to save the model: a folder, or a .zip the app can import
                        (default: ${DEFAULT_MODEL_DIR}, under the current folder)
  -h, --help            show this help`;

export async function trainCommand(args: string[]): Promise<void> {
  const { values } = parse(args, {
    'app-defaults': { type: 'boolean' },
    data: { type: 'string' },
    epochs: { type: 'string' },
    'batch-size': { type: 'string' },
    'learning-rate': { type: 'string' },
    seed: { type: 'string' },
    'test-fraction': { type: 'string' },
    augment: { type: 'string' },
    backend: { type: 'string' },
    threads: { type: 'string' },
    out: { type: 'string' },
  });
  if (values.help) return void console.log(HELP);
  const base: TrainSettings = values['app-defaults'] ? DEFAULT_SETTINGS : TUTORIAL_SETTINGS;
  const settings = {
    ...base,
    epochs: integer(values.epochs, 'epochs', base.epochs),
    batchSize: integer(values['batch-size'], 'batch-size', base.batchSize),
    learningRate: positive(values['learning-rate'], 'learning-rate', base.learningRate),
    seed: integer(values.seed, 'seed', base.seed, 0),
    ...(values.threads === undefined ? {} : { threads: integer(values.threads, 'threads', 1) }),
  };
  const testFraction = fraction(values['test-fraction'], 'test-fraction', 0.2);
  const preset = values.augment as AugmentPreset | undefined;
  if (preset !== undefined && !(preset in AUGMENT_PRESETS)) {
    throw new UsageError(`--augment: expected one of ${Object.keys(AUGMENT_PRESETS).join(', ')}, got '${preset}'`);
  }
  // A preset replaces the redrawing, as choosing one does in the app.
  const augmentation = preset ? { augment: AUGMENT_PRESETS[preset], redraw: undefined } : {};
  const backend = values.backend ?? 'wasm-simd';
  if (backend !== 'wasm-simd' && backend !== 'cpu')
    throw new UsageError(`--backend: expected wasm-simd or cpu, got '${backend}'`);
  const out = values.out ?? DEFAULT_MODEL_DIR;
  await initNodeEngine();
  const preprocess = preprocessFor(settings);
  const { train, test } =
    values['app-defaults'] && !values.data
      ? await loadStarter('starter', preprocess)
      : await loadSplits(values.data ?? BUNDLED_DATA, testFraction, settings.seed, preprocess);
  console.log(foundMessage(train));
  console.log(foundMessage(test));
  const progress = process.stderr.isTTY
    ? ({ batch, batches }: { batch: number; batches: number }) => process.stderr.write(`\r${batch}/${batches}`)
    : undefined;
  const batches = Math.ceil(train.labels.length / settings.batchSize);
  const { model, outcome, metadata } = await trainNewModel({
    train,
    test,
    settings: { ...settings, ...augmentation, backend },
    backend,
    onBatch: progress,
    onStart: (summary) => console.log(summaryText(summary)),
    onEpoch: (log) => {
      if (progress) process.stderr.write('\r');
      console.log(`Epoch ${log.epoch}/${log.epochs}`);
      console.log(kerasProgressLine(log, batches));
    },
  });
  try {
    if (outcome.evaluation) console.log(formatEvaluation(outcome.evaluation, 'Test'));
    await saveModel(out, await modelToFiles(model, metadata));
  } finally {
    model.dispose();
  }
  console.log(`Saved the model to ${out}`);
}
