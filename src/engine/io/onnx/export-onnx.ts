import type * as tfl from '@tensorflow/tfjs-layers';
import type { ModelMetadata } from '../../../shared/api';
import { INPUT_SIZE, tfjsArchitecture } from '../keras/architecture';
import { SIDECAR_KEY, sidecarJson } from '../keras/sidecar';
import { weightsOf, type LayerWeight } from '../keras/weights';
import { encodeModel, type Node, type Tensor } from './proto';

/**
 * ONNX opset 13 (IR version 7): every operator used here (Transpose, Conv, Relu, MaxPool, Flatten,
 * Gemm, Softmax) has had its current meaning since, and ONNX Runtime 1.8+ and onnx.js-era
 * runtimes run it.
 */
export const ONNX_OPSET = 13;
export const ONNX_IR_VERSION = 7;
export const ONNX_INPUT = 'input';
export const ONNX_OUTPUT = 'probabilities';

/** HWIO (Keras, tfjs) → OIHW (ONNX Conv). */
function oihw({ shape: [h, w, i, o], values }: LayerWeight): Float32Array {
  const [kh, kw, ci, co] = [h!, w!, i!, o!];
  const out = new Float32Array(values.length);
  for (let y = 0; y < kh; y++) {
    for (let x = 0; x < kw; x++) {
      for (let c = 0; c < ci; c++) {
        for (let f = 0; f < co; f++) out[((f * ci + c) * kh + y) * kw + x] = values[((y * kw + x) * ci + c) * co + f]!;
      }
    }
  }
  return out;
}

/**
 * The model as an ONNX graph that takes what the app feeds its model, NHWC float32 [N, 24, 24, 3]
 * in [0, 1], and gives softmax probabilities [N, classes]. Transposes inside go to NCHW for the
 * convolutions and back before Flatten, so the dense kernel keeps Keras's channels-last order.
 */
export async function modelToOnnx(
  model: tfl.LayersModel,
  metadata: ModelMetadata,
  origin = 'model',
): Promise<Uint8Array> {
  const architecture = tfjsArchitecture(model, origin);
  const [conv1, conv2, pool, flatten, dense1, dense2] = architecture.names as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const weights = await weightsOf(model, architecture);
  const initializers: Tensor[] = weights.map((w) => {
    const [h, wd, i, o] = w.shape;
    const convKernel = w.shape.length === 4;
    return {
      name: `${w.layer}/${w.name}`,
      dims: convKernel ? [o!, i!, h!, wd!] : w.shape,
      values: convKernel ? oihw(w) : w.values,
    };
  });
  const conv = (name: string, input: string): Node[] => [
    {
      op: 'Conv',
      inputs: [input, `${name}/kernel`, `${name}/bias`],
      output: `${name}/conv`,
      attributes: { kernel_shape: [3, 3], strides: [1, 1], pads: [0, 0, 0, 0], dilations: [1, 1], group: 1 },
    },
    { op: 'Relu', inputs: [`${name}/conv`], output: name },
  ];
  const dense = (name: string, input: string) => ({
    op: 'Gemm',
    inputs: [input, `${name}/kernel`, `${name}/bias`],
    output: `${name}/gemm`,
  });
  const nodes: Node[] = [
    { op: 'Transpose', inputs: [ONNX_INPUT], output: 'input_nchw', attributes: { perm: [0, 3, 1, 2] } },
    ...conv(conv1, 'input_nchw'),
    ...conv(conv2, conv1),
    {
      op: 'MaxPool',
      inputs: [conv2],
      output: `${pool}/nchw`,
      attributes: { kernel_shape: [2, 2], strides: [2, 2], pads: [0, 0, 0, 0] },
    },
    { op: 'Transpose', inputs: [`${pool}/nchw`], output: pool, attributes: { perm: [0, 2, 3, 1] } },
    { op: 'Flatten', inputs: [pool], output: flatten, attributes: { axis: 1 } },
    dense(dense1, flatten),
    { op: 'Relu', inputs: [`${dense1}/gemm`], output: dense1 },
    dense(dense2, dense1),
    { op: 'Softmax', inputs: [`${dense2}/gemm`], output: ONNX_OUTPUT, attributes: { axis: 1 } },
  ];
  return encodeModel({
    irVersion: ONNX_IR_VERSION,
    opset: ONNX_OPSET,
    producer: 'shape-cnn',
    doc: `The Keras tutorial's shapes CNN. Input: NHWC float32 [N, ${INPUT_SIZE.join(', ')}, 3] in [0, 1] (RGBA composited on white, resized by area averaging, divided by 255). Output: probabilities in class_indices order: ${metadata.classNames.join(', ')}.`,
    graph: {
      name: 'sequential',
      nodes,
      initializers,
      inputs: [{ name: ONNX_INPUT, dims: ['N', ...INPUT_SIZE, 3] }],
      outputs: [{ name: ONNX_OUTPUT, dims: ['N', architecture.classes] }],
    },
    metadata: { class_names: JSON.stringify(metadata.classNames), [SIDECAR_KEY]: sidecarJson(metadata) },
  });
}
