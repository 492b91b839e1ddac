"""Builds the Keras tutorial's CNN in real Keras, saves it as the tutorial does, and its variants.

Usage: make_tutorial_model.py OUT_DIR INPUTS.f32 COUNT

Writes into OUT_DIR: tutorial.keras and tutorial.h5 (`model.save`, Keras 3), tutorial_keras2.h5
(Keras 2's layout, see keras2_h5.py), five.keras (5 classes) and models the app must refuse.
Prints JSON: {keras, backend, predictions: {tutorial, five}}, Keras's own probabilities for the
COUNT inputs (NHWC float32, little-endian).
"""

import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras import layers  # noqa: E402

from keras2_h5 import save_keras2_h5  # noqa: E402

SEED = 1234


def tutorial(classes=3, size=24, conv=None, extra=None, activation="relu"):
    """The tutorial's script, with one thing changed for the variants the app refuses."""
    conv = conv or {}
    stack = [
        layers.Conv2D(32, (3, 3), activation=activation, input_shape=(size, size, 3), **conv),
        layers.Conv2D(64, (3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        *([extra] if extra else []),
        layers.Flatten(),
        layers.Dense(128, activation="relu"),
        layers.Dense(classes, activation="softmax"),
    ]
    model = keras.Sequential(stack)
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    return model


def sharpen(model, rng):
    """Random weights away from the near-uniform initial outputs, so the probabilities compared vary."""
    for layer in model.layers:
        if layer.weights:
            kernel, bias = layer.get_weights()
            layer.set_weights([kernel * 2.0, rng.normal(0, 0.05, bias.shape).astype("float32")])


def main(out, inputs_path, count):
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    inputs = np.fromfile(inputs_path, dtype="<f4").reshape(count, 24, 24, 3)
    predictions = {}
    for name, classes in (("tutorial", 3), ("five", 5)):
        model = tutorial(classes)
        sharpen(model, rng)
        model.save(os.path.join(out, f"{name}.keras"))
        predictions[name] = model.predict(inputs, verbose=0).tolist()
        if name == "tutorial":
            model.save(os.path.join(out, "tutorial.h5"))
            save_keras2_h5(model, os.path.join(out, "tutorial_keras2.h5"))
            model.save_weights(os.path.join(out, "weights_only.weights.h5"))
    refused = {
        "same": tutorial(conv={"padding": "same"}),
        "strides": tutorial(conv={"strides": (2, 2)}),
        "tanh": tutorial(activation="tanh"),
        "dropout": tutorial(extra=layers.Dropout(0.5)),
        "batchnorm": tutorial(extra=layers.BatchNormalization()),
        "size32": tutorial(size=32),
    }
    for name, model in refused.items():
        model.save(os.path.join(out, f"{name}.keras"))
    refused["dropout"].save(os.path.join(out, "dropout.h5"))
    save_keras2_h5(refused["strides"], os.path.join(out, "strides_keras2.h5"))
    inp = keras.Input((24, 24, 3))
    functional = keras.Model(inp, layers.Dense(3, activation="softmax")(layers.Flatten()(inp)))
    functional.save(os.path.join(out, "functional.keras"))
    json.dump({"keras": keras.__version__, "backend": keras.backend.backend(), "predictions": predictions}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
