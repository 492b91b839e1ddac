import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { createModel } from '../../model/model';
import { INPUT_SIZE, type Architecture } from './architecture';

/** One weight of a layer, in the layout Keras, tfjs and HDF5 files share (HWIO kernels, [in, out] dense). */
export interface LayerWeight {
  layer: string;
  name: 'kernel' | 'bias';
  shape: number[];
  values: Float32Array;
}

/** Positions (in the tutorial's layer list) of the layers that hold a kernel and a bias. */
export const WEIGHTED_LAYERS = [0, 1, 4, 5] as const;

/** The kernel and bias shapes of the tutorial's CNN, in `model.getWeights()` order. */
export function tutorialShapes(classes: number): number[][] {
  const [h, w] = INPUT_SIZE;
  const flat = ((h - 4) / 2) * ((w - 4) / 2) * 64;
  return [[3, 3, 3, 32], [32], [3, 3, 32, 64], [64], [flat, 128], [128], [128, classes], [classes]];
}

/** The model's weights read out of tfjs (the tensors stay the model's: they are read, not disposed). */
export async function weightsOf(model: tfl.LayersModel, architecture: Architecture): Promise<LayerWeight[]> {
  const tensors = model.getWeights();
  const shapes = tutorialShapes(architecture.classes);
  return Promise.all(
    tensors.map(async (tensor, i) => {
      if (tensor.shape.join() !== shapes[i]!.join()) {
        throw new Error(`weight ${i} has shape [${tensor.shape.join(', ')}], expected [${shapes[i]!.join(', ')}]`);
      }
      return {
        layer: architecture.names[WEIGHTED_LAYERS[Math.floor(i / 2)]!]!,
        name: i % 2 === 0 ? 'kernel' : 'bias',
        shape: tensor.shape,
        values: (await tensor.data()) as Float32Array,
      } satisfies LayerWeight;
    }),
  );
}

/**
 * The app's own model (`createModel`, so training, summaries and the fast kernels treat it like one
 * trained here) with the given weights, in `tutorialShapes` order.
 */
export function modelWithWeights(classes: number, weights: Float32Array[], learningRate: number): tfl.LayersModel {
  const model = createModel({ inputSize: INPUT_SIZE, classes, seed: 0, learningRate });
  const shapes = tutorialShapes(classes);
  const tensors = weights.map((values, i) => tf.tensor(values, shapes[i]));
  try {
    model.setWeights(tensors);
  } finally {
    tf.dispose(tensors);
  }
  return model;
}
