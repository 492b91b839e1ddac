import { initNodeEngine } from '../engine/node/engine';
import { preprocessOf } from '../engine/data/preprocess';
import { evaluate } from '../engine/train/evaluate';
import { parse, required } from './args';
import { formatEvaluation } from './format';
import { classList, loadEvaluationData, loadModel } from './load';

const HELP = `Usage: shapes evaluate --model DIR|ZIP|KERAS [--classes A,B,...] --data DIR|ZIP [--json]

Scores a saved model on a folder with one sub-folder of images per class (other/ for drawings
that are none of the shapes, if the model has that class), or on a .zip (its test/ split if it
has one, else all of its class folders). Images go through the preprocessing the model records.

Options:
  --model DIR|ZIP|KERAS   a model saved by 'shapes train', a model .zip exported by the app, or a
                          Keras .keras/.h5 of the tutorial's CNN
  --classes A,B,...       a Keras model's class names in output order (class_indices order), if
                          the file does not name them and there is no MODEL.classes.txt
  --data DIR|ZIP          class sub-folders (e.g. public/data/shapes/test), or a dataset .zip
  --json                  print one JSON object: { accuracy, loss, classIndices, perClass, confusion }
  -h, --help              show this help`;

export async function evaluateCommand(args: string[]): Promise<void> {
  const { values } = parse(args, {
    model: { type: 'string' },
    classes: { type: 'string' },
    data: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) return void console.log(HELP);
  const modelDir = required(values.model, 'model');
  const dataDir = required(values.data, 'data');
  const classes = classList(values.classes);
  await initNodeEngine();
  const { model, metadata } = await loadModel(modelDir, classes);
  try {
    const { classNames, inputSize } = metadata;
    const preprocess = preprocessOf(metadata);
    const data = await loadEvaluationData(dataDir, classNames, inputSize, preprocess);
    const result = await evaluate(model, data, preprocess);
    if (values.json) {
      const { accuracy, loss, classIndices, perClass, confusion } = result;
      console.log(JSON.stringify({ accuracy, loss, classIndices, perClass, confusion }));
    } else {
      console.log(`Found ${result.count} images belonging to ${metadata.classNames.length} classes.`);
      console.log(formatEvaluation(result, 'Evaluation'));
    }
  } finally {
    model.dispose();
  }
}
