"""Checks an ONNX model with the onnx package and runs it with ONNX Runtime.

Usage: check_onnx.py MODEL.onnx INPUTS.f32 COUNT

Prints JSON: {onnxruntime, ir_version, opset, inputs, outputs, metadata, probabilities}, after
onnx.checker's full check (shape inference included) has passed.
"""

import json
import sys

import numpy as np
import onnx
import onnxruntime


def dims(value):
    return [d.dim_param or d.dim_value for d in value.type.tensor_type.shape.dim]


def main(path, inputs_path, count):
    model = onnx.load(path)
    onnx.checker.check_model(model, full_check=True)
    session = onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"])
    inputs = np.fromfile(inputs_path, dtype="<f4").reshape(count, 24, 24, 3)
    (probabilities,) = session.run(None, {session.get_inputs()[0].name: inputs})
    json.dump(
        {
            "onnxruntime": onnxruntime.__version__,
            "ir_version": model.ir_version,
            "opset": [(o.domain, o.version) for o in model.opset_import],
            "inputs": {i.name: dims(i) for i in model.graph.input},
            "outputs": {o.name: dims(o) for o in model.graph.output},
            "metadata": session.get_modelmeta().custom_metadata_map,
            "probabilities": probabilities.tolist(),
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
