"""Turn the two networkx views into vis-network node and edge records, with positions, styles and dates.

This is the page's whole data: built here as plain dicts (fast, no pyvis),
embedded in the page as JSON, and read by the page script.
"""
from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date

import networkx as nx

from diplograph.graph.model import KnowledgeGraph
from diplograph.graph.network import actor_network, full_graph

from .facts import build_facts
from .positions import layouts
from .style import (EDGE_STYLE, NODE_STYLE, STATUS_STYLE, category, edge_style, edge_width, label_font, node_size,
                    node_style)
from .text import edge_tooltip, node_label, node_tooltip

EPOCH = date(1970, 1, 1).toordinal()
LARGE = 300  # above this many nodes the page hides edges while dragging and zooming
DATED_KINDS = frozenset({"interaction", "statement", "article"})


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
    degrees = dict(g.degree())
    for node_id, attrs in g.nodes(data=True):
        group = category(attrs)
        style = node_style(group)
        degree = degrees[node_id]
        actor = attrs.get("kind") == "actor"
        color = style["color"]
        sub = attrs.get("edge_kind", "")
        if attrs.get("kind") == "interaction":
            color = edge_style(sub)["color"]
        x, y = positions.get(node_id, (0.0, 0.0))
        label = node_label(attrs, node_id)
        # Compact records: the page script expands colours and fonts (see expand() in page.js).
        record = {
            "id": node_id, "label": label, "cat": group, "shape": style["shape"], "c": color,
            "size": node_size(degree, actor), "x": x, "y": y, "fs": label_font(degree, actor),
            "title": node_tooltip(node_id, attrs, degree), "fact": node_id, "degree": degree,
        }
        if sub:
            record["sub"] = sub
        if attrs.get("status"):
            record["status"] = attrs["status"]
        if attrs.get("kind") in DATED_KINDS:  # actors and topics are timeless: the date window never hides them
            record["dated"] = 1
            span = day_range(attrs.get("date", ""))
            if span:
                record["d0"], record["d1"] = span
        if actor:
            record["search"] = " ".join([attrs.get("label", ""), attrs.get("aliases", "")]).lower()
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
            "id": f"e{n}", "from": u, "to": v, "kind": kind, "c": style["color"],
            "width": edge_width(kind, attrs.get("reports", 1)) if attrs.get("kind") == "interaction" else style["width"],
            "title": edge_tooltip(attrs, u, v, names), "fact": _fact_of_edge(u, v, attrs),
        }
        if status:
            record["status"] = status
        if look["opacity"] != 1.0:
            record["o"] = look["opacity"]
        if look["dashes"]:
            record["dashes"] = look["dashes"]
        if smooth:
            record["smooth"] = smooth
        if style.get("arrow"):
            record["arrow"] = 1
        if attrs.get("kind") in DATED_KINDS:  # the full graph's links follow their ends instead
            record["dated"] = 1
            span = day_range(attrs.get("date", ""))
            if span:
                record["d0"], record["d1"] = span
        edges.append(record)
    return {"nodes": nodes, "edges": edges}


def _legend(g: nx.MultiDiGraph) -> dict:
    groups = {category(a) for _, a in g.nodes(data=True)}
    kinds = {a.get("edge_kind") or a.get("kind", "") for _, _, a in g.edges(data=True)}
    kinds |= {a.get("edge_kind", "") for _, a in g.nodes(data=True) if a.get("kind") == "interaction"}
    node_items = [{"key": k, **v} for k, v in NODE_STYLE.items() if k in groups]
    edge_items = [{"key": k, **v} for k, v in EDGE_STYLE.items() if k in kinds]
    return {"nodes": node_items, "edges": edge_items}


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
