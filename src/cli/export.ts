import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { DataError } from '../engine/data/errors';
import { modelToH5 } from '../engine/io/keras/export-h5';
import { modelToKeras } from '../engine/io/keras/export-keras';
import { modelToOnnx, ONNX_OPSET } from '../engine/io/onnx/export-onnx';
import { initNodeEngine } from '../engine/node/engine';
import { parse, required, UsageError } from './args';
import { classList, loadModel } from './load';

const WRITERS = { keras: modelToKeras, h5: modelToH5, onnx: modelToOnnx } as const;
type Format = keyof typeof WRITERS;
const EXTENSIONS: Record<string, Format> = { '.keras': 'keras', '.h5': 'h5', '.hdf5': 'h5', '.onnx': 'onnx' };

const HELP = `Usage: shapes export --model DIR|ZIP|KERAS --out FILE [--format keras|h5|onnx]

Writes a saved model for other runtimes:
  keras  a Keras 3 .keras archive, for keras.models.load_model('model.keras')
  h5     a legacy Keras HDF5 .h5 in Keras 2's layout, which Keras 2 and Keras 3 both load
  onnx   an ONNX model (opset ${ONNX_OPSET}) for ONNX Runtime and other ONNX runtimes

Each takes what the app feeds its model, float32 [N, 24, 24, 3] (NHWC) in [0, 1]: the image
composited onto white, resized to 24x24 by area averaging, divided by 255. Each gives softmax
probabilities in class_indices order. The class names, preprocessing and training metadata ride
along under "shape_cnn" (in the .keras metadata.json, as an .h5 attribute, in ONNX metadata_props).

Options:
  --model DIR|ZIP|KERAS  a model saved by 'shapes train', a model .zip exported by the app, or a
                         Keras .keras/.h5 of the tutorial's CNN
  --classes A,B,...      a Keras model's class names in output order, if the file lacks them
  --out FILE             the file to write; replaced only once the new one is complete
  --format FORMAT        keras, h5 or onnx (default: from the extension of --out)
  -h, --help             show this help`;

function formatOf(value: string | undefined, out: string): Format {
  if (value === undefined) {
    const format = EXTENSIONS[extname(out).toLowerCase()];
    if (!format)
      throw new UsageError(`--format is required when --out does not end in ${Object.keys(EXTENSIONS).join(', ')}`);
    return format;
  }
  if (!(value in WRITERS)) throw new UsageError(`--format: expected keras, h5 or onnx, got '${value}'`);
  return value as Format;
}

/** Writes beside the target, then renames over it: a failed export leaves no file and no half-written one. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const staging = join(dirname(path), `.${basename(path)}.export-${process.pid}-${Date.now()}`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(staging, bytes);
    await rename(staging, path);
  } catch (error) {
    await rm(staging, { force: true });
    throw new DataError(path, 'folderNotSaved', { detail: (error as Error).message });
  }
}

export async function exportCommand(args: string[]): Promise<void> {
  const { values } = parse(args, {
    model: { type: 'string' },
    classes: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
  });
  if (values.help) return void console.log(HELP);
  const modelPath = required(values.model, 'model');
  const out = required(values.out, 'out');
  const format = formatOf(values.format, out);
  const classes = classList(values.classes);
  await initNodeEngine();
  const { model, metadata } = await loadModel(modelPath, classes);
  try {
    await writeAtomically(out, await WRITERS[format](model, metadata, modelPath));
  } finally {
    model.dispose();
  }
  console.log(
    `Wrote ${format} model (${metadata.classNames.length} classes: ${metadata.classNames.join(', ')}) to ${out}`,
  );
}
