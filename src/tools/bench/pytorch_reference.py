"""The tutorial's training run in PyTorch on the CPU: the yardstick for `npm run bench`.

Reads what the bench exported (pytorch.ts): the decoded images (float32 NHWC) and labels (int32),
the app's seed-3 initial weights in tfjs layout and every epoch's batch order, so both sides train
the same model from the same start on the same batches. Trains with Adam 1e-3 (tfjs's epsilon),
batch 3, validating on the test split every epoch like Keras's `fit(validation_data=...)`, and prints
one JSON object: per-epoch seconds, final train and validation loss, test accuracy, peak RSS.

    python3 pytorch_reference.py DATA_DIR THREADS     (THREADS 0 keeps PyTorch's default)
"""
import json
import re
import resource
import sys
import time

import numpy as np
import torch
from torch import nn


def read(folder, name, dtype, shape=(-1,)):
    return torch.from_numpy(np.fromfile(f"{folder}/{name}", dtype=dtype).reshape(shape))


class FlattenNHWC(nn.Module):
    """Flattens in tfjs's NHWC order, so the app's dense kernel loads without reordering rows."""

    def forward(self, x):
        return x.permute(0, 2, 3, 1).flatten(1)


def build(meta, folder):
    h, w = meta["size"]
    classes = meta["classes"]
    model = nn.Sequential(
        nn.Conv2d(3, 32, 3), nn.ReLU(),
        nn.Conv2d(32, 64, 3), nn.ReLU(),
        nn.MaxPool2d(2), FlattenNHWC(),
        nn.Linear(64 * ((h - 4) // 2) * ((w - 4) // 2), 128), nn.ReLU(),
        nn.Linear(128, classes),
    )
    # tfjs order: kernel, bias per layer. Conv kernels are HWIO (PyTorch: OIHW), dense [in, out].
    layers = [m for m in model if isinstance(m, (nn.Conv2d, nn.Linear))]
    with torch.no_grad():
        for i, layer in enumerate(layers):
            kernel = read(folder, f"weight{2 * i}.f32", np.float32, meta["weightShapes"][2 * i])
            bias = read(folder, f"weight{2 * i + 1}.f32", np.float32)
            layer.weight.copy_(kernel.permute(3, 2, 0, 1) if kernel.dim() == 4 else kernel.T)
            layer.bias.copy_(bias)
    return model


def peak_rss_mib():
    """This process's own peak RSS. Not ru_maxrss: Linux carries that across fork + exec, so a
    child of the (large) bench process would report its parent's size."""
    try:
        with open("/proc/self/status") as status:
            return int(re.search(r"VmHWM:\s*(\d+) kB", status.read()).group(1)) / 1024
    except (OSError, AttributeError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    folder, threads = sys.argv[1], int(sys.argv[2])
    if threads > 0:
        torch.set_num_threads(threads)
    started = time.perf_counter()
    meta = json.load(open(f"{folder}/meta.json"))
    h, w = meta["size"]

    def split(name):
        images = read(folder, f"{name}-images.f32", np.float32, (-1, h, w, 3))
        return images.permute(0, 3, 1, 2).contiguous(), read(folder, f"{name}-labels.i32", np.int32).long()

    train_x, train_y = split("train")
    test_x, test_y = split("test")
    n = len(train_x)
    orders = read(folder, "order.i32", np.int32, (meta["epochs"], n)).long()
    batch = meta["batchSize"]
    model = build(meta, folder)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()
    seconds, loss_value, val_loss, accuracy = [], 0.0, 0.0, 0.0
    for order in orders:
        start = time.perf_counter()
        model.train()
        total = 0.0
        for i in range(0, n, batch):
            rows = order[i:i + batch]
            optimizer.zero_grad()
            loss = loss_fn(model(train_x[rows]), train_y[rows])
            loss.backward()
            optimizer.step()
            total += loss.item() * len(rows)
        model.eval()
        with torch.no_grad():
            logits = model(test_x)
            val_loss = loss_fn(logits, test_y).item()
            accuracy = (logits.argmax(1) == test_y).float().mean().item()
        seconds.append(time.perf_counter() - start)
        loss_value = total / n
    print(json.dumps({
        "torch": torch.__version__, "threads": torch.get_num_threads(),
        "seconds": seconds, "loss": loss_value, "valLoss": val_loss, "testAccuracy": accuracy,
        "wallSeconds": time.perf_counter() - started,
        "peakMiB": peak_rss_mib(),
    }))


if __name__ == "__main__":
    main()
