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

_ROWS = 128  # rows of a distance matrix computed at once: 128 x n stays in cache (3x faster than 1024 rows)
# Above this many nodes the all-pairs passes (O(n²): minutes, and gigabytes, at 30,000 nodes) are estimated
# from a random sample of SAMPLE nodes, seeded, so the layout is still the same on every run; below it (the
# dev corpus' full graph has 4,000 nodes) every pair is computed.
EXACT_LIMIT = 10_000
SAMPLE = 2_000


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
    sampler = np.random.default_rng(seed)
    for _ in range(iterations):
        x, y = pos[:, 0].copy(), pos[:, 1].copy()
        if n > EXACT_LIMIT:  # repulsion from a fresh random sample of nodes, scaled up: O(n·SAMPLE), not O(n²)
            chosen = np.sort(sampler.choice(n, SAMPLE, replace=False))
            disp = _sampled_repulsion(x, y, x[chosen], y[chosen], k * k) * np.float32(n / SAMPLE)
        else:
            disp = _repulsion(x, y, k * k)
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


def _repulsion(x: np.ndarray, y: np.ndarray, k2: np.float32) -> np.ndarray:
    """The summed repulsion k²/d along (p_i - p_j) on every node from every other, float32.

    Each pair is computed once (rows of a block against the columns from the
    block on) and added to both nodes, so this does half the work of all n²
    pairs; blocks of _ROWS rows keep the arrays in cache. Plain broadcasting,
    no BLAS: with two cores, OpenBLAS' threads made this slower, not faster.
    """
    n = len(x)
    disp = np.zeros((n, 2), dtype=np.float32)
    for lo in range(0, n, _ROWS):
        hi = min(n, lo + _ROWS)
        dx = x[lo:hi, None] - x[None, lo:]
        dy = y[lo:hi, None] - y[None, lo:]
        w = _push(dx, dy, k2)
        dx *= w
        dy *= w
        disp[lo:hi, 0] += dx.sum(axis=1)  # the block's own pairs are all here, in both directions
        disp[lo:hi, 1] += dy.sum(axis=1)
        disp[hi:, 0] -= dx[:, hi - lo:].sum(axis=0)  # and the later nodes get the opposite push
        disp[hi:, 1] -= dy[:, hi - lo:].sum(axis=0)
    return disp


def _sampled_repulsion(x: np.ndarray, y: np.ndarray, others_x: np.ndarray, others_y: np.ndarray,
                       k2: np.float32) -> np.ndarray:
    """The repulsion on every node from the nodes at (others_x, others_y) only, float32."""
    disp = np.zeros((len(x), 2), dtype=np.float32)
    for lo in range(0, len(x), _ROWS):
        hi = min(len(x), lo + _ROWS)
        dx = x[lo:hi, None] - others_x[None, :]
        dy = y[lo:hi, None] - others_y[None, :]
        w = _push(dx, dy, k2)
        disp[lo:hi, 0] = (w * dx).sum(axis=1)
        disp[lo:hi, 1] = (w * dy).sum(axis=1)
    return disp


def _push(dx: np.ndarray, dy: np.ndarray, k2: np.float32) -> np.ndarray:
    """k²/d² for each offset (dx, dy), d² kept above 1e-4 so coincident nodes do not blow up."""
    w = dx * dx
    w += dy * dy
    np.maximum(w, np.float32(1e-4), out=w)
    return np.divide(k2, w, out=w)


def _overlapping(xy: np.ndarray, radius: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs i < j of nodes closer than their radii's sum, ordered by (i, j).

    Only nodes in the same or a neighbouring cell of a grid as wide as two
    typical radii can overlap, so this visits a few pairs per node instead of
    all n²; the few nodes with a larger radius (long labels) are checked
    against the nodes within reach along x. The test is the same float32
    arithmetic as a dense pass and the pairs come in the same order, so the
    layout is exactly the same.
    """
    n = len(xy)
    if n < 2:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    typical = float(np.quantile(radius, 0.97))
    big = np.flatnonzero(radius > typical)
    small = radius <= typical
    rows, cols = [], []
    by_x = np.argsort(xy[:, 0], kind="stable")
    sorted_x = xy[by_x, 0]
    widest = float(radius.max()) + 1.0  # a pixel of margin: the window only preselects, the test decides
    reach_big = radius[big] + np.float32(widest)
    starts = np.searchsorted(sorted_x, xy[big, 0] - reach_big, side="left")
    ends = np.searchsorted(sorted_x, xy[big, 0] + reach_big, side="right")
    for lo in range(0, len(big), _ROWS):  # every pair with a large node, among those close along x, in batches
        part = slice(lo, lo + _ROWS)        # (the windows of all large nodes at once can be millions of pairs)
        b, j = _ranges(big[part], starts[part], ends[part] - starts[part], by_x)
        keep = (j != b) & ((j > b) | small[j])  # a pair of two large nodes from its first only
        b, j = b[keep], j[keep]
        dx = xy[b, 0] - xy[j, 0]
        dy = xy[b, 1] - xy[j, 1]
        need = radius[b] + radius[j]
        close = dx * dx + dy * dy < need * need
        rows.append(np.minimum(b, j)[close])
        cols.append(np.maximum(b, j)[close])
    reach = max(2.0 * typical, 1e-6)
    cells = np.floor(xy.astype(np.float64) / reach).astype(np.int64)
    cells -= cells.min(axis=0)
    width = int(cells[:, 1].max()) + 3
    keys = (cells[:, 0] + 1) * width + (cells[:, 1] + 1)
    keys[~small] = -10 * width  # large nodes are out of the grid: their pairs are found above
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    members = np.flatnonzero(small)
    for ox in (-1, 0, 1):  # the three cells (ox, -1..1) are one run of keys: a column never wraps into the next
        target = keys[members] + ox * width
        start = np.searchsorted(sorted_keys, target - 1, side="left")
        count = np.searchsorted(sorted_keys, target + 1, side="right") - start
        i, j = _ranges(members, start, count, order)
        keep = i < j
        i, j = i[keep], j[keep]
        dx = xy[i, 0] - xy[j, 0]
        dy = xy[i, 1] - xy[j, 1]
        need = radius[i] + radius[j]
        close = dx * dx + dy * dy < need * need
        rows.append(i[close])
        cols.append(j[close])
    i = np.concatenate(rows) if rows else np.empty(0, np.int64)
    j = np.concatenate(cols) if cols else np.empty(0, np.int64)
    pair_order = np.lexsort((j, i))
    return i[pair_order], j[pair_order]


def _ranges(owners: np.ndarray, starts: np.ndarray, counts: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each owner repeated once per item of its range, beside values[start:start + count] of that range."""
    total = int(counts.sum())
    owner = np.repeat(owners, counts)
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    return owner, values[np.repeat(starts, counts) + offsets]


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
        rows = np.arange(len(nodes))
        if len(nodes) > EXACT_LIMIT:  # the median over a sample of nodes of their distance to the nearest
            rows = np.sort(np.random.default_rng(7).choice(len(nodes), SAMPLE, replace=False))
        nearest = np.empty(len(rows))
        for lo in range(0, len(rows), _ROWS):
            part = rows[lo:lo + _ROWS]
            dx = xy[part, None, 0] - xy[None, :, 0]
            dy = xy[part, None, 1] - xy[None, :, 1]
            d2 = dx * dx + dy * dy
            d2[np.arange(len(part)), part] = np.inf
            nearest[lo:lo + len(part)] = np.sqrt(np.maximum(d2.min(axis=1), 0.0))
        scale = max(scale, spacing_px / max(float(np.median(nearest)), 1e-6))
    xy *= scale
    radius = np.array([sizes.get(n, 10.0) for n in nodes], dtype=np.float64) + gap / 2
    n = len(nodes)
    if rounds is None:  # small graphs can afford to settle completely
        rounds = 100 if n <= 1000 else 30
    radius32 = radius.astype(np.float32)
    for _ in range(rounds):
        xy32 = xy.astype(np.float32)
        i, j = _overlapping(xy32, radius32)  # then push only those pairs apart
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
