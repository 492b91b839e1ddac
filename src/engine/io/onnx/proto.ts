import protobuf from 'protobufjs/minimal.js';

/**
 * The part of onnx.proto (ONNX IR 7) an image classifier needs, encoded field by field with
 * protobuf.js's minimal writer: no schema compiled at run time (no `eval`, fine under a strict
 * CSP), and a few kB in the worker instead of the whole generated ONNX module.
 * Field numbers are onnx.proto's.
 */
type Writer = protobuf.Writer;

export const FLOAT = 1;

export interface Tensor {
  name: string;
  dims: number[];
  /** Written as little-endian raw_data, as onnx.proto requires. */
  values: Float32Array;
}

export type AttributeValue = number | number[];

export interface Node {
  op: string;
  inputs: string[];
  output: string;
  attributes?: Record<string, AttributeValue>;
}

/** A tensor input or output; a string dimension is symbolic (the batch size). */
export interface ValueInfo {
  name: string;
  dims: (number | string)[];
}

export interface Model {
  irVersion: number;
  opset: number;
  producer: string;
  doc: string;
  graph: { name: string; nodes: Node[]; initializers: Tensor[]; inputs: ValueInfo[]; outputs: ValueInfo[] };
  metadata: Record<string, string>;
}

const LENGTH_DELIMITED = 2;
const tag = (w: Writer, field: number, wireType: number) => w.uint32((field << 3) | wireType);
const str = (w: Writer, field: number, value: string) => tag(w, field, LENGTH_DELIMITED).string(value);
const int = (w: Writer, field: number, value: number) => tag(w, field, 0).int64(value);
function message(w: Writer, field: number, body: (w: Writer) => void): void {
  tag(w, field, LENGTH_DELIMITED).fork();
  body(w);
  w.ldelim();
}

// AttributeProto.AttributeType
const ATTRIBUTE_INT = 2;
const ATTRIBUTE_INTS = 7;

function attribute(w: Writer, name: string, value: AttributeValue): void {
  str(w, 1, name);
  if (Array.isArray(value)) {
    tag(w, 20, 0).int32(ATTRIBUTE_INTS);
    for (const v of value) int(w, 8, v);
  } else {
    tag(w, 20, 0).int32(ATTRIBUTE_INT);
    int(w, 3, value);
  }
}

function node(w: Writer, { op, inputs, output, attributes = {} }: Node): void {
  for (const input of inputs) str(w, 1, input);
  str(w, 2, output);
  str(w, 3, output);
  str(w, 4, op);
  for (const [name, value] of Object.entries(attributes)) message(w, 5, (a) => attribute(a, name, value));
}

function tensor(w: Writer, { name, dims, values }: Tensor): void {
  for (const d of dims) int(w, 1, d);
  tag(w, 2, 0).int32(FLOAT);
  str(w, 8, name);
  const raw = new DataView(new ArrayBuffer(values.length * 4));
  for (const [i, v] of values.entries()) raw.setFloat32(i * 4, v, true);
  tag(w, 9, LENGTH_DELIMITED).bytes(new Uint8Array(raw.buffer));
}

function valueInfo(w: Writer, { name, dims }: ValueInfo): void {
  str(w, 1, name);
  message(w, 2, (type) =>
    message(type, 1, (tensorType) => {
      tag(tensorType, 1, 0).int32(FLOAT);
      message(tensorType, 2, (shape) => {
        for (const d of dims) message(shape, 1, (dim) => (typeof d === 'number' ? int(dim, 1, d) : str(dim, 2, d)));
      });
    }),
  );
}

/** A serialised ModelProto. */
export function encodeModel(model: Model): Uint8Array {
  const w = protobuf.Writer.create();
  int(w, 1, model.irVersion);
  str(w, 2, model.producer);
  str(w, 6, model.doc);
  message(w, 7, (g) => {
    for (const n of model.graph.nodes) message(g, 1, (x) => node(x, n));
    str(g, 2, model.graph.name);
    for (const t of model.graph.initializers) message(g, 5, (x) => tensor(x, t));
    for (const i of model.graph.inputs) message(g, 11, (x) => valueInfo(x, i));
    for (const o of model.graph.outputs) message(g, 12, (x) => valueInfo(x, o));
  });
  message(w, 8, (o) => int(o, 2, model.opset));
  for (const [key, value] of Object.entries(model.metadata)) {
    message(w, 14, (entry) => {
      str(entry, 1, key);
      str(entry, 2, value);
    });
  }
  return w.finish();
}
