"""`export()`: every chosen view in every chosen format, under fixed file names."""
from __future__ import annotations

import pytest

from diplograph.pipeline.formats import export


def test_export_writes_each_view_in_each_format(tmp_path, tiny_graph):
    written = export(tiny_graph, tmp_path / "out", ["gexf", "graphml", "csv"])
    names = [p.name for p in written]
    assert names == ["actors.gexf", "actors.graphml", "actors-nodes.csv", "actors-edges.csv",
                     "graph.gexf", "graph.graphml", "graph-nodes.csv", "graph-edges.csv"]
    assert all(p.parent == tmp_path / "out" and p.stat().st_size > 0 for p in written)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(names)  # no temp files left


def test_build_call_writes_the_two_gexf_files(tmp_path, seed_graph):
    written = export(seed_graph, tmp_path, ["gexf"])
    assert [p.name for p in written] == ["actors.gexf", "graph.gexf"]


def test_export_one_view(tmp_path, tiny_graph):
    assert [p.name for p in export(tiny_graph, tmp_path, ["csv"], views=["full"])] == [
        "graph-nodes.csv", "graph-edges.csv"]


def test_export_refuses_unknown_formats_and_views(tmp_path, tiny_graph):
    with pytest.raises(ValueError, match="format 'pdf'"):
        export(tiny_graph, tmp_path, ["pdf"])
    with pytest.raises(ValueError, match="view 'topics'"):
        export(tiny_graph, tmp_path, ["gexf"], views=["topics"])
    assert list(tmp_path.iterdir()) == []
