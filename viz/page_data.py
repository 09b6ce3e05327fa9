"""Turn the two networkx views into vis-network node and edge records, with positions, styles and dates.

This is the page's whole data: built here as plain dicts (fast, no pyvis),
embedded in the page as JSON, and read by the page script.
"""
from __future__ import annotations

import calendar
import math
from collections import defaultdict
from datetime import date

import networkx as nx

from diplograph.graph.model import KnowledgeGraph
from diplograph.graph.network import actor_network, full_graph

from .facts import build_facts
from .layout import force_layout, grid_below, spread_out
from .style import EDGE_STYLE, NODE_STYLE, STATUS_STYLE, edge_style, node_style

EPOCH = date(1970, 1, 1).toordinal()
LARGE = 300  # above this many nodes the page hides edges while dragging and zooming
DATED_KINDS = frozenset({"interaction", "statement", "article"})
PAIR_BUDGET = 1.5e8  # node pairs the force layout may visit, summed over its rounds


def day_range(iso: str) -> tuple[int, int] | None:
    """Days since 1970-01-01 of the first and last day an ISO date (`2022-02-24`, `2022-02`, `2022`) covers."""
    if not iso:
        return None
    try:
        parts = [int(p) for p in iso.split("-")]
        if len(parts) == 3:
            first = last = date(*parts)
        elif len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            last = date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        else:
            first, last = date(parts[0], 1, 1), date(parts[0], 12, 31)
    except (ValueError, TypeError):
        return None
    return first.toordinal() - EPOCH, last.toordinal() - EPOCH


def _node_group(attrs: dict) -> str:
    return attrs.get("type", "") if attrs.get("kind") == "actor" else attrs.get("kind", "").capitalize()


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _node_label(attrs: dict) -> str:
    """Short labels for the full graph's non-actor nodes (the tooltip and panel have the rest)."""
    kind = attrs.get("kind")
    if kind == "interaction":
        return f"{attrs.get('edge_kind', '')} {attrs.get('date', '')}".strip()
    if kind == "statement":
        return ""
    return _short(attrs.get("label", ""), 12)


def _size(degree: int, actor: bool) -> float:
    base, gain, top = (12, 5.0, 48) if actor else (7, 2.5, 22)
    return round(min(top, base + gain * math.sqrt(degree)), 1)


def _tooltip(node_id: str, attrs: dict, degree: int, names: dict[str, str]) -> str:
    kind = attrs.get("kind")
    if kind == "actor":
        lines = [attrs["label"], f"{attrs['type']}" + (f" · {attrs['role']}" if attrs.get("role") else ""),
                 f"{degree} links · {attrs.get('articles', 0)} articles"]
    elif kind == "interaction":
        lines = [f"{attrs['edge_kind']} · {attrs['date'] or 'undated'} · {attrs['status']}"]
        if attrs.get("place"):
            lines.append(f"@ {attrs['place']}")
        lines.append(_short(attrs.get("evidence", ""), 120))
    elif kind == "statement":
        lines = [f"{attrs['edge_kind']} · {attrs['date'] or 'undated'}", _short(attrs.get("quote") or attrs.get("evidence", ""), 160)]
    elif kind == "article":
        lines = [attrs.get("label", ""), f"{attrs.get('outlet', '')} · {attrs.get('date', '')}"]
    else:
        lines = [attrs.get("label", node_id)]
    lines.append("click for details")
    return "\n".join(line for line in lines if line)


def _edge_tooltip(attrs: dict, u: str, v: str, names: dict[str, str]) -> str:
    kind = attrs.get("kind")
    if kind == "interaction":
        head = f"{attrs['edge_kind']} · {attrs['date'] or 'undated'} · {attrs['status']}"
        lines = [head, f"{names.get(u, u)} — {names.get(v, v)}"]
        if attrs.get("place"):
            lines.append(f"@ {attrs['place']}")
        lines.append(f"{attrs.get('reports', 0)} report(s)")
    elif kind == "statement":
        lines = [f"{attrs['edge_kind']} · {attrs['date'] or 'undated'}", f"{names.get(u, u)} → {names.get(v, v)}",
                 _short(attrs.get("quote") or attrs.get("evidence", ""), 160)]
    else:
        lines = [f"{names.get(u, u)} {attrs.get('label', kind)} {names.get(v, v)}"]
    return "\n".join(line for line in lines if line)


def _fact_of_edge(u: str, v: str, attrs: dict) -> str:
    if attrs.get("id"):
        return f"{attrs['kind']}:{attrs['id']}"
    for end in (u, v):
        if end.startswith(("interaction:", "statement:")):
            return end
    return v if v.startswith("article:") else u


def _curves(edge_ends: list[tuple[str, str]]) -> list[dict | bool]:
    """A smooth setting per edge: straight when alone, fanned-out curves for parallel edges of a pair."""
    by_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (u, v) in enumerate(edge_ends):
        by_pair[(min(u, v), max(u, v))].append(i)
    smooth: list[dict | bool] = [False] * len(edge_ends)
    for (lo, _), members in by_pair.items():
        m = len(members)
        spacing = min(0.14, 0.85 / ((m + 1) // 2))  # a crowded pair fans out more finely
        for rank, i in enumerate(members):
            if m % 2:  # odd: the first goes straight, the rest fan out on alternate sides
                level, side = (rank + 1) // 2, (1 if rank % 2 else -1)
            else:
                level, side = rank // 2 + 1, (1 if rank % 2 == 0 else -1)
            if level == 0:
                continue
            if edge_ends[i][0] != lo:  # curvedCW is relative to the edge's direction
                side = -side
            smooth[i] = {"enabled": True, "type": "curvedCW" if side > 0 else "curvedCCW",
                         "roundness": round(spacing * level, 3)}
    return smooth


def _view(g: nx.MultiDiGraph, positions: dict[str, tuple[float, float]]) -> dict:
    names = {n: a.get("label_zh") or a.get("label", n) for n, a in g.nodes(data=True)}
    nodes = []
    for node_id, attrs in g.nodes(data=True):
        group = _node_group(attrs)
        style = node_style(group)
        degree = g.degree(node_id)
        actor = attrs.get("kind") == "actor"
        color = style["color"]
        sub = attrs.get("edge_kind", "")
        if attrs.get("kind") == "interaction":
            color = edge_style(sub)["color"]
        x, y = positions.get(node_id, (0.0, 0.0))
        label = attrs.get("label", node_id) if actor else _node_label(attrs)
        record = {
            "id": node_id, "label": label, "cat": group, "sub": sub, "shape": style["shape"],
            "color": {"background": color, "border": "#ffffff" if actor else color,
                      "highlight": {"background": color, "border": "#111111"},
                      "hover": {"background": color, "border": "#111111"}},
            "size": _size(degree, actor), "x": x, "y": y,
            "title": _tooltip(node_id, attrs, degree, names), "fact": node_id, "degree": degree,
            "status": attrs.get("status", ""),
        }
        if attrs.get("kind") in DATED_KINDS:  # actors and topics are timeless: the date window never hides them
            record["dated"] = 1
            span = day_range(attrs.get("date", ""))
            if span:
                record["d0"], record["d1"] = span
        if actor:
            record["search"] = " ".join([attrs.get("label", ""), attrs.get("aliases", "")]).lower()
            record["font"] = {"size": 15 if degree else 12}
        else:
            record["font"] = {"size": 11, "color": "#555555"}
        nodes.append(record)
    ends = [(u, v) for u, v, _ in g.edges(keys=True)]
    curves = _curves(ends)
    edges = []
    for n, ((u, v, key, attrs), smooth) in enumerate(zip(g.edges(keys=True, data=True), curves)):
        kind = attrs.get("edge_kind") or attrs.get("kind", "")
        style = edge_style(kind)
        status = attrs.get("status", "") if attrs.get("kind") == "interaction" else ""
        look = STATUS_STYLE.get(status, STATUS_STYLE["held"])
        record = {
            "id": f"e{n}", "from": u, "to": v, "kind": kind, "status": status,
            "color": {"color": style["color"], "highlight": style["color"], "hover": style["color"],
                      "opacity": look["opacity"]},
            "width": style["width"], "dashes": look["dashes"], "smooth": smooth,
            "arrows": {"to": {"enabled": bool(style.get("arrow"))}},
            "title": _edge_tooltip(attrs, u, v, names), "fact": _fact_of_edge(u, v, attrs),
        }
        if attrs.get("kind") in DATED_KINDS:  # the full graph's links follow their ends instead
            record["dated"] = 1
            span = day_range(attrs.get("date", ""))
            if span:
                record["d0"], record["d1"] = span
        edges.append(record)
    return {"nodes": nodes, "edges": edges}


def _legend(g: nx.MultiDiGraph) -> dict:
    groups = {_node_group(a) for _, a in g.nodes(data=True)}
    kinds = {a.get("edge_kind") or a.get("kind", "") for _, _, a in g.edges(data=True)}
    kinds |= {a.get("edge_kind", "") for _, a in g.nodes(data=True) if a.get("kind") == "interaction"}
    node_items = [{"key": k, **v} for k, v in NODE_STYLE.items() if k in groups]
    edge_items = [{"key": k, **v} for k, v in EDGE_STYLE.items() if k in kinds]
    return {"nodes": node_items, "edges": edge_items}


def _linked(g: nx.MultiDiGraph) -> tuple[list[str], list[str]]:
    """The nodes with at least one edge, and the others, each sorted."""
    linked = sorted(n for n in g.nodes if g.degree(n) > 0)
    return linked, sorted(n for n in g.nodes if g.degree(n) == 0)


def _label_width(text: str, font: float) -> float:
    """Rough rendered width of a label: CJK characters are square, Latin ones about half as wide."""
    return font * sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text)


def _radii(g: nx.MultiDiGraph) -> dict[str, float]:
    """How much room each node needs: its size, or half its label's width when that is wider."""
    out = {}
    for n, a in g.nodes(data=True):
        actor = a.get("kind") == "actor"
        size = _size(g.degree(n), actor)
        label = a.get("label", n) if actor else _node_label(a)
        out[n] = max(size, 0.5 * _label_width(label, 15 if actor else 11))
    return out


def _pixels(g: nx.MultiDiGraph, unit: dict[str, tuple[float, float]], edge_px: float,
            spacing_px: float) -> dict[str, tuple[float, float]]:
    linked, alone = _linked(g)
    pairs = [(u, v) for u, v in g.edges()]
    placed = spread_out({n: unit[n] for n in linked}, pairs, _radii(g), edge_px=edge_px, spacing_px=spacing_px)
    placed.update(grid_below(alone, placed))
    return placed


def _iterations(n: int, most: int) -> int:
    """Layout rounds within a budget of node pairs, so a large graph still builds in seconds."""
    return max(12, min(most, int(PAIR_BUDGET / max(1, n * n))))


def layouts(actors: nx.MultiDiGraph, full: nx.MultiDiGraph) -> tuple[dict, dict]:
    """Pixel positions for both views; the full graph starts each actor where the actor network has it."""
    linked, _ = _linked(actors)
    actor_unit = force_layout(linked, [(u, v) for u, v in actors.edges()], iterations=_iterations(len(linked), 150))
    # Other nodes start beside what they link to (actors first, then what is placed), and a
    # cooler run makes room, so switching views keeps the actors' rough places.
    start = dict(actor_unit)
    neighbours: dict[str, list[str]] = defaultdict(list)
    for u, v in full.edges():
        neighbours[u].append(v)
        neighbours[v].append(u)
    full_linked, _ = _linked(full)
    for prefix in ("actor:", "interaction:", "statement:", "topic:", "article:"):
        for node in (n for n in full_linked if n.startswith(prefix) and n not in start):
            placed = [start[m] for m in neighbours[node] if m in start]
            if placed:
                jx, jy = (hash_unit(node) - 0.5) * 0.1, (hash_unit(node[::-1]) - 0.5) * 0.1
                start[node] = (sum(p[0] for p in placed) / len(placed) + jx, sum(p[1] for p in placed) / len(placed) + jy)
    full_unit = force_layout(full_linked, [(u, v) for u, v in full.edges()], start=start,
                             iterations=_iterations(len(full_linked), 60), temperature=0.05 if actor_unit else 0.1)
    return _pixels(actors, actor_unit, 190.0, 70.0), _pixels(full, full_unit, 120.0, 45.0)


def build_page_data(kg: KnowledgeGraph) -> dict:
    """Everything the page needs: both views (nodes, edges, legend), the facts table and the date domain."""
    actors = actor_network(kg)
    full = full_graph(kg)
    actor_pos, full_pos = layouts(actors, full)
    views = {
        "actors": {"title": "Actor network 行为体网络", **_view(actors, actor_pos),
                   "legend": _legend(actors), "large": actors.number_of_nodes() > LARGE},
        "full": {"title": "Full graph 完整图谱", **_view(full, full_pos),
                 "legend": _legend(full), "large": full.number_of_nodes() > LARGE},
    }
    days = sorted({d for view in views.values() for item in view["nodes"] + view["edges"]
                   for d in (item.get("d0"), item.get("d1")) if d is not None})
    return {
        "views": views,
        "facts": build_facts(kg),
        "status": {k: v["label"] for k, v in STATUS_STYLE.items()},
        "days": days,
        "counts": {"articles": len(kg.articles), "actors": len(kg.actors), "interactions": len(kg.interactions),
                   "statements": len(kg.statements)},
    }


def hash_unit(text: str) -> float:
    """A stable number in [0, 1) from `text` (Python's hash() changes between runs)."""
    h = 2166136261
    for ch in text.encode("utf-8"):
        h = ((h ^ ch) * 16777619) & 0xFFFFFFFF
    return h / 2**32
