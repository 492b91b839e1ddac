import { readFile } from 'node:fs/promises';
import { DataError } from '../engine/data/errors';
import { drawingInPhoto } from '../engine/data/photo';
import { modelInput, preprocessOf } from '../engine/data/preprocess';
import { decodeImage } from '../engine/node/decode';
import { initNodeEngine } from '../engine/node/engine';
import { predictProbabilities, toPredictions } from '../engine/train/evaluate';
import { parse, required, UsageError } from './args';
import { formatClassIndices, formatRow } from './format';
import { classList, loadModel } from './load';
import { classIndicesOf } from '../engine/data/dataset';

const HELP = `Usage: shapes predict --model DIR|ZIP|KERAS [--classes A,B,...] [--photo] IMAGE... [--json]

Classifies PNG or JPEG images with a saved model and prints one probability row per image, in the
order of class_indices, after the preprocessing the model records (fit to frame for the app's
models). A model with the class 'other' labels a drawing that is none of its shapes 'other'.

Options:
  --model DIR|ZIP|KERAS  a model saved by 'shapes train', a model .zip exported by the app, or a
                         Keras .keras/.h5 of the tutorial's CNN
  --classes A,B,...      a Keras model's class names in output order (class_indices order), if
                         the file does not name them and there is no MODEL.classes.txt
  --photo                the images are photos of drawings on paper: find the drawing in each
                         (paper, lighting and table removed, cropped to the ink) first, as the
                         app does with a photo; a photo with no drawing found is refused, named
  --json                 print a JSON array of { file, probabilities, label }
  -h, --help             show this help`;

export async function predictCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(
    args,
    { model: { type: 'string' }, classes: { type: 'string' }, photo: { type: 'boolean' }, json: { type: 'boolean' } },
    true,
  );
  if (values.help) return void console.log(HELP);
  const modelDir = required(values.model, 'model');
  const classes = classList(values.classes);
  if (positionals.length === 0) throw new UsageError('give at least one IMAGE file');
  await initNodeEngine();
  const { model, metadata } = await loadModel(modelDir, classes);
  try {
    const [h, w] = metadata.inputSize;
    const preprocess = preprocessOf(metadata);
    const images = new Float32Array(positionals.length * h * w * 3);
    for (const [i, file] of positionals.entries()) {
      const bytes = await readFile(file).catch(() => {
        throw new DataError(file, 'unreadableFile');
      });
      const decoded = decodeImage(new Uint8Array(bytes), file);
      const image = values.photo ? drawingInPhoto(decoded, file) : decoded;
      images.set(modelInput(image, metadata.inputSize, preprocess), i * h * w * 3);
    }
    const rows = toPredictions(
      await predictProbabilities(model, images, metadata.inputSize, preprocess),
      metadata.classNames,
    );
    if (values.json) {
      console.log(JSON.stringify(rows.map((row, i) => ({ file: positionals[i], ...row }))));
      return;
    }
    console.log(`class_indices: ${formatClassIndices(classIndicesOf(metadata.classNames))}`);
    for (const [i, row] of rows.entries())
      console.log(`${positionals[i]}: ${formatRow(row.probabilities)} → ${row.label}`);
  } finally {
    model.dispose();
  }
}
