"""A force layout in numpy for the actor network's seed positions, with some nodes optionally held still.

Fruchterman-Reingold, dense and row-chunked so memory stays bounded, with
weak gravity so that disconnected parts stay in view. Nodes outside `moving`
keep their start position exactly, and the work is then proportional to the
moving nodes only: that is how a rebuild after a few new articles places the
new actors among the old ones without moving the old ones.
"""
from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping

import numpy as np

_ROWS = 128  # rows of a distance matrix computed at once: 128 x n stays in cache


def force_layout(
    nodes: list[str],
    edges: Iterable[tuple[str, str, float]],
    *,
    start: Mapping[str, tuple[float, float]] | None = None,
    moving: set[str] | None = None,
    iterations: int = 80,
    temperature: float = 0.1,
    seed: int = 7,
    normalise: bool = True,
) -> dict[str, tuple[float, float]]:
    """Positions in about [-1, 1]² for `nodes`, pulled together along weighted `edges` (a, b, weight).

    `start` gives initial positions (others start at random); `temperature` is the
    largest first step, so a low one only tidies a start layout. With `moving`, only
    those nodes move. `normalise` centres and scales the result into [-1, 1]².
    Deterministic for a given input and seed.
    """
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    rng = random.Random(seed)
    start = start or {}
    pos = np.array([start.get(node) or (rng.uniform(-1, 1), rng.uniform(-1, 1)) for node in nodes], dtype=np.float32)
    if n == 1:
        return {nodes[0]: (0.0, 0.0) if normalise else (float(pos[0, 0]), float(pos[0, 1]))}
    rows = np.arange(n) if moving is None else np.array(sorted(index[m] for m in moving if m in index), dtype=np.int64)
    weights: dict[tuple[int, int], float] = {}
    for a, b, w in edges:
        if a in index and b in index and a != b:
            key = (min(index[a], index[b]), max(index[a], index[b]))
            weights[key] = weights.get(key, 0.0) + w
    pairs = sorted(weights)
    src = np.array([p[0] for p in pairs] + [p[1] for p in pairs], dtype=np.int64)
    dst = np.array([p[1] for p in pairs] + [p[0] for p in pairs], dtype=np.int64)
    # A pair seen in many facts pulls harder, but only logarithmically: 100 calls are not 100 springs.
    strength = np.array([1.0 + math.log(weights[p]) for p in pairs] * 2, dtype=np.float32)
    k = np.float32(2.0 / math.sqrt(n))  # ideal distance, the layout filling about [-1, 1]²
    gravity = np.float32(1.5)  # linear pull to the centre: keeps small components near the big one
    step, cool = temperature, temperature / (iterations + 1)
    for _ in range(iterations):
        if not len(rows):
            break
        disp = _repulsion(pos, rows, k * k)
        if len(src):
            delta = pos[src] - pos[dst]
            dist = np.sqrt(np.maximum((delta**2).sum(axis=1), 1e-8))
            pull = -delta * (dist / k * strength)[:, None]  # attraction along edges
            disp[:, 0] += np.bincount(src, pull[:, 0], minlength=n)[rows]
            disp[:, 1] += np.bincount(src, pull[:, 1], minlength=n)[rows]
        disp -= gravity * pos[rows]
        length = np.maximum(np.linalg.norm(disp, axis=1, keepdims=True), 1e-6)
        pos[rows] += disp / length * np.minimum(length, step)
        step -= cool
    if normalise:
        pos -= pos.mean(axis=0)
        pos /= float(np.abs(pos).max()) or 1.0
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos)}


def _repulsion(pos: np.ndarray, rows: np.ndarray, k2: np.float32) -> np.ndarray:
    """The summed repulsion k²/d along (p_i - p_j) on each node of `rows` from every node, float32.

    Blocks of _ROWS rows at a time keep the arrays in cache and memory at
    _ROWS x n floats. A node's push on itself is zero (its offset is zero).
    """
    x, y = pos[:, 0], pos[:, 1]
    disp = np.zeros((len(rows), 2), dtype=np.float32)
    for lo in range(0, len(rows), _ROWS):
        part = rows[lo:lo + _ROWS]
        dx = x[part, None] - x[None, :]
        dy = y[part, None] - y[None, :]
        w = dx * dx
        w += dy * dy
        np.maximum(w, np.float32(1e-4), out=w)  # coincident nodes do not blow up
        np.divide(k2, w, out=w)
        disp[lo:lo + len(part), 0] = (w * dx).sum(axis=1)
        disp[lo:lo + len(part), 1] = (w * dy).sum(axis=1)
    return disp
