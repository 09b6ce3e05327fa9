"""Seed positions of the linked actors, kept from build to build so the map an analyst knows stays put.

The page lays out whatever it shows itself (a few dozen to a few hundred
actors), starting from these positions, so they decide the arrangement:
who sits near whom. They come from a force layout of the actor pairs (one
spring per pair, stronger for pairs seen in more facts) and are cached by
actor id in a JSON file. A rebuild moves no cached actor: new actors are
placed beside their counterparts and only they move. When most actors are
new (a different corpus) the whole layout is computed afresh.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path

from diplograph.util.files import write_text
from diplograph.graph.assembly.model import KnowledgeGraph
from diplograph.graph.export.network import actor_id

from .layout import force_layout

PAIR_BUDGET = 2e8  # node pairs a full layout may visit, summed over its rounds
KEEP = 0.8  # a cache that knows fewer than this share of the actors is not worth keeping
CACHE_VERSION = 1


def actor_pairs(kg: KnowledgeGraph) -> Counter:
    """How many facts link each pair of actors (ids sorted): interactions of both, statements of one to the other."""
    pairs: Counter = Counter()
    for item in kg.interactions:
        for a, b in combinations(sorted(set(item.participants)), 2):
            pairs[(actor_id(a), actor_id(b))] += 1
    for item in kg.statements:
        if item.addressee and item.addressee != item.speaker:
            a, b = sorted((actor_id(item.speaker), actor_id(item.addressee)))
            pairs[(a, b)] += 1
    return pairs


def hash_unit(text: str) -> float:
    """A stable number in [0, 1) from `text` (Python's hash() changes between runs)."""
    h = 2166136261
    for ch in text.encode("utf-8"):
        h = ((h ^ ch) * 16777619) & 0xFFFFFFFF
    return h / 2**32


def _iterations(n: int, most: int = 300) -> int:
    """Layout rounds within a budget of node pairs, so a large graph still builds in seconds."""
    return max(30, min(most, int(PAIR_BUDGET / max(1, n * n))))


def read_cache(path: Path | None) -> dict[str, tuple[float, float]]:
    """Positions by actor id from a cache file; {} when there is none or it cannot be read (it is only a cache)."""
    if path is None:
        return {}
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
        return {}
    out = {}
    for node, xy in data.get("positions", {}).items():
        if isinstance(xy, list) and len(xy) == 2 and all(isinstance(v, (int, float)) and math.isfinite(v) for v in xy):
            out[node] = (float(xy[0]), float(xy[1]))
    return out


def write_cache(path: Path, positions: dict[str, tuple[float, float]]) -> None:
    """Save positions by actor id (atomically: a half-written cache is never read)."""
    data = {"version": CACHE_VERSION, "positions": {n: [round(x, 6), round(y, 6)] for n, (x, y) in sorted(positions.items())}}
    write_text(Path(path), json.dumps(data, separators=(",", ":")))


def _beside(node: str, neighbours: Iterable[str], placed: dict[str, tuple[float, float]], spread: float):
    """A start for a new node: the mean of its placed counterparts, a little off it; None when it has none."""
    known = [placed[m] for m in neighbours if m in placed]
    if not known:
        return None
    angle = 2 * math.pi * hash_unit(node)
    return (sum(p[0] for p in known) / len(known) + spread * math.cos(angle),
            sum(p[1] for p in known) / len(known) + spread * math.sin(angle))


def seed_positions(pairs: Counter, cached: dict[str, tuple[float, float]] | None = None) -> dict[str, tuple[float, float]]:
    """Positions for every actor in `pairs`, keeping the `cached` ones exactly when most actors are cached."""
    nodes = sorted({n for pair in pairs for n in pair})
    if not nodes:
        return {}
    edges = [(a, b, float(w)) for (a, b), w in sorted(pairs.items())]
    cached = {n: xy for n, xy in (cached or {}).items() if n in set(nodes)}
    if len(cached) < KEEP * len(nodes):
        return force_layout(nodes, edges, iterations=_iterations(len(nodes)))
    neighbours: dict[str, list[str]] = {}
    for a, b, _ in edges:
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    start = dict(cached)
    new = [n for n in nodes if n not in cached]
    spread = 1.0 / math.sqrt(len(nodes))
    for _ in range(3):  # a new actor whose counterparts are new too is placed once they are
        for node in new:
            if node not in start:
                xy = _beside(node, neighbours.get(node, ()), start, spread)
                if xy is not None:
                    start[node] = xy
    return force_layout(nodes, edges, start=start, moving=set(new), iterations=60, temperature=0.05, normalise=False)


def actor_positions(kg: KnowledgeGraph, cache: Path | None = None) -> dict[str, tuple[float, float]]:
    """Seed positions of the linked actors of `kg`, reusing and then updating the cache file if one is given."""
    positions = seed_positions(actor_pairs(kg), read_cache(cache))
    if cache is not None:
        try:
            write_cache(cache, positions)
        except OSError:  # a cache that cannot be written only costs the next build its head start
            pass
    return positions
