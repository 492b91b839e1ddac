import { BUNDLED_SETS, fitFrameFrom, type BundledSet, type TrainingDataInfo } from '../../shared/api';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { ModelMetadata } from '../../shared/api';
import { DataError } from '../data/errors';

/** A saved model as files: tfjs's `model.json` + one weights file, plus our metadata. */
export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';
export const METADATA_JSON = 'metadata.json';

export type ModelFiles = Map<string, Uint8Array>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Serialises through the tfjs IO layer, so the files load with `tf.loadLayersModel` anywhere. */
export async function modelToFiles(model: tfl.LayersModel, metadata: ModelMetadata): Promise<ModelFiles> {
  let files: ModelFiles | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0)));
      const modelJson = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        trainingConfig: artifacts.trainingConfig,
        weightsManifest: [{ paths: [`./${WEIGHTS_BIN}`], weights: artifacts.weightSpecs ?? [] }],
      };
      files = new Map([
        [MODEL_JSON, encoder.encode(JSON.stringify(modelJson))],
        [WEIGHTS_BIN, weights],
        [METADATA_JSON, encoder.encode(`${JSON.stringify(metadata, null, 2)}\n`)],
      ]);
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  return files!;
}

const BYTES_PER_DTYPE: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

/**
 * Rebuilds a model from its files, checking each before tfjs sees it: tfjs's own errors for a
 * truncated weights file or a wrong topology don't say which file is at fault.
 */
export async function modelFromFiles(
  files: ModelFiles,
  origin: string,
): Promise<{ model: tfl.LayersModel; metadata: ModelMetadata }> {
  const json = parseJson(files, MODEL_JSON, origin) as tf.io.ModelJSON;
  if (!json || typeof json !== 'object' || !json.modelTopology || !Array.isArray(json.weightsManifest)) {
    throw new DataError(`${origin}/${MODEL_JSON}`, 'notLayersModel');
  }
  const specs = json.weightsManifest.flatMap((group) => group.weights);
  const weights = files.get(WEIGHTS_BIN);
  if (!weights) throw new DataError(`${origin}/${WEIGHTS_BIN}`, 'missingWeights');
  const expected = specs.reduce(
    (sum, spec) => sum + spec.shape.reduce((a, b) => a * b, 1) * (BYTES_PER_DTYPE[spec.dtype] ?? 4),
    0,
  );
  if (weights.byteLength !== expected) {
    throw new DataError(`${origin}/${WEIGHTS_BIN}`, 'weightsSize', { bytes: weights.byteLength, expected });
  }
  const metadata = parseMetadata(parseJson(files, METADATA_JSON, origin), `${origin}/${METADATA_JSON}`);
  const buffer = weights.slice().buffer;
  let model: tfl.LayersModel;
  try {
    model = await tfl.loadLayersModel(
      tf.io.fromMemory(await tf.io.getModelArtifactsForJSON(json, async () => [specs, buffer])),
    );
  } catch (error) {
    throw new DataError(`${origin}/${MODEL_JSON}`, 'modelUnbuildable', { detail: (error as Error).message });
  }
  checkModelMatchesMetadata(model, metadata, origin);
  return { model, metadata };
}

function parseJson(files: ModelFiles, name: string, origin: string): unknown {
  const bytes = files.get(name);
  if (!bytes) throw new DataError(`${origin}/${name}`, 'missingFile');
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    throw new DataError(`${origin}/${name}`, 'notJson');
  }
}

export function parseMetadata(value: unknown, path: string): ModelMetadata {
  const m = value as Partial<ModelMetadata> | null;
  if (!m || typeof m !== 'object') throw new DataError(path, 'notMetadata');
  if (!Array.isArray(m.classNames) || m.classNames.length < 2 || !m.classNames.every((c) => typeof c === 'string')) {
    throw new DataError(path, 'metadataClasses');
  }
  if (
    !Array.isArray(m.inputSize) ||
    m.inputSize.length !== 2 ||
    !m.inputSize.every((d) => Number.isInteger(d) && d > 0)
  ) {
    throw new DataError(path, 'metadataInputSize');
  }
  if (m.data !== undefined && !isTrainingData(m.data)) throw new DataError(path, 'metadataData');
  if (
    m.hardAccuracy !== undefined &&
    !(typeof m.hardAccuracy === 'number' && m.hardAccuracy >= 0 && m.hardAccuracy <= 1)
  ) {
    throw new DataError(path, 'metadataHardAccuracy');
  }
  if (m.preprocess !== undefined) {
    const { fitFrame: fit, averageTurns } = (m.preprocess ?? {}) as { fitFrame?: unknown; averageTurns?: unknown };
    const fitFrame = fit === null ? null : fitFrameFrom(fit);
    // Only a square input turns into itself.
    const turnable =
      averageTurns === undefined ||
      averageTurns === false ||
      (averageTurns === true && m.inputSize[0] === m.inputSize[1]);
    if (fitFrame === undefined || !turnable) throw new DataError(path, 'metadataPreprocess');
    return { ...(m as ModelMetadata), preprocess: averageTurns ? { fitFrame, averageTurns } : { fitFrame } };
  }
  return m as ModelMetadata;
}

function isTrainingData(value: unknown): value is TrainingDataInfo {
  const d = value as Partial<TrainingDataInfo> | null;
  const count = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  return (
    !!d &&
    typeof d === 'object' &&
    count(d.train) &&
    count(d.test) &&
    count(d.own) &&
    (d.bundled === null || BUNDLED_SETS.includes(d.bundled as BundledSet))
  );
}

function checkModelMatchesMetadata(model: tfl.LayersModel, metadata: ModelMetadata, origin: string): void {
  const input = model.inputs[0]!.shape;
  const output = model.outputs[0]!.shape;
  const [h, w] = metadata.inputSize;
  if (input.length !== 4 || input[1] !== h || input[2] !== w || input[3] !== 3) {
    model.dispose();
    throw new DataError(`${origin}/${MODEL_JSON}`, 'inputShape', { shape: input.join(', '), height: h, width: w });
  }
  if (output[output.length - 1] !== metadata.classNames.length) {
    model.dispose();
    throw new DataError(`${origin}/${MODEL_JSON}`, 'outputCount', {
      outputs: output[output.length - 1]!,
      classes: metadata.classNames.length,
    });
  }
}
