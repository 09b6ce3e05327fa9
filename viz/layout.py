"""Node positions computed once in Python, so the page draws with physics off however large the graph.

A Fruchterman-Reingold force layout in numpy (dense, row-chunked to bound
memory), with weak gravity so that disconnected parts stay in view, and an
optional start position per node, so that the full graph keeps each actor
where the actor network put it.
"""
from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping

import numpy as np

_CHUNK = 1024  # rows of the distance matrix computed at once (1024 x n float32)


def force_layout(
    nodes: list[str],
    edges: Iterable[tuple[str, str]],
    *,
    start: Mapping[str, tuple[float, float]] | None = None,
    iterations: int = 80,
    temperature: float = 0.1,
    seed: int = 7,
) -> dict[str, tuple[float, float]]:
    """Positions in about [-1, 1]² for `nodes`, pulled together along `edges`.

    `start` gives initial positions (others start at random); `temperature`
    is the largest first step, so a low one only tidies a start layout.
    Deterministic for a given input and seed.
    """
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    rng = random.Random(seed)
    start = start or {}
    pos = np.array([start.get(node) or (rng.uniform(-1, 1), rng.uniform(-1, 1)) for node in nodes],
                   dtype=np.float32)
    pairs = {(index[a], index[b]) for a, b in edges if a in index and b in index and a != b}
    src = np.array([p[0] for p in pairs] + [p[1] for p in pairs], dtype=np.int64)
    dst = np.array([p[1] for p in pairs] + [p[0] for p in pairs], dtype=np.int64)
    k = np.float32(2.0 / math.sqrt(n))  # ideal distance, the layout filling about [-1, 1]²
    gravity = np.float32(1.5)  # linear pull to the centre: keeps small components near the big one
    step = temperature
    cool = temperature / (iterations + 1)
    for _ in range(iterations):
        disp = np.zeros_like(pos)
        x, y = pos[:, 0].copy(), pos[:, 1].copy()
        for lo in range(0, n, _CHUNK):
            hi = min(n, lo + _CHUNK)
            # Repulsion k²/d along (p_i - p_j). Plain broadcasting, no BLAS: with two cores,
            # OpenBLAS' threads made this slower, not faster.
            dx = x[lo:hi, None] - x[None, :]
            dy = y[lo:hi, None] - y[None, :]
            w = dx * dx
            w += dy * dy
            np.maximum(w, np.float32(1e-4), out=w)
            np.divide(k * k, w, out=w)
            disp[lo:hi, 0] = (w * dx).sum(axis=1)
            disp[lo:hi, 1] = (w * dy).sum(axis=1)
        if len(src):
            delta = pos[src] - pos[dst]
            dist = np.sqrt(np.maximum((delta**2).sum(axis=1), 1e-8))
            pull = -delta * (dist / k)[:, None]  # attraction along edges
            disp[:, 0] += np.bincount(src, pull[:, 0], minlength=n)
            disp[:, 1] += np.bincount(src, pull[:, 1], minlength=n)
        disp -= gravity * pos
        length = np.maximum(np.linalg.norm(disp, axis=1, keepdims=True), 1e-6)
        pos += disp / length * np.minimum(length, step)
        step -= cool
    pos -= pos.mean(axis=0)
    scale = float(np.abs(pos).max()) or 1.0
    pos /= scale
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos)}


def _dist2(xy: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """Squared distances from rows lo..hi of `xy` to all rows."""
    dx = xy[lo:hi, None, 0] - xy[None, :, 0]
    dy = xy[lo:hi, None, 1] - xy[None, :, 1]
    return dx * dx + dy * dy


def spread_out(
    pos: dict[str, tuple[float, float]],
    edges: Iterable[tuple[str, str]],
    sizes: Mapping[str, float],
    *,
    edge_px: float = 170.0,
    spacing_px: float = 60.0,
    gap: float = 14.0,
    rounds: int | None = None,
) -> dict[str, tuple[float, float]]:
    """Unit positions to pixels, then nodes pushed apart until they do not overlap.

    The scale makes the median edge `edge_px` long, or more if needed for the
    median distance to the nearest node to be `spacing_px` (dense graphs).
    """
    nodes = list(pos)
    if not nodes:
        return {}
    xy = np.array([pos[n] for n in nodes], dtype=np.float64)
    index = {n: i for i, n in enumerate(nodes)}
    lengths = [math.dist(pos[a], pos[b]) for a, b in edges if a in index and b in index and a != b]
    lengths = [d for d in lengths if d > 1e-9]
    unit = float(np.median(lengths)) if lengths else 2.0 / math.sqrt(len(nodes))
    scale = edge_px / max(unit, 1e-6)
    if len(nodes) > 1:
        nearest = np.empty(len(nodes))
        for lo in range(0, len(nodes), _CHUNK):
            hi = min(len(nodes), lo + _CHUNK)
            d2 = _dist2(xy, lo, hi)
            d2[np.arange(hi - lo), np.arange(lo, hi)] = np.inf
            nearest[lo:hi] = np.sqrt(np.maximum(d2.min(axis=1), 0.0))
        scale = max(scale, spacing_px / max(float(np.median(nearest)), 1e-6))
    xy *= scale
    radius = np.array([sizes.get(n, 10.0) for n in nodes], dtype=np.float64) + gap / 2
    n = len(nodes)
    if rounds is None:  # small graphs can afford to settle completely
        rounds = 100 if n <= 1000 else 30
    radius32 = radius.astype(np.float32)
    for _ in range(rounds):
        xy32 = xy.astype(np.float32)
        # Find the overlapping pairs with one dense distance pass, then push only those apart.
        rows, cols = [], []
        for lo in range(0, n, _CHUNK):
            hi = min(n, lo + _CHUNK)
            d2 = _dist2(xy32, lo, hi)
            need = radius32[lo:hi, None] + radius32[None, :]
            i, j = np.nonzero(d2 < need * need)
            keep = (i + lo) < j  # each pair once, no self-pairs
            rows.append(i[keep] + lo)
            cols.append(j[keep])
        i, j = np.concatenate(rows), np.concatenate(cols)
        if not len(i):
            break
        delta = xy[i] - xy[j]
        dist = np.sqrt((delta**2).sum(axis=1))
        same = dist < 1e-6
        if same.any():  # coincident nodes: separate them along a fixed direction
            delta[same] = (1.0, 0.5)
            dist[same] = math.hypot(1.0, 0.5)
        push = delta / dist[:, None] * ((radius[i] + radius[j] - dist) / 2)[:, None]
        for axis in (0, 1):
            xy[:, axis] += np.bincount(i, push[:, axis], minlength=n) * 0.6
            xy[:, axis] -= np.bincount(j, push[:, axis], minlength=n) * 0.6
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(nodes, xy)}


def grid_below(nodes: list[str], placed: Mapping[str, tuple[float, float]], step: float = 120.0) -> dict[str, tuple[float, float]]:
    """Positions for `nodes` in rows under the bounding box of `placed` (for nodes without links)."""
    if not nodes:
        return {}
    xs = [p[0] for p in placed.values()] or [0.0]
    ys = [p[1] for p in placed.values()] or [0.0]
    left, width = min(xs), max(max(xs) - min(xs), step * 6)
    per_row = max(1, int(width // step) + 1)
    top = max(ys) + step * 1.5
    return {n: (round(left + (i % per_row) * step, 1), round(top + (i // per_row) * step * 0.6, 1))
            for i, n in enumerate(nodes)}
