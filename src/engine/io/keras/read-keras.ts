import type { Group } from 'h5wasm';
import { DataError } from '../../data/errors';
import { readZip } from '../zip';
import { kerasPaths, type LayerDescription } from './architecture';
import { corrupt, floats, group, namesAttribute, readH5, textAttribute } from './h5';
import { SIDECAR_KEY } from './sidecar';

export interface Weight {
  shape: number[];
  values: Float32Array;
}

/** What a Keras file says, before anything is checked against what the app can run. */
export interface KerasContents {
  /** The Sequential's layers, its InputLayer left out. */
  layers: LayerDescription[];
  inputShape: unknown;
  /** Each layer's weights in the order Keras stores them (kernel, then bias). */
  weights: Map<string, Weight[]>;
  learningRate?: number;
  /** Our metadata, if we wrote the file, and where it was found (for errors). */
  sidecar?: { text: string; where: string };
  date?: string;
}

const decoder = new TextDecoder();
type Json = Record<string, unknown>;

function parse(text: string, where: string): Json {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object') return value as Json;
  } catch {
    // reported below
  }
  throw new DataError(where, 'notJson');
}

/**
 * The layers of a serialised Sequential model: Keras 3 (`batch_shape` on an InputLayer), Keras 2
 * (`batch_input_shape` on the InputLayer or the first layer) or very old Keras 2 (a bare list).
 */
function sequential(config: Json, where: string): Pick<KerasContents, 'layers' | 'inputShape'> {
  if (config.class_name !== 'Sequential') {
    throw corrupt(
      where,
      `a ${String(config.class_name)} model: the app reads only Sequential models like the tutorial's`,
    );
  }
  const inner = config.config as Json | Json[] | undefined;
  const raw = (Array.isArray(inner) ? inner : inner?.layers) as Json[] | undefined;
  if (!Array.isArray(raw)) throw corrupt(where, 'the Sequential config lists no layers');
  const all = raw.map((layer) => {
    const c = (layer.config ?? {}) as Json;
    return { name: String(c.name ?? ''), type: String(layer.class_name), config: c };
  });
  const layers = all.filter((layer, i) => i > 0 || layer.type !== 'InputLayer');
  const first = all[0]?.config;
  const build =
    (Array.isArray(inner) ? undefined : inner?.build_input_shape) ??
    (config.build_config as Json | undefined)?.input_shape;
  const inputShape = first?.batch_shape ?? first?.batch_input_shape ?? build;
  return { layers, inputShape };
}

/** Keras stores the float32 learning rate as a double (0.0010000000474974513): read back as 0.001. */
function learningRateOf(optimizer: unknown): number | undefined {
  const config = (optimizer as { config?: Json } | null)?.config;
  const rate = config?.learning_rate ?? config?.lr;
  if (typeof rate !== 'number' || !(rate > 0) || !Number.isFinite(rate)) return undefined;
  for (let digits = 1; digits < 9; digits++) {
    const short = Number(rate.toPrecision(digits));
    if (Math.fround(short) === Math.fround(rate)) return short;
  }
  return rate;
}

/** A Keras 3 `.keras` archive: config.json, metadata.json and model.weights.h5. */
export async function readKerasArchive(bytes: Uint8Array, origin: string): Promise<KerasContents> {
  const files = new Map(readZip(bytes, origin).map((f) => [f.path, f.bytes]));
  const text = (name: string) => {
    const file = files.get(name);
    if (!file) throw new DataError(`${origin}/${name}`, 'missingFile');
    return decoder.decode(file);
  };
  const config = parse(text('config.json'), `${origin}/config.json`);
  const meta = files.has('metadata.json') ? parse(text('metadata.json'), `${origin}/metadata.json`) : {};
  const weightsFile = files.get('model.weights.h5');
  if (!weightsFile) throw new DataError(`${origin}/model.weights.h5`, 'missingWeights');
  const { layers, inputShape } = sequential(config, `${origin}/config.json`);
  const where = `${origin}/model.weights.h5`;
  const { weights, attribute } = await readH5(weightsFile, where, (file) => ({
    weights: new Map(
      kerasPaths(layers.map((l) => l.type)).map((path, i) => [layers[i]!.name, kerasVars(file, path, where)]),
    ),
    attribute: textAttribute(file, SIDECAR_KEY),
  }));
  const sidecar = meta[SIDECAR_KEY]
    ? { text: JSON.stringify(meta[SIDECAR_KEY]), where: `${origin}/metadata.json` }
    : attribute === undefined
      ? undefined
      : { text: attribute, where };
  const optimizer = (config.compile_config as Json | undefined)?.optimizer;
  const learningRate = learningRateOf(optimizer);
  const date = typeof meta.date_saved === 'string' ? meta.date_saved : undefined;
  return {
    layers,
    inputShape,
    weights,
    ...(learningRate ? { learningRate } : {}),
    ...(sidecar ? { sidecar } : {}),
    ...(date ? { date } : {}),
  };
}

/**
 * `layers/<key>/vars/0, 1, …`, or Keras 2.13's `_layer_checkpoint_dependencies/…` as Keras itself
 * falls back to; none at all reads as no weights, for the shape checks to report.
 */
function kerasVars(file: Group, key: string, where: string): Weight[] {
  const path = [`layers/${key}/vars`, `_layer_checkpoint_dependencies/${key}/vars`].find((p) => file.get(p));
  if (!path) return [];
  const vars = group(file, path, where);
  const keys = vars.keys().sort((a, b) => Number(a) - Number(b));
  return keys.map((key) => floats(vars, key, where));
}

/** A legacy HDF5 `.h5` saved by `model.save` in Keras 2 or Keras 3. */
export async function readKerasH5(bytes: Uint8Array, origin: string): Promise<KerasContents> {
  return readH5(bytes, origin, (file) => {
    const configText = textAttribute(file, 'model_config');
    if (configText === undefined) {
      throw corrupt(
        origin,
        'no model_config attribute: a weights-only file (save_weights) has no architecture; save with model.save',
      );
    }
    const { layers, inputShape } = sequential(
      parse(configText, `${origin} (model_config)`),
      `${origin} (model_config)`,
    );
    const trainingText = textAttribute(file, 'training_config');
    const training = trainingText === undefined ? undefined : parse(trainingText, `${origin} (training_config)`);
    const root = group(file, 'model_weights', origin);
    const stored = new Set(namesAttribute(root, 'layer_names', origin));
    const weights = new Map(
      layers.map((layer) => {
        if (!stored.has(layer.name) || !root.get(layer.name)) return [layer.name, []];
        const own = group(root, layer.name, origin);
        return [layer.name, namesAttribute(own, 'weight_names', origin).map((w) => floats(own, w, origin))];
      }),
    );
    const attribute = textAttribute(file, SIDECAR_KEY);
    const learningRate = learningRateOf(training?.optimizer_config);
    return {
      layers,
      inputShape,
      weights,
      ...(learningRate ? { learningRate } : {}),
      ...(attribute === undefined ? {} : { sidecar: { text: attribute, where: origin } }),
    };
  });
}
