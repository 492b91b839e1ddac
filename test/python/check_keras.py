"""Loads Keras model files with Keras itself and reports what the tests compare.

Usage: check_keras.py INPUTS.f32 COUNT FILE...

Prints JSON: {keras, backend, files: {FILE: {probabilities, differences}}}. `probabilities` are
Keras's predictions for the COUNT inputs (NHWC float32, little-endian). `differences` lists where
FILE departs from what Keras writes: a `.keras` against Keras's own re-save of the loaded model
(config.json, metadata.json keys, model.weights.h5 groups, datasets and attributes), a `.h5`
against Keras 2's layout of it (keras2_h5.py).
"""

import io
import json
import os
import sys
import tempfile
import zipfile

os.environ.setdefault("KERAS_BACKEND", "jax")

import h5py  # noqa: E402
import keras  # noqa: E402
import numpy as np  # noqa: E402

from keras2_h5 import layout, save_keras2_h5  # noqa: E402


def normalised(value):
    """Drops what differs between any two saves: Python object ids and the resolved jit_compile."""
    if isinstance(value, list):
        return [normalised(v) for v in value]
    if isinstance(value, dict):
        return {k: ("auto" if k == "jit_compile" else normalised(v)) for k, v in value.items() if k != "shared_object_id"}
    return value


def diff(ours, theirs, path=""):
    if isinstance(ours, dict) and isinstance(theirs, dict):
        out = [f"{path}/{k}: only in ours" for k in ours.keys() - theirs.keys()]
        out += [f"{path}/{k}: missing" for k in theirs.keys() - ours.keys()]
        for k in ours.keys() & theirs.keys():
            out += diff(ours[k], theirs[k], f"{path}/{k}")
        return out
    if isinstance(ours, list) and isinstance(theirs, list) and len(ours) == len(theirs):
        return [d for i, (a, b) in enumerate(zip(ours, theirs)) for d in diff(a, b, f"{path}[{i}]")]
    return [] if ours == theirs else [f"{path}: {ours!r} != {theirs!r}"]


def h5_layout_diff(ours, theirs, skip=()):
    keep = lambda rows: [r for r in rows if not r.startswith(skip)]  # noqa: E731
    a, b = keep(layout(ours)), keep(layout(theirs))
    return [f"h5 only in ours: {r}" for r in a if r not in b] + [f"h5 missing: {r}" for r in b if r not in a]


def keras_differences(path, model, scratch):
    again = os.path.join(scratch, "again.keras")
    model.save(again)
    ours, theirs = zipfile.ZipFile(path), zipfile.ZipFile(again)
    out = [f"zip entries {ours.namelist()} != {theirs.namelist()}"] if ours.namelist() != theirs.namelist() else []
    out += [f"{i.filename} compressed" for i in ours.infolist() if i.compress_type != zipfile.ZIP_STORED]
    out += diff(normalised(json.loads(ours.read("config.json"))), normalised(json.loads(theirs.read("config.json"))), "config.json")
    missing = json.loads(theirs.read("metadata.json")).keys() - json.loads(ours.read("metadata.json")).keys()
    out += [f"metadata.json/{k}: missing" for k in missing]
    weights = []
    for archive in (ours, theirs):
        weights.append(os.path.join(scratch, f"weights{len(weights)}.h5"))
        with open(weights[-1], "wb") as f:
            f.write(archive.read("model.weights.h5"))
    # Once loaded, Keras's Adam holds its moments; ours is written freshly compiled (2 variables).
    return out + h5_layout_diff(*weights, skip=("optimizer/vars/",))


def h5_differences(path, model, scratch):
    reference = os.path.join(scratch, "keras2.h5")
    save_keras2_h5(model, reference)
    with h5py.File(path, "r") as ours, h5py.File(reference, "r") as theirs:
        out = diff(json.loads(ours.attrs["model_config"]), json.loads(theirs.attrs["model_config"]), "model_config")
    return out + h5_layout_diff(path, reference)


def main(inputs_path, count, files):
    inputs = np.fromfile(inputs_path, dtype="<f4").reshape(count, 24, 24, 3)
    report = {"keras": keras.__version__, "backend": keras.backend.backend(), "files": {}}
    for path in files:
        model = keras.models.load_model(path)
        with tempfile.TemporaryDirectory() as scratch:
            check = keras_differences if path.endswith(".keras") else h5_differences
            differences = check(path, model, scratch)
        report["files"][path] = {"probabilities": model.predict(inputs, verbose=0).tolist(), "differences": differences}
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3:])
