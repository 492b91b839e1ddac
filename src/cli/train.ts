import { join } from 'node:path';
import { DEFAULT_SETTINGS, type ModelMetadata } from '../shared/api';
import { foundMessage } from '../worker/data/dataset';
import { modelToFiles } from '../worker/io/model-files';
import { createModel, summarize, summaryText } from '../worker/model/model';
import { initNodeEngine } from '../worker/node/engine';
import { writeModelFolder } from '../worker/node/model-folder';
import { FastSession } from '../worker/fast/session';
import { readFastKernelsWasm } from '../worker/node/fast-wasm-file';
import { formatEpoch } from '../worker/train/fit';
import { trainModel } from '../worker/train/run';
import { integer, parse, positive, UsageError } from './args';
import { formatEvaluation } from './format';
import { BUNDLED_DATA, DEFAULT_MODEL_DIR, loadFolder } from './load';

const HELP = `Usage: shapes train [options]

Trains the tutorial's CNN on DIR/train, validating on DIR/test every epoch, evaluates it on
DIR/test and saves it. DIR/train and DIR/test hold one sub-folder of PNG/JPEG images per class.

Options:
  --data DIR            dataset folder (default: the bundled shapes dataset, ${BUNDLED_DATA})
  --epochs N            epochs (default ${DEFAULT_SETTINGS.epochs})
  --batch-size N        batch size (default ${DEFAULT_SETTINGS.batchSize})
  --learning-rate X     Adam learning rate (default ${DEFAULT_SETTINGS.learningRate})
  --seed N              seed for weights and shuffling (default ${DEFAULT_SETTINGS.seed})
  --backend NAME        wasm-simd (WebAssembly SIMD kernels, the default) or cpu (tfjs's
                        reference backend, about 300 times slower); both give the same results
  --out DIR             where to save the model (default: ${DEFAULT_MODEL_DIR}, under the current folder)
  -h, --help            show this help`;

export async function trainCommand(args: string[]): Promise<void> {
  const { values } = parse(args, {
    data: { type: 'string' },
    epochs: { type: 'string' },
    'batch-size': { type: 'string' },
    'learning-rate': { type: 'string' },
    seed: { type: 'string' },
    backend: { type: 'string' },
    out: { type: 'string' },
  });
  if (values.help) return void console.log(HELP);
  const settings = {
    epochs: integer(values.epochs, 'epochs', DEFAULT_SETTINGS.epochs),
    batchSize: integer(values['batch-size'], 'batch-size', DEFAULT_SETTINGS.batchSize),
    learningRate: positive(values['learning-rate'], 'learning-rate', DEFAULT_SETTINGS.learningRate),
    seed: integer(values.seed, 'seed', DEFAULT_SETTINGS.seed, 0),
  };
  const backend = values.backend ?? 'wasm-simd';
  if (backend !== 'wasm-simd' && backend !== 'cpu') throw new UsageError(`--backend: expected wasm-simd or cpu, got '${backend}'`);
  const dataDir = values.data ?? BUNDLED_DATA;
  const out = values.out ?? DEFAULT_MODEL_DIR;
  await initNodeEngine();
  const train = await loadFolder(join(dataDir, 'train'));
  console.log(foundMessage(train));
  const test = await loadFolder(join(dataDir, 'test'), train.classNames, train.size);
  console.log(foundMessage(test));
  const progress = process.stderr.isTTY
    ? ({ batch, batches }: { batch: number; batches: number }) => process.stderr.write(`\r${batch}/${batches}`)
    : undefined;
  const model = createModel({
    inputSize: train.size,
    classes: train.classNames.length,
    seed: settings.seed,
    learningRate: settings.learningRate,
  });
  console.log(summaryText(summarize(model)));
  const outcome = await trainModel(model, {
    train,
    test,
    settings,
    onBatch: progress,
    session:
      backend === 'wasm-simd'
        ? (m, a, b) => FastSession.create(m, a, b, { wasm: readFastKernelsWasm(), learningRate: settings.learningRate })
        : undefined,
    onEpoch: (log) => {
      if (progress) process.stderr.write('\r');
      console.log(formatEpoch(log));
    },
  });
  console.log(formatEvaluation(outcome.evaluation!, 'Test'));
  const metadata: ModelMetadata = {
    classNames: train.classNames,
    inputSize: train.size,
    backend,
    date: new Date().toISOString(),
    settings: { ...settings, backend },
    history: outcome.history,
    evaluation: outcome.evaluation,
  };
  await writeModelFolder(out, await modelToFiles(model, metadata));
  model.dispose();
  console.log(`Saved the model to ${out}`);
}
