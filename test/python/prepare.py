"""The README's snippet: an image prepared for the exported models exactly as the app prepares it.

Usage: prepare.py IMAGE... — prints JSON: {IMAGE: the [24, 24, 3] input, flattened}.
"""

import json
import sys

import numpy as np
from PIL import Image


def area_weights(source, target):
    """[target, source]: how much of each source pixel each target pixel covers (rows sum to 1)."""
    edges = np.arange(target + 1) * source / target
    pixels = np.arange(source)
    overlap = np.minimum(edges[1:, None], pixels + 1) - np.maximum(edges[:-1, None], pixels)
    return np.clip(overlap, 0, None) * target / source


def prepare(path, height=24, width=24):
    """RGBA composited onto white, shrunk by area averaging, divided by 255: float32 [24, 24, 3]."""
    rgba = np.asarray(Image.open(path).convert("RGBA"), dtype=np.float64)
    alpha = rgba[..., 3:] / 255
    rgb = rgba[..., :3] * alpha + 255 * (1 - alpha)
    rows, columns = area_weights(rgb.shape[0], height), area_weights(rgb.shape[1], width)
    return (np.einsum("ys,sxc->yxc", rows, np.einsum("xs,ysc->yxc", columns, rgb)) / 255).astype(np.float32)


if __name__ == "__main__":
    json.dump({path: prepare(path).ravel().tolist() for path in sys.argv[1:]}, sys.stdout)
