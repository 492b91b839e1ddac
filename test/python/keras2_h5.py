"""A Keras 2 (tf.keras 2.15) `.h5` of a Keras 3 Sequential model, written with h5py.

Keras 2 cannot be installed next to Keras 3 here, so this writes its layout the way tf_keras's
saving/legacy/hdf5_format.py does: JSON configs as bytes attributes, names as numpy byte-string
arrays, layer groups sorted by name, weights at model_weights/<layer>/<layer>/kernel:0.
"""

import json

import h5py
import numpy as np

KERAS2_VERSION = "2.15.0"
# Keras 3 config keys that Keras 2 never wrote.
KERAS3_ONLY = {"optional", "quantization_config", "input_axes", "output_axes", "build_config"}


def _keras2(value):
    """Keras 3's legacy config → Keras 2's: dtype policies as plain names, no Keras 3-only keys."""
    if isinstance(value, list):
        return [_keras2(v) for v in value]
    if not isinstance(value, dict):
        return value
    if value.get("class_name") == "DTypePolicy":
        return value["config"]["name"]
    out = {}
    for key, v in value.items():
        if key in KERAS3_ONLY or key in ("module", "registered_name"):
            continue
        out["batch_input_shape" if key == "batch_shape" else key] = _keras2(v)
    return out


def keras2_model_config(model):
    config = _keras2(json.loads(model.to_json()))
    # tf.keras's Sequential.get_config is only its name and layers; its Dense also lists activity_regularizer.
    layers = config["config"]["layers"]
    config = {"class_name": "Sequential", "config": {"name": config["config"]["name"], "layers": layers}}
    for layer in layers:
        if layer["class_name"] == "Dense":
            layer["config"]["activity_regularizer"] = None
    input_layer, first = layers[0], layers[1]
    input_layer["config"]["name"] = first["config"]["name"] + "_input"
    # A model built with input_shape= on its first layer keeps it there in Keras 2.
    first["config"] = {
        **{k: first["config"][k] for k in ("name", "trainable", "dtype")},
        "batch_input_shape": input_layer["config"]["batch_input_shape"],
        **first["config"],
    }
    return config


TRAINING_CONFIG = {
    "loss": "categorical_crossentropy",
    "metrics": [[{"class_name": "MeanMetricWrapper", "config": {"name": "accuracy", "dtype": "float32", "fn": "categorical_accuracy"}}]],
    "weighted_metrics": None,
    "loss_weights": None,
    "optimizer_config": {
        # Keras 2.11-2.15 registered its new optimizers under this name in .h5 files.
        "class_name": "Custom>Adam",
        "config": {"name": "Adam", "weight_decay": None, "clipnorm": None, "global_clipnorm": None, "clipvalue": None,
                   "use_ema": False, "ema_momentum": 0.99, "ema_overwrite_frequency": None, "jit_compile": True,
                   "is_legacy_optimizer": False, "learning_rate": 0.0010000000474974513, "beta_1": 0.9,
                   "beta_2": 0.999, "epsilon": 1e-07, "amsgrad": False},
    },
}


def save_keras2_h5(model, path):
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = KERAS2_VERSION
        f.attrs["backend"] = "tensorflow"
        f.attrs["model_config"] = json.dumps(keras2_model_config(model)).encode("utf8")
        f.attrs["training_config"] = json.dumps(TRAINING_CONFIG).encode("utf8")
        weights = f.create_group("model_weights")
        weights.attrs["layer_names"] = np.asarray([layer.name.encode("utf8") for layer in model.layers])
        weights.attrs["backend"] = b"tensorflow"
        weights.attrs["keras_version"] = KERAS2_VERSION.encode("utf8")
        for layer in sorted(model.layers, key=lambda x: x.name):
            group = weights.create_group(layer.name)
            names = [f"{layer.name}/{w.name}:0".encode("utf8") for w in layer.weights]
            group.attrs["weight_names"] = np.asarray(names)
            for name, value in zip(names, layer.get_weights()):
                group.create_dataset(name.decode(), value.shape, dtype=value.dtype)[:] = value
        f.create_group("model_weights/top_level_model_weights").attrs["weight_names"] = np.asarray([])


def layout(path):
    """Every group and dataset with its attribute names and kinds, and each dataset's shape and dtype."""
    rows = []

    def kind(value):
        value = np.asarray(value)
        return f"{value.dtype.kind}{value.ndim}"

    def visit(name, node):
        attrs = {k: kind(v) for k, v in sorted(node.attrs.items()) if k != "shape_cnn"}
        shape = f" {node.shape} {node.dtype}" if isinstance(node, h5py.Dataset) else ""
        rows.append(f"{name}{shape} {attrs}")

    with h5py.File(path, "r") as f:
        visit("/", f)
        f.visititems(visit)
    return rows
