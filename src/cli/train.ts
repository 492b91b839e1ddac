import { availableParallelism } from 'node:os';
import { foundMessage } from '../engine/data/dataset';
import { modelToFiles } from '../engine/io/model-files';
import { summaryText } from '../engine/model/model';
import { initNodeEngine } from '../engine/node/engine';
import { trainNewModel } from '../engine/train/new-model';
import { AUGMENT_PRESETS, TUTORIAL_SETTINGS, type AugmentPreset } from '../shared/api';
import { kerasProgressLine } from '../shared/epoch-log';
import { fraction, integer, parse, positive, UsageError } from './args';
import { formatEvaluation } from './format';
import { BUNDLED_DATA, DEFAULT_MODEL_DIR, loadSplits, saveModel } from './load';

const HELP = `Usage: shapes train [options]

Trains the tutorial's CNN on DIR/train, validating on DIR/test every epoch, evaluates it on
DIR/test and saves it. DIR/train and DIR/test hold one sub-folder of PNG/JPEG images per class.
A .zip exported by the app (train/<class>/…, test/<class>/…) works too, and so does a project
file saved by the app (its samples; the starter set and the saved models in it are not read) and
a .zip of bare class folders, from which --test-fraction of each class is held out for testing.

Options:
  --data DIR|ZIP        the dataset or the app's project .zip (default: the bundled shapes
                        dataset, ${BUNDLED_DATA})
  --test-fraction X     share of each class held out from a .zip of bare class folders (default 0.2)
  --epochs N            epochs (default ${TUTORIAL_SETTINGS.epochs})
  --batch-size N        batch size (default ${TUTORIAL_SETTINGS.batchSize})
  --learning-rate X     Adam learning rate (default ${TUTORIAL_SETTINGS.learningRate})
  --seed N              seed for weights and shuffling (default ${TUTORIAL_SETTINGS.seed})
  --augment PRESET      augmentation: ${Object.keys(AUGMENT_PRESETS).join(', ')} (default none, as the
                        tutorial; the app trains with 'drawings' for 100 epochs)
  --backend NAME        wasm-simd (WebAssembly SIMD kernels, the default) or cpu (tfjs's
                        reference backend, hundreds of times slower); both give the same results
  --threads N           threads for wasm-simd (default: every core, ${availableParallelism()} here); every
                        count computes the same numbers, 1 trains on this thread alone
  --out DIR|ZIP         where to save the model: a folder, or a .zip the app can import
                        (default: ${DEFAULT_MODEL_DIR}, under the current folder)
  -h, --help            show this help`;

export async function trainCommand(args: string[]): Promise<void> {
  const { values } = parse(args, {
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
  const settings = {
    epochs: integer(values.epochs, 'epochs', TUTORIAL_SETTINGS.epochs),
    batchSize: integer(values['batch-size'], 'batch-size', TUTORIAL_SETTINGS.batchSize),
    learningRate: positive(values['learning-rate'], 'learning-rate', TUTORIAL_SETTINGS.learningRate),
    seed: integer(values.seed, 'seed', TUTORIAL_SETTINGS.seed, 0),
    ...(values.threads === undefined ? {} : { threads: integer(values.threads, 'threads', 1) }),
  };
  const testFraction = fraction(values['test-fraction'], 'test-fraction', 0.2);
  const preset = (values.augment ?? 'none') as AugmentPreset;
  if (!(preset in AUGMENT_PRESETS)) {
    throw new UsageError(`--augment: expected one of ${Object.keys(AUGMENT_PRESETS).join(', ')}, got '${preset}'`);
  }
  const augment = AUGMENT_PRESETS[preset];
  const backend = values.backend ?? 'wasm-simd';
  if (backend !== 'wasm-simd' && backend !== 'cpu')
    throw new UsageError(`--backend: expected wasm-simd or cpu, got '${backend}'`);
  const dataDir = values.data ?? BUNDLED_DATA;
  const out = values.out ?? DEFAULT_MODEL_DIR;
  await initNodeEngine();
  const { train, test } = await loadSplits(dataDir, testFraction, settings.seed);
  console.log(foundMessage(train));
  console.log(foundMessage(test));
  const progress = process.stderr.isTTY
    ? ({ batch, batches }: { batch: number; batches: number }) => process.stderr.write(`\r${batch}/${batches}`)
    : undefined;
  const batches = Math.ceil(train.labels.length / settings.batchSize);
  const { model, outcome, metadata } = await trainNewModel({
    train,
    test,
    settings: { ...settings, augment, backend },
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
