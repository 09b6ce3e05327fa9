"""The view generators of `graph/export/network.py`: the very graphs `add_edge` builds, and the files written from
them straight (no networkx graph) are those written from the networkx views."""
from __future__ import annotations

from datetime import date, datetime, timezone

import networkx as nx
import pytest

from diplograph.graph.export.views import full_parts
from diplograph.pipeline.formats import export
from diplograph.graph.export.gexf import write_gexf
from diplograph.graph.assembly.model import ActorNode, InteractionNode, KnowledgeGraph, Report, StatementNode, TopicNode
from diplograph.graph.export.network import actor_network, full_graph
from diplograph.graph.export.prepare import Parts, survey
from diplograph.graph.export.tables import write_csv
from diplograph.ingest.records import ArticleMeta, DateValue, Evidence
from support.hostile_graph import hostile_graph
from support.naive_views import naive_actor_network, naive_full_graph


def odd_graph() -> KnowledgeGraph:
    """Parallel edges and references to nodes the graph lacks: an actor and a topic named but not listed, an
    actor in an interaction twice, an article mentioned and reported twice, a one-party interaction."""
    art = ArticleMeta("a1", "a1.txt", "新华社", "标题", datetime(2022, 3, 1, tzinfo=timezone.utc), None, "zh-Hans")
    ev = Evidence("a1", 0, 0, 0, 4, "证据文本")
    day = DateValue(date(2022, 2, 24))
    report = Report("a1", "Meeting", "held", ev, day)
    actors = (ActorNode("x", "Person", "甲", None, (), ("a1", "a1", "a-gone")),
              ActorNode("y", "Country", "乙", "Y", (), ("a1",)))
    interactions = (
        InteractionNode("i1", "Meeting", ("x", "ghost", "x", "y"), "held", (report, report), day),
        InteractionNode("i2", "Talks", ("y",), "proposed", (Report("a2", "Talks", "proposed", ev),)),
        InteractionNode("i3", "PhoneCall", ("y", "x"), "held", (report,), day),
    )
    statements = (
        StatementNode("s1", "a1", "phantom", ev, "y", "引语", ("missing-topic", "t"), day, "warn"),
        StatementNode("s2", "a3", "x", ev, "x", None, ("t", "t")),
        StatementNode("s3", "a1", "lonely", ev),
        StatementNode("s4", "a1", "y", ev, "ghost", None, (), None, "say"),
    )
    return KnowledgeGraph((art,), actors, interactions, statements, (TopicNode("t", "议题"),))


def _flat(g: nx.MultiDiGraph):
    """Everything whose order a writer sees: nodes, edges with their keys, attributes in their order."""
    return ([(n, list(d.items())) for n, d in g.nodes(data=True)],
            [(u, v, k, list(d.items())) for u, v, k, d in g.edges(keys=True, data=True)], g.graph)


@pytest.fixture(params=["seed", "tiny", "hostile", "odd"])
def any_graph(request, seed_graph, tiny_graph):
    return {"seed": seed_graph, "tiny": tiny_graph, "hostile": hostile_graph(), "odd": odd_graph()}[request.param]


@pytest.mark.parametrize("view, naive", [(actor_network, naive_actor_network), (full_graph, naive_full_graph)])
def test_views_are_the_graphs_add_edge_builds(any_graph, view, naive):
    assert _flat(view(any_graph)) == _flat(naive(any_graph))


def test_files_from_the_generators_are_those_from_the_networkx_views(tmp_path, any_graph):
    written = export(any_graph, tmp_path / "kg", ["gexf", "graphml", "csv"])
    for path in written:
        view = actor_network if path.name.startswith("actors") else full_graph
        g = view(any_graph)
        if path.suffix == ".gexf":
            again = write_gexf(g, tmp_path / path.name)
        elif path.suffix == ".csv":
            again = write_csv(g, tmp_path / "n.csv", tmp_path / "e.csv")[0 if "-nodes" in path.name else 1]
        else:
            from diplograph.graph.export.views import write_graphml

            again = write_graphml(g, tmp_path / path.name)
        assert path.read_bytes() == again.read_bytes(), path.name


def _parts(nodes, edges) -> Parts:
    return Parts(lambda: iter(nodes), lambda: iter(edges), {"name": "test"})


@pytest.mark.parametrize("write", [
    lambda parts, tmp: write_gexf(parts, tmp / "x.gexf"),
    lambda parts, tmp: write_csv(parts, tmp / "n.csv", tmp / "e.csv"),
])
def test_streamed_writers_refuse_none_and_mixed_types_before_writing(tmp_path, write):
    with pytest.raises(TypeError, match="node attribute 'place' is None"):
        write(_parts([("a", {"place": None})], []), tmp_path)
    edges = [("a", "b", "e1", {"reports": 1}), ("b", "a", "e2", {"reports": "one"})]
    with pytest.raises(TypeError, match=r"edge attribute 'reports' mixes types \(int, str\)"):
        write(_parts([("a", {}), ("b", {})], edges), tmp_path)
    with pytest.raises(TypeError, match="'topics' is a list"):
        write(_parts([("a", {"topics": ["x"]})], []), tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_survey_refuses_edges_to_unknown_nodes_and_nodes_given_twice():
    with pytest.raises(ValueError, match="names node 'b'"):
        survey(_parts([("a", {})], [("a", "b", 0, {})]))
    with pytest.raises(ValueError, match="node 'a' is given twice"):
        survey(_parts([("a", {}), ("a", {})], []))


def test_survey_counts_degrees_int_ranges_and_edge_ids(tiny_graph):
    g = full_graph(tiny_graph)
    summary = survey(full_parts(tiny_graph))
    assert list(summary.degrees) == [g.degree(n) for n in g.nodes]
    assert summary.edges == g.number_of_edges() and not summary.keys_are_ids
    assert survey(_parts([("a", {"n": -2**40}), ("b", {"n": 3})], [])).int_ranges == {("node", "n"): (-2**40, 3)}
    assert survey(_parts([("a", {}), ("b", {})], [("a", "b", "k1", {}), ("b", "a", "k2", {})])).keys_are_ids
    assert not survey(_parts([("a", {}), ("b", {})], [("a", "b", "k", {}), ("b", "a", "k", {})])).keys_are_ids


def test_gexf_declares_long_only_for_ints_beyond_32_bits(tmp_path):
    parts = _parts([("a", {"big": 2**40, "small": -2**31}), ("b", {"big": 1, "small": 2**31 - 1})], [])
    text = write_gexf(parts, tmp_path / "x.gexf").read_text("utf-8")
    assert '<attribute id="big" title="big" type="long" />' in text
    assert '<attribute id="small" title="small" type="integer" />' in text
