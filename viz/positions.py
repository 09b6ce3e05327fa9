"""Where each node goes in both views: the actor network laid out first, the full graph started from it.

Positions are pixels, computed once at build time, so the page can draw
with physics off at any size.
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx

from .layout import force_layout, grid_below, spread_out
from .style import label_font, node_size
from .text import label_width, node_label

PAIR_BUDGET = 1.5e8  # node pairs the force layout may visit, summed over its rounds


def hash_unit(text: str) -> float:
    """A stable number in [0, 1) from `text` (Python's hash() changes between runs)."""
    h = 2166136261
    for ch in text.encode("utf-8"):
        h = ((h ^ ch) * 16777619) & 0xFFFFFFFF
    return h / 2**32


def _linked(g: nx.MultiDiGraph) -> tuple[list[str], list[str]]:
    """The nodes with at least one edge, and the others, each sorted."""
    degree = dict(g.degree())  # one pass: g.degree(n) per node builds a view each time
    linked = sorted(n for n in g.nodes if degree[n] > 0)
    return linked, sorted(n for n in g.nodes if degree[n] == 0)


def _radii(g: nx.MultiDiGraph) -> dict[str, float]:
    """How much room each node needs: its size, or half its label's width when that is wider."""
    out = {}
    degrees = dict(g.degree())
    for n, a in g.nodes(data=True):
        actor = a.get("kind") == "actor"
        degree = degrees[n]
        out[n] = max(node_size(degree, actor), 0.5 * label_width(node_label(a, n), label_font(degree, actor)))
    return out


def _pixels(g: nx.MultiDiGraph, split: tuple[list[str], list[str]], unit: dict[str, tuple[float, float]],
            edge_px: float, spacing_px: float) -> dict[str, tuple[float, float]]:
    linked, alone = split  # `_linked(g)`, as the caller already has it
    placed = spread_out({n: unit[n] for n in linked}, list(g.edges()), _radii(g), edge_px=edge_px,
                        spacing_px=spacing_px)
    placed.update(grid_below(alone, placed))  # nodes without links, shown only on request
    return placed


def _iterations(n: int, most: int) -> int:
    """Layout rounds within a budget of node pairs, so a large graph still builds in seconds."""
    return max(12, min(most, int(PAIR_BUDGET / max(1, n * n))))


def layouts(actors: nx.MultiDiGraph, full: nx.MultiDiGraph) -> tuple[dict, dict]:
    """Pixel positions for both views; the full graph starts each actor where the actor network has it."""
    actor_split = _linked(actors)
    linked = actor_split[0]
    actor_unit = force_layout(linked, list(actors.edges()), iterations=_iterations(len(linked), 150))
    # Other nodes start beside what they link to (actors first, then what is placed), and a
    # cooler run makes room, so switching views keeps the actors' rough places.
    start = dict(actor_unit)
    neighbours: dict[str, list[str]] = defaultdict(list)
    for u, v in full.edges():
        neighbours[u].append(v)
        neighbours[v].append(u)
    full_split = _linked(full)
    full_linked = full_split[0]
    for prefix in ("actor:", "interaction:", "statement:", "topic:", "article:"):
        for node in (n for n in full_linked if n.startswith(prefix) and n not in start):
            placed = [start[m] for m in neighbours[node] if m in start]
            if placed:
                jx, jy = (hash_unit(node) - 0.5) * 0.1, (hash_unit(node[::-1]) - 0.5) * 0.1
                start[node] = (sum(p[0] for p in placed) / len(placed) + jx, sum(p[1] for p in placed) / len(placed) + jy)
    full_unit = force_layout(full_linked, list(full.edges()), start=start,
                             iterations=_iterations(len(full_linked), 60), temperature=0.05 if actor_unit else 0.1)
    return (_pixels(actors, actor_split, actor_unit, 190.0, 70.0),
            _pixels(full, full_split, full_unit, 120.0, 45.0))
