"""Shared preparation for the file writers: checked attribute types, unique edge ids, atomic writes.

Every writer (GEXF, GraphML, CSV) reads a graph as `Parts` (re-iterable nodes
and edges: of a networkx graph, read in place, or generated straight from a
`KnowledgeGraph`), surveys it once (`survey`: attribute types, degrees, edge
ids) and then streams `prepared_nodes` and `prepared_edges`, so the three
formats agree on edge ids and attribute names, no copy of the graph is made,
and a graph with a None or a column of mixed types fails loudly before a
byte is written instead of producing a file that Gephi half-reads.
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import networkx as nx


# Edge attributes renamed on export: `id` is the fact (interaction or statement)
# an edge comes from, shared by every edge of a three-party call, while every
# format needs its own unique per-edge id under that name.
EDGE_RENAMES = {"id": "fact"}

# Characters XML 1.0 cannot carry at all, not even escaped.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_SCALARS = (bool, int, float, str)


@dataclass(frozen=True)
class Parts:
    """A directed multigraph as re-iterable parts: `nodes()` gives (node, attributes), `edges()` gives
    (source, target, key, attributes), each call a fresh pass in the same order; `graph` its attributes."""

    nodes: Callable[[], Iterable[tuple[object, dict]]]
    edges: Callable[[], Iterable[tuple[object, object, object, dict]]]
    graph: dict = field(default_factory=dict)


def parts_of(g: nx.MultiDiGraph | Parts) -> Parts:
    """`g` as `Parts`: a networkx graph is read in place (no copy, unless it is not a multigraph)."""
    if isinstance(g, Parts):
        return g
    if not g.is_directed():
        raise TypeError("export writes directed graphs; mark undirected edges with the attribute directed=0")
    if not g.is_multigraph():
        g = nx.MultiDiGraph(g)
    return Parts(lambda: g.nodes(data=True), lambda: g.edges(keys=True, data=True), dict(g.graph))


class Columns:
    """The attributes of a stream of nodes or edges: the types seen per name, in first-seen order, and the
    range of the integers; None and non-scalar values are refused as they come."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.seen: dict[str, set[type]] = {}
        self.ranges: dict[str, tuple[int, int]] = {}

    def add(self, data: dict) -> None:
        for name, value in data.items():
            if value is None:
                raise TypeError(f"{self.what} attribute {name!r} is None; export needs a value (use '' for unknown text)")
            if not isinstance(value, _SCALARS):
                raise TypeError(f"{self.what} attribute {name!r} is a {type(value).__name__}; "
                                "export takes str, int, float or bool")
            kind = type(value)
            seen = self.seen.get(name)
            if seen is None:
                self.seen[name] = {kind}
            elif kind not in seen:
                seen.add(kind)
            if kind is int:
                low, high = self.ranges.get(name, (value, value))
                self.ranges[name] = (min(low, value), max(high, value))

    def types(self) -> dict[str, type]:
        """Attribute name -> its one type (`bool`, `int`, `float` or `str`); ints and floats together are `float`."""
        return {name: _one_type(seen, f"{self.what} attribute {name!r}") for name, seen in self.seen.items()}


def _one_type(seen: set[type], what: str) -> type:
    if seen == {int, float}:
        return float
    if len(seen) > 1:
        names = ", ".join(sorted(t.__name__ for t in seen))
        raise TypeError(f"{what} mixes types ({names}); every value of an attribute needs one type")
    return next(iter(seen))


def column_types(items: Iterable[tuple[object, dict]], what: str) -> dict[str, type]:
    """Attribute name -> its single type, over all nodes or all edges, in first-seen order."""
    columns = Columns(what)
    for _, data in items:
        columns.add(data)
    return columns.types()


@dataclass(frozen=True)
class Survey:
    """What the writers need before the first node: counts, attribute types, degrees and edge ids."""

    node_types: dict[str, type]
    edge_types: dict[str, type]
    int_ranges: dict[tuple[str, str], tuple[int, int]]  # ("node" or "edge", attribute) -> (lowest, highest)
    degrees: array  # per node, in node order: its edges in and out
    edges: int
    keys_are_ids: bool  # every edge key is a string and no two are equal: the keys are the edge ids

    @property
    def nodes(self) -> int:
        return len(self.degrees)


def survey(parts: Parts) -> Survey:
    """One pass over `parts`: types checked, degrees counted, and whether the edge keys can be the edge ids."""
    node_columns, edge_columns = Columns("node"), Columns("edge")
    index: dict[object, int] = {}
    for node, data in parts.nodes():
        if node in index:
            raise ValueError(f"node {node!r} is given twice")
        index[node] = len(index)
        node_columns.add(data)
    degrees = array("q", bytes(8 * len(index)))
    keys: set | None = set()
    count = 0
    for u, v, key, data in parts.edges():
        for end in (u, v):
            if end not in index:
                raise ValueError(f"edge {u} -> {v} names node {end!r}, which is not among the nodes")
            degrees[index[end]] += 1
        edge_columns.add(renamed(u, v, data))
        if keys is not None:
            if not isinstance(key, str) or key in keys:
                keys = None
            else:
                keys.add(key)
        count += 1
    ranges = {**{("node", n): r for n, r in node_columns.ranges.items()},
              **{("edge", n): r for n, r in edge_columns.ranges.items()}}
    return Survey(node_columns.types(), edge_columns.types(), ranges, degrees, count, keys is not None)


def edge_id(u, v, key, keys_are_ids: bool) -> str:
    """The export id of an edge: its key when the keys are unique strings, else `u->v#key`."""
    return key if keys_are_ids else f"{u}->{v}#{key}"


def edge_ids(g: nx.MultiDiGraph) -> dict[tuple, str]:
    """A unique string id per edge of `g`: the edge key when keys are unique strings, else `u->v#key`."""
    keys = [k for _, _, k in g.edges(keys=True)]
    keyed = all(isinstance(k, str) for k in keys) and len(set(keys)) == len(keys)
    return {(u, v, k): edge_id(u, v, k, keyed) for u, v, k in g.edges(keys=True)}


def clean(value, xml: bool):
    """`value`, without the characters XML cannot hold when `xml` and it is a string."""
    if xml and isinstance(value, str):
        return _XML_ILLEGAL.sub("", value)
    return value


def renamed(u, v, data: dict, xml: bool = False) -> dict:
    """An edge's attributes under their export names (`EDGE_RENAMES`), cleaned for XML with `xml`."""
    clash = [new for old, new in EDGE_RENAMES.items() if old in data and new in data]
    if clash:
        raise ValueError(f"edge {u} -> {v} has both {clash[0]!r} and the attribute export renames to it")
    return {EDGE_RENAMES.get(name, name): clean(value, xml) for name, value in data.items()}


def prepared_nodes(parts: Parts, xml: bool = False) -> Iterator[tuple[str, dict]]:
    """(id, attributes) of every node, the id a string, cleaned for XML with `xml`."""
    for node, data in parts.nodes():
        yield clean(str(node), xml), ({k: clean(v, xml) for k, v in data.items()} if xml else data)


def prepared_edges(parts: Parts, keys_are_ids: bool, xml: bool = False) -> Iterator[tuple[str, str, str, dict]]:
    """(source, target, export id, renamed attributes) of every edge, cleaned for XML with `xml`."""
    for u, v, key, data in parts.edges():
        yield (clean(str(u), xml), clean(str(v), xml), clean(edge_id(u, v, key, keys_are_ids), xml),
               renamed(u, v, data, xml))


def graph_attributes(parts: Parts, xml: bool = False) -> dict:
    """The graph's own scalar attributes (its `name` ...), cleaned for XML with `xml`."""
    return {k: clean(v, xml) for k, v in parts.graph.items() if isinstance(v, (str, int, float))}


def prepared(g: nx.MultiDiGraph | Parts, xml: bool = False, summary: Survey | None = None) -> nx.MultiDiGraph:
    """A networkx graph of `g` whose edge keys are the export ids, with `EDGE_RENAMES` applied and types checked.

    With `xml`, characters XML cannot hold are dropped from strings; `summary` is `survey(g)` if already
    made. For writers that need networkx (GraphML); the others stream `prepared_nodes` and
    `prepared_edges` instead.
    """
    parts = parts_of(g)
    summary = summary if summary is not None else survey(parts)
    out = nx.MultiDiGraph()
    out.graph.update(graph_attributes(parts, xml))
    out.add_nodes_from(prepared_nodes(parts, xml))
    out.add_edges_from(prepared_edges(parts, summary.keys_are_ids, xml))
    return out
