"""Export a `KnowledgeGraph` for Gephi and other graph tools: GEXF, GraphML and CSV tables.

Two views, from `diplograph.graph.network`: `actors` (actors only, an edge
per interaction pair and per addressed statement) and `full` (actors,
interactions, statements, topics and articles). File names, in `out_dir`:

    actors.gexf      graph.gexf
    actors.graphml   graph.graphml
    actors-nodes.csv actors-edges.csv  graph-nodes.csv graph-edges.csv

In every format each edge has a unique id, and the `id` attribute of the
views (the interaction or statement an edge comes from) is called `fact`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import networkx as nx

from diplograph.graph.gexf import read_gexf, write_gexf
from diplograph.graph.model import KnowledgeGraph
from diplograph.graph.network import actor_network, full_graph
from diplograph.graph.files import write_atomic
from diplograph.graph.prepare import prepared
from diplograph.graph.tables import write_csv

__all__ = ["FORMATS", "VIEWS", "export", "read_gexf", "write_csv", "write_gexf", "write_graphml"]

FORMATS = ("gexf", "graphml", "csv")
# view name -> (file stem, networkx view)
VIEWS: dict[str, tuple[str, Callable[[KnowledgeGraph], nx.MultiDiGraph]]] = {
    "actors": ("actors", actor_network),
    "full": ("graph", full_graph),
}


def write_graphml(g: nx.MultiDiGraph, path: Path) -> Path:
    """Write `g` as GraphML that `networkx.read_graphml` reads back (edge ids unique, types checked).

    GraphML edges are all directed here (networkx reads no mixed graphs); the
    `directed` attribute says which ones are really undirected.
    """
    g = prepared(g, xml=True)
    return write_atomic(Path(path), lambda tmp: nx.write_graphml_xml(g, tmp, encoding="utf-8"))


def _check(names: Iterable[str], known: Iterable[str], what: str) -> list[str]:
    names, known = list(names), list(known)
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"unknown {what} {unknown[0]!r}; choose from {', '.join(known)}")
    return list(dict.fromkeys(names))


def export(kg: KnowledgeGraph, out_dir: Path, formats: Iterable[str],
           views: Iterable[str] = ("actors", "full")) -> list[Path]:
    """Write each view of `kg` in each format into `out_dir`; return the files written, in order."""
    formats = _check(formats, FORMATS, "format")
    views = _check(views, VIEWS, "view")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for view in views:
        stem, make = VIEWS[view]
        g = make(kg)
        for fmt in formats:
            if fmt == "gexf":
                written.append(write_gexf(g, out_dir / f"{stem}.gexf"))
            elif fmt == "graphml":
                written.append(write_graphml(g, out_dir / f"{stem}.graphml"))
            else:
                written.extend(write_csv(g, out_dir / f"{stem}-nodes.csv", out_dir / f"{stem}-edges.csv"))
    return written
