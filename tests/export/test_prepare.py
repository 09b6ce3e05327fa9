"""Export preparation: one type per attribute, no None, unique edge ids, atomic writes."""
from __future__ import annotations

import networkx as nx
import pytest

from diplograph.graph.export.network import actor_network, full_graph
from diplograph.util.files import write_atomic
from diplograph.graph.export.prepare import column_types, edge_ids, prepared


def test_edge_ids_are_unique_in_both_views(seed_graph):
    for g in (actor_network(seed_graph), full_graph(seed_graph)):
        ids = edge_ids(g)
        assert len(set(ids.values())) == g.number_of_edges()


def test_edge_ids_keep_unique_string_keys_and_spell_out_the_rest():
    g = nx.MultiDiGraph()
    g.add_edge("a", "b", key="call-1")
    g.add_edge("a", "b", key="call-2")
    assert set(edge_ids(g).values()) == {"call-1", "call-2"}
    h = nx.MultiDiGraph()
    h.add_edge("a", "b")
    h.add_edge("c", "d")
    assert set(edge_ids(h).values()) == {"a->b#0", "c->d#0"}


def test_none_and_mixed_types_are_refused_by_name():
    with pytest.raises(TypeError, match="'place' is None"):
        column_types([("n", {"place": None})], "node")
    with pytest.raises(TypeError, match="'reports' mixes types"):
        column_types([("a", {"reports": 1}), ("b", {"reports": "one"})], "edge")
    with pytest.raises(TypeError, match="list"):
        column_types([("a", {"topics": ["x"]})], "node")


def test_ints_and_floats_together_are_floats_and_bools_stay_bools():
    types = column_types([("a", {"w": 1, "ok": True}), ("b", {"w": 2.5, "ok": False})], "edge")
    assert types == {"w": float, "ok": bool}


def test_prepared_renames_id_to_fact_and_keys_edges_by_export_id(seed_graph):
    g = actor_network(seed_graph)
    p = prepared(g)
    ids = edge_ids(g)
    for u, v, k, d in g.edges(keys=True, data=True):
        got = p.edges[u, v, ids[u, v, k]]
        assert got["fact"] == d["id"] and "id" not in got
        assert {a: x for a, x in got.items() if a != "fact"} == {a: x for a, x in d.items() if a != "id"}


def test_prepared_refuses_undirected_graphs_and_clashing_names():
    with pytest.raises(TypeError, match="directed"):
        prepared(nx.Graph([("a", "b")]))
    g = nx.MultiDiGraph()
    g.add_edge("a", "b", id="x", fact="y")
    with pytest.raises(ValueError, match="fact"):
        prepared(g)


def test_write_atomic_keeps_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "out.gexf"
    target.write_text("old")

    def broken(tmp):
        tmp.write_text("half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomic(target, broken)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.gexf"]
    write_atomic(target, lambda tmp: tmp.write_text("new"))
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.gexf"]
