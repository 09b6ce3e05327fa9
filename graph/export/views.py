"""Export a `KnowledgeGraph` for Gephi and other graph tools: GEXF, GraphML and CSV tables.

Two views, from `diplograph.graph.export.network`: `actors` (actors only, an edge
per interaction pair and per addressed statement) and `full` (actors,
interactions, statements, topics and articles). File names, in `out_dir`:

    actors.gexf      graph.gexf
    actors.graphml   graph.graphml
    actors-nodes.csv actors-edges.csv  graph-nodes.csv graph-edges.csv

In every format each edge has a unique id, and the `id` attribute of the
views (the interaction or statement an edge comes from) is called `fact`.

The writers read each view's nodes and edges as the `network` generators make
them from the `KnowledgeGraph`: no networkx graph of the view is built, except
the one GraphML needs (networkx writes it). pipeline/formats.py, the registry
of outputs, names the files and writes each view in each format.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx

from diplograph.graph.export.gexf import read_gexf, write_gexf
from diplograph.graph.assembly.model import KnowledgeGraph
from diplograph.graph.export.network import (ACTOR_NETWORK, FULL_GRAPH, actor_network_edges, actor_network_nodes,
                                      full_graph_edges, full_graph_nodes)
from diplograph.util.files import write_atomic
from diplograph.graph.export.prepare import Parts, Survey, prepared
from diplograph.graph.export.tables import write_csv

__all__ = ["VIEWS", "actor_parts", "full_parts", "read_gexf", "write_csv", "write_gexf", "write_graphml"]


def actor_parts(kg: KnowledgeGraph) -> Parts:
    """The actor network of `kg` as `Parts`, generated afresh on each pass (`network.actor_network`'s)."""
    return Parts(lambda: actor_network_nodes(kg), lambda: actor_network_edges(kg), {"name": ACTOR_NETWORK})


def full_parts(kg: KnowledgeGraph) -> Parts:
    """The full graph of `kg` as `Parts`, generated afresh on each pass (`network.full_graph`'s)."""
    return Parts(lambda: full_graph_nodes(kg), lambda: full_graph_edges(kg), {"name": FULL_GRAPH})


# view name -> (file stem, the view's parts)
VIEWS: dict[str, tuple[str, Callable[[KnowledgeGraph], Parts]]] = {
    "actors": ("actors", actor_parts),
    "full": ("graph", full_parts),
}


def write_graphml(g: nx.MultiDiGraph | Parts, path: Path, summary: Survey | None = None) -> Path:
    """Write `g` as GraphML that `networkx.read_graphml` reads back (edge ids unique, types checked).

    GraphML edges are all directed here (networkx reads no mixed graphs); the
    `directed` attribute says which ones are really undirected.
    """
    g = prepared(g, xml=True, summary=summary)
    return write_atomic(Path(path), lambda tmp: nx.write_graphml_xml(g, tmp, encoding="utf-8"))

