"""GEXF written line by line: the very bytes ElementTree writes for `gexf_tree`, in a fraction of the memory."""
from __future__ import annotations

import networkx as nx
import pytest

from diplograph.graph.export.gexf import gexf_tree, write_gexf
from diplograph.graph.export.network import actor_network, full_graph
from support.hostile_graph import hostile_graph


def _tree_bytes(g, path):
    gexf_tree(g).write(path, encoding="UTF-8", xml_declaration=True)
    return path.read_bytes()


@pytest.mark.parametrize("view", [actor_network, full_graph])
def test_streamed_gexf_is_elementtrees(seed_graph, view, tmp_path):
    g = view(seed_graph)
    assert write_gexf(g, tmp_path / "s.gexf").read_bytes() == _tree_bytes(g, tmp_path / "t.gexf")


def test_escaping_and_empty_parts_match(tmp_path):
    g = full_graph(hostile_graph())  # quotes, angle brackets, ampersands, a line separator in the labels
    assert write_gexf(g, tmp_path / "s.gexf").read_bytes() == _tree_bytes(g, tmp_path / "t.gexf")
    empty = nx.MultiDiGraph(name="")
    assert write_gexf(empty, tmp_path / "e.gexf").read_bytes() == _tree_bytes(empty, tmp_path / "f.gexf")
    lonely = nx.MultiDiGraph(name="a & <b>")
    lonely.add_node("x\ty\r\nz", label="tab\tand\nnewline", kind="actor")
    assert write_gexf(lonely, tmp_path / "l.gexf").read_bytes() == _tree_bytes(lonely, tmp_path / "m.gexf")
