import type * as tfl from '@tensorflow/tfjs-layers';
import { DataError } from '../../data/errors';

/** The input the app feeds: [height, width] of an RGB image in [0, 1]. */
export const INPUT_SIZE: [number, number] = [24, 24];

/** A layer as a Keras config (snake_case) or a tfjs config (camelCase) describes it. */
export interface LayerDescription {
  name: string;
  type: string;
  config: Record<string, unknown>;
}

/** What the checks find: the layers' names and types in order, and the class count (the last layer's units). */
export interface Architecture {
  names: string[];
  types: string[];
  classes: number;
}

/** A required key has no default; the others fall back to Keras's default when absent or null. */
type Rule = [key: string, want: unknown, fallback?: unknown];

const conv = (filters: number): Rule[] => [
  ['filters', filters],
  ['kernel_size', [3, 3]],
  ['strides', [1, 1], [1, 1]],
  ['padding', 'valid', 'valid'],
  ['data_format', 'channels_last', 'channels_last'],
  ['dilation_rate', [1, 1], [1, 1]],
  ['groups', 1, 1],
  ['activation', 'relu', 'linear'],
  ['use_bias', true, true],
];
const dense = (units: number | undefined, activation: string): Rule[] => [
  ...(units === undefined ? [] : [['units', units] as Rule]),
  ['activation', activation, 'linear'],
  ['use_bias', true, true],
];

/** The tutorial's CNN after its input, as `createModel` builds it (the last layer's units are free). */
const TUTORIAL: { type: string; rules: Rule[] }[] = [
  { type: 'Conv2D', rules: conv(32) },
  { type: 'Conv2D', rules: conv(64) },
  {
    type: 'MaxPooling2D',
    rules: [
      ['pool_size', [2, 2]],
      ['strides', [2, 2], [2, 2]],
      ['padding', 'valid', 'valid'],
      ['data_format', 'channels_last', 'channels_last'],
    ],
  },
  { type: 'Flatten', rules: [['data_format', 'channels_last', 'channels_last']] },
  { type: 'Dense', rules: dense(128, 'relu') },
  { type: 'Dense', rules: dense(undefined, 'softmax') },
];

export const TUTORIAL_TEXT =
  'Conv2D 32 3x3 relu, Conv2D 64 3x3 relu, MaxPooling2D 2x2, Flatten, Dense 128 relu, Dense N softmax';

const camel = (key: string) => key.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

/** Keras writes 3 or [3, 3], 'channels_last' or tfjs 'channelsLast': compared in one spelling. */
function normalise(value: unknown, like: unknown): unknown {
  if (Array.isArray(like) && typeof value === 'number') return like.map(() => value);
  if (typeof value === 'string') return value.replace(/_/g, '').toLowerCase();
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(normalise(a, b)) === JSON.stringify(normalise(b, b));

const show = (value: unknown) => (typeof value === 'string' ? `'${value}'` : JSON.stringify(value));

export function unsupported(origin: string, layer: LayerDescription, detail: string): DataError {
  return new DataError(origin, 'kerasUnsupported', {
    layer: layer.name,
    type: layer.type,
    detail,
    tutorial: TUTORIAL_TEXT,
  });
}

function checkLayer(origin: string, layer: LayerDescription, rules: Rule[]): void {
  for (const [key, want, fallback] of rules) {
    let value = layer.config[key] ?? layer.config[camel(key)];
    if (value === undefined || value === null) {
      if (fallback === undefined) throw unsupported(origin, layer, `no ${key} in its config`);
      value = fallback;
    }
    if (!same(value, want))
      throw unsupported(origin, layer, `${key} ${show(value)} is not supported (the app runs ${show(want)})`);
  }
  const dtype = layer.config.dtype;
  const policy = dtype && typeof dtype === 'object' ? (dtype as { config?: { name?: unknown } }).config?.name : dtype;
  if (policy !== undefined && policy !== null && policy !== 'float32') {
    throw unsupported(origin, layer, `dtype ${show(policy)} is not supported (the app runs 'float32')`);
  }
}

/**
 * Checks that the layers after the input are the tutorial's CNN, which is all the app can run (its
 * own training kernels included), and names the first layer that differs.
 */
export function checkArchitecture(origin: string, layers: LayerDescription[]): Architecture {
  TUTORIAL.forEach((expected, i) => {
    const layer = layers[i];
    if (!layer) {
      const last = layers[layers.length - 1];
      const where = last ? `ends after layer '${last.name}'` : 'has no layers';
      throw new DataError(origin, 'modelUnbuildable', {
        detail: `the model ${where}; the app runs only the tutorial's CNN (${TUTORIAL_TEXT})`,
      });
    }
    if (layer.type !== expected.type) throw unsupported(origin, layer, `expected ${expected.type} as layer ${i + 1}`);
    checkLayer(origin, layer, expected.rules);
  });
  const extra = layers[TUTORIAL.length];
  if (extra) throw unsupported(origin, extra, `a layer after the softmax output`);
  const output = layers[TUTORIAL.length - 1]!;
  const classes = Number(output.config.units);
  if (!Number.isInteger(classes) || classes < 2)
    throw unsupported(origin, output, `units ${show(classes)}: a classifier needs at least 2 classes`);
  return { names: layers.map((l) => l.name), types: layers.map((l) => l.type), classes };
}

/** Keras's `naming.to_snake_case`: Conv2D → conv2d, MaxPooling2D → max_pooling2d. */
const snakeCase = (name: string) =>
  name
    .replace(/\W+/g, '')
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();

/**
 * The group of each layer in a `.keras` archive's weights: Keras 3 names them by class, not by
 * layer name ("names are usually autogenerated and thus not reproducible"), numbered from the
 * second of a class on: conv2d, conv2d_1, max_pooling2d, flatten, dense, dense_1.
 */
export function kerasPaths(types: readonly string[]): string[] {
  const used = new Map<string, number>();
  return types.map((type) => {
    const name = snakeCase(type);
    const count = used.get(name);
    used.set(name, (count ?? -1) + 1);
    return count === undefined ? name : `${name}_${count + 1}`;
  });
}

/** Checks the input shape [null, 24, 24, 3], the only one the app feeds. */
export function checkInputShape(origin: string, shape: unknown): void {
  const [height, width] = INPUT_SIZE;
  const ok =
    Array.isArray(shape) &&
    shape.length === 4 &&
    shape[0] == null &&
    shape[1] === height &&
    shape[2] === width &&
    shape[3] === 3;
  if (!ok) {
    const text = Array.isArray(shape) ? shape.map((d) => (d == null ? 'null' : String(d))).join(', ') : String(shape);
    throw new DataError(origin, 'inputShape', { shape: text, height, width });
  }
}

/** The same checks on a tfjs model, before it is written out for another runtime. */
export function tfjsArchitecture(model: tfl.LayersModel, origin: string): Architecture {
  checkInputShape(origin, model.inputs[0]!.shape);
  const layers = model.layers
    .filter((layer) => layer.getClassName() !== 'InputLayer')
    .map((layer) => ({
      name: layer.name,
      type: layer.getClassName(),
      config: layer.getConfig() as Record<string, unknown>,
    }));
  return checkArchitecture(origin, layers);
}
