// Whether a tfjs model is the tutorial's CNN that FastCnn computes (any input size and class count),
// so that prediction can run on the fast kernels; any other model stays with tfjs.

import type * as tfl from '@tensorflow/tfjs-layers';
import { CONV1_FILTERS, CONV2_FILTERS, cnnDims, DENSE_UNITS, tfjsWeightShapes } from './layout';

export interface FastArchitecture {
  inputShape: [number, number, number];
  classes: number;
}

type Config = Record<string, unknown>;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const conv = (filters: number) => (c: Config) =>
  c.filters === filters &&
  same(c.kernelSize, [3, 3]) &&
  same(c.strides, [1, 1]) &&
  same(c.dilationRate, [1, 1]) &&
  c.padding === 'valid' &&
  c.dataFormat === 'channelsLast' &&
  c.activation === 'relu' &&
  c.useBias === true;

/** Each layer in order, checked on its config; an InputLayer in front (functional models) is skipped. */
const LAYERS: [className: string, ok: (c: Config) => boolean][] = [
  ['Conv2D', conv(CONV1_FILTERS)],
  ['Conv2D', conv(CONV2_FILTERS)],
  [
    'MaxPooling2D',
    (c) =>
      same(c.poolSize, [2, 2]) && same(c.strides, [2, 2]) && c.padding === 'valid' && c.dataFormat === 'channelsLast',
  ],
  ['Flatten', (c) => c.dataFormat === undefined || c.dataFormat === 'channelsLast'],
  ['Dense', (c) => c.units === DENSE_UNITS && c.activation === 'relu' && c.useBias === true],
  ['Dense', (c) => c.activation === 'softmax' && c.useBias === true],
];

export function fastArchitecture(model: tfl.LayersModel): FastArchitecture | undefined {
  const layers = model.layers.filter((layer) => layer.getClassName() !== 'InputLayer');
  if (layers.length !== LAYERS.length) return undefined;
  const fits = LAYERS.every(([name, ok], i) => layers[i]!.getClassName() === name && ok(layers[i]!.getConfig()));
  const [, h, w, c] = model.inputs[0]?.shape ?? [];
  const classes = (layers.at(-1)?.getConfig() as Config | undefined)?.units;
  if (!fits || typeof h !== 'number' || typeof w !== 'number' || typeof c !== 'number' || typeof classes !== 'number')
    return undefined;
  let expected: number[][];
  try {
    expected = tfjsWeightShapes(cnnDims([h, w, c], classes));
  } catch {
    return undefined;
  }
  const shapes = model.getWeights().map((weight) => weight.shape);
  return same(shapes, expected) ? { inputShape: [h, w, c], classes } : undefined;
}
