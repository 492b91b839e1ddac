import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { ModelSummary } from '../../shared/api';

export interface ModelConfig {
  /** [height, width] of the RGB input. */
  inputSize: readonly [number, number];
  classes: number;
  /** Seeds the weight initialisers: the same seed gives the same initial weights. */
  seed: number;
  learningRate: number;
}

/**
 * The tutorial's Sequential CNN, compiled like Keras's `compile(adam, categorical_crossentropy,
 * accuracy)`. Pure: the same config always gives the same architecture and the same initial weights.
 */
export function createModel({ inputSize, classes, seed, learningRate }: ModelConfig): tfl.Sequential {
  const [height, width] = inputSize;
  if (!Number.isInteger(height) || !Number.isInteger(width) || height < 6 || width < 6) {
    throw new RangeError(`inputSize must be two integers ≥ 6, got [${inputSize.join(', ')}]`);
  }
  if (!Number.isInteger(classes) || classes < 2) throw new RangeError(`classes must be an integer ≥ 2, got ${classes}`);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a number, got ${seed}`);
  if (!(learningRate > 0)) throw new RangeError(`learningRate must be > 0, got ${learningRate}`);
  const init = (offset: number) => tfl.initializers.glorotUniform({ seed: seed + offset });
  // Keras's default layer names, so summaries and saved weights read like the tutorial's.
  const model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({
        name: 'conv2d',
        inputShape: [height, width, 3],
        filters: 32,
        kernelSize: 3,
        activation: 'relu',
        kernelInitializer: init(0),
      }),
      tfl.layers.conv2d({
        name: 'conv2d_1',
        filters: 64,
        kernelSize: 3,
        activation: 'relu',
        kernelInitializer: init(1),
      }),
      tfl.layers.maxPooling2d({ name: 'max_pooling2d', poolSize: 2 }),
      tfl.layers.flatten({ name: 'flatten' }),
      tfl.layers.dense({ name: 'dense', units: 128, activation: 'relu', kernelInitializer: init(2) }),
      tfl.layers.dense({ name: 'dense_1', units: classes, activation: 'softmax', kernelInitializer: init(3) }),
    ],
  });
  compileModel(model, learningRate);
  return model;
}

/** Loaded models need compiling again before they can be evaluated or trained further. */
export function compileModel(model: tfl.LayersModel, learningRate: number): void {
  model.compile({ optimizer: tf.train.adam(learningRate), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
}

export function summarize(model: tfl.LayersModel): ModelSummary {
  const layers = model.layers.map((layer) => ({
    name: layer.name,
    type: layer.getClassName(),
    outputShape: layer.outputShape as (number | null)[],
    params: layer.countParams(),
  }));
  const trainableParams = model.trainableWeights.reduce(
    (sum, w) => sum + w.shape.reduce((a: number, b) => a * (b ?? 1), 1),
    0,
  );
  return { layers, totalParams: model.countParams(), trainableParams };
}

/** Keras's `model.summary()` as text. */
export function summaryText({ layers, totalParams, trainableParams }: ModelSummary): string {
  const rows = layers.map((l) => [
    `${l.name} (${l.type})`,
    `(${l.outputShape.map((d) => d ?? 'None').join(', ')})`,
    `${l.params}`,
  ]);
  const header = ['Layer (type)', 'Output Shape', 'Param #'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)) + 2);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('')
      .trimEnd();
  const rule = (ch: string) => ch.repeat(widths.reduce((a, b) => a + b, 0));
  return [
    rule('_'),
    line(header),
    rule('='),
    ...rows.flatMap((r, i) => [line(r), i < rows.length - 1 ? rule('_') : rule('=')]),
    `Total params: ${totalParams.toLocaleString('en-US')}`,
    `Trainable params: ${trainableParams.toLocaleString('en-US')}`,
    `Non-trainable params: ${(totalParams - trainableParams).toLocaleString('en-US')}`,
  ].join('\n');
}
