"""GraphML export: networkx reads it back with the same nodes, edges and attributes."""
from __future__ import annotations

import networkx as nx
import pytest

from diplograph.graph.export.views import write_graphml
from diplograph.graph.export.network import actor_network, full_graph


@pytest.mark.parametrize("view", [actor_network, full_graph])
@pytest.mark.parametrize("which", ["seed", "tiny"])
def test_graphml_reads_back_equal_to_the_view(tmp_path, seed_graph, tiny_graph, which, view, expected):
    g = view(seed_graph if which == "seed" else tiny_graph)
    path = write_graphml(g, tmp_path / "g.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    nodes, edges = expected(g)
    clean = lambda d: {a: x.replace("\x07", "") if isinstance(x, str) else x for a, x in d.items()}  # noqa: E731
    assert dict(back.nodes(data=True)) == {n: clean(d) for n, d in nodes.items()}
    got = {k: (u, v, d) for u, v, k, d in back.edges(keys=True, data=True)}
    assert got == {k: (u, v, clean(d)) for k, (u, v, d) in edges.items()}
    assert back.is_directed()


def test_graphml_keeps_integer_attributes_as_integers(tmp_path, seed_graph):
    path = write_graphml(actor_network(seed_graph), tmp_path / "g.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert all(isinstance(d["articles"], int) for _, d in back.nodes(data=True))
    assert all(isinstance(d["directed"], int) for _, _, d in back.edges(data=True))
