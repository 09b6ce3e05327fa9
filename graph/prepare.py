"""Shared preparation for the file writers: checked attribute types, unique edge ids, atomic writes.

Every writer (GEXF, GraphML, CSV) goes through `prepared(g)`, so the three
formats agree on edge ids and attribute names, and a graph with a None or a
column of mixed types fails loudly here instead of producing a file that
Gephi half-reads.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import networkx as nx


# Edge attributes renamed on export: `id` is the fact (interaction or statement)
# an edge comes from, shared by every edge of a three-party call, while every
# format needs its own unique per-edge id under that name.
EDGE_RENAMES = {"id": "fact"}

# Characters XML 1.0 cannot carry at all, not even escaped.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def edge_ids(g: nx.MultiDiGraph) -> dict[tuple, str]:
    """A unique string id per edge: the edge key when keys are unique strings, else `u->v#key`."""
    keys = [k for _, _, k in g.edges(keys=True)]
    if all(isinstance(k, str) for k in keys) and len(set(keys)) == len(keys):
        return {(u, v, k): k for u, v, k in g.edges(keys=True)}
    return {(u, v, k): f"{u}->{v}#{k}" for u, v, k in g.edges(keys=True)}


def value_type(values: Iterable, what: str) -> type:
    """The one type of a column (`bool`, `int`, `float` or `str`); ints and floats together are `float`."""
    seen: set[type] = set()
    for value in values:
        if value is None:
            raise TypeError(f"{what} is None; export needs a value (use '' for unknown text)")
        if not isinstance(value, (bool, int, float, str)):
            raise TypeError(f"{what} is a {type(value).__name__}; export takes str, int, float or bool")
        seen.add(type(value))
    if not seen:
        return str
    if seen <= {int, float} and len(seen) == 2:
        return float
    if len(seen) > 1:
        names = ", ".join(sorted(t.__name__ for t in seen))
        raise TypeError(f"{what} mixes types ({names}); every value of an attribute needs one type")
    return seen.pop()


def column_types(items: Iterable[tuple[object, dict]], what: str) -> dict[str, type]:
    """Attribute name -> its single type, over all nodes or all edges, in first-seen order."""
    columns: dict[str, list] = {}
    for _, data in items:
        for name, value in data.items():
            columns.setdefault(name, []).append(value)
    return {name: value_type(values, f"{what} attribute {name!r}") for name, values in columns.items()}


def _clean(value, xml: bool):
    if xml and isinstance(value, str):
        return _XML_ILLEGAL.sub("", value)
    return value


def prepared(g: nx.MultiDiGraph, xml: bool = False) -> nx.MultiDiGraph:
    """A copy of `g` whose edge keys are `edge_ids(g)`, with `EDGE_RENAMES` applied and types checked.

    With `xml`, characters XML cannot hold are dropped from strings.
    """
    if not g.is_directed():
        raise TypeError("export writes directed graphs; mark undirected edges with the attribute directed=0")
    if not g.is_multigraph():
        g = nx.MultiDiGraph(g)
    column_types(g.nodes(data=True), "node")
    column_types(((k, d) for _, _, k, d in g.edges(keys=True, data=True)), "edge")
    ids = edge_ids(g)
    out = nx.MultiDiGraph()
    out.graph.update({k: _clean(v, xml) for k, v in g.graph.items() if isinstance(v, (str, int, float))})
    for node, data in g.nodes(data=True):
        out.add_node(_clean(str(node), xml), **{k: _clean(v, xml) for k, v in data.items()})
    for u, v, k, data in g.edges(keys=True, data=True):
        clash = [new for old, new in EDGE_RENAMES.items() if old in data and new in data]
        if clash:
            raise ValueError(f"edge {u} -> {v} has both {clash[0]!r} and the attribute export renames to it")
        attrs = {EDGE_RENAMES.get(name, name): _clean(value, xml) for name, value in data.items()}
        out.add_edge(_clean(str(u), xml), _clean(str(v), xml), key=_clean(ids[u, v, k], xml), **attrs)
    return out
