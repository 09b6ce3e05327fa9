"""GEXF export: valid GEXF 1.3, readable by networkx with the same content, and a timeline Gephi can play."""
from __future__ import annotations

import math

import networkx as nx
import pytest
from lxml import etree

from diplograph.graph.export.gexf import GEXF_NS, VIZ_NS, date_span, read_gexf, write_gexf
from diplograph.graph.export.network import actor_network, full_graph

NS = {"g": GEXF_NS, "viz": VIZ_NS}
VIEWS = {"actors": actor_network, "full": full_graph}


def _no_bell(value):
    return value.replace("\x07", "") if isinstance(value, str) else value


def _written(tmp_path, g, name="out.gexf"):
    path = write_gexf(g, tmp_path / name)
    return path, etree.parse(str(path))


@pytest.fixture(params=["seed", "tiny"])
def kg(request, seed_graph, tiny_graph):
    return seed_graph if request.param == "seed" else tiny_graph


@pytest.mark.parametrize("view", VIEWS)
def test_gexf_is_valid_gexf_1_3(tmp_path, kg, view, gexf_schema):
    _, doc = _written(tmp_path, VIEWS[view](kg))
    assert gexf_schema.validate(doc), gexf_schema.error_log
    assert doc.getroot().get("version") == "1.3"
    assert doc.getroot().tag == f"{{{GEXF_NS}}}gexf"


def test_schema_rejects_what_gexf_forbids(tmp_path, tiny_graph, gexf_schema):
    _, doc = _written(tmp_path, actor_network(tiny_graph))
    edge = doc.find(".//g:edge", NS)
    edge.set("type", "sideways")
    assert not gexf_schema.validate(doc)
    edge.set("type", "directed")
    del edge.attrib["source"]
    assert not gexf_schema.validate(doc)


@pytest.mark.parametrize("view", VIEWS)
def test_gexf_reads_back_equal_to_the_view(tmp_path, kg, view, expected):
    g = VIEWS[view](kg)
    path, _ = _written(tmp_path, g)
    back = read_gexf(path)
    nodes, edges = expected(g)
    assert {n: {k: v for k, v in d.items() if k not in ("viz", "start", "end")}
            for n, d in back.nodes(data=True)} == {n: {k: _no_bell(v) for k, v in d.items()}
                                                    for n, d in nodes.items()}
    got = {k: (u, v, {a: x for a, x in d.items() if a not in ("id", "start", "end")})
           for u, v, k, d in back.edges(keys=True, data=True)}
    assert got == {k: (u, v, {a: _no_bell(x) for a, x in d.items()}) for k, (u, v, d) in edges.items()}


def test_plain_networkx_reads_the_full_view(tmp_path, seed_graph, expected):
    g = full_graph(seed_graph)
    path, _ = _written(tmp_path, g)
    back = nx.read_gexf(path, version="1.3")
    nodes, edges = expected(g)
    assert set(back.nodes) == set(nodes)
    assert back.number_of_edges() == len(edges)
    assert back.graph["mode"] == "dynamic"
    for u, v, d in back.edges(data=True):
        assert (u, v) == edges[d["id"]][:2]


def test_actor_view_mixes_undirected_interactions_and_directed_statements(tmp_path, kg):
    g = actor_network(kg)
    _, doc = _written(tmp_path, g)
    types = {e.get("id"): e.get("type") for e in doc.iterfind(".//g:edge", NS)}
    for _, _, key, data in g.edges(keys=True, data=True):
        want = "undirected" if data["kind"] == "interaction" else "directed"
        assert types[key] == want
    assert set(types.values()) == {"directed", "undirected"}


def test_graph_is_dynamic_with_dates(tmp_path, kg):
    _, doc = _written(tmp_path, actor_network(kg))
    graph = doc.find("g:graph", NS)
    assert graph.get("mode") == "dynamic"
    assert graph.get("timeformat") == "date"
    assert graph.get("defaultedgetype") == "directed"


@pytest.mark.parametrize("view", VIEWS)
def test_every_dated_edge_has_its_span_and_undated_none(tmp_path, kg, view):
    g = VIEWS[view](kg)
    path, doc = _written(tmp_path, g)
    by_id = {e.get("id"): e for e in doc.iterfind(".//g:edge", NS)}
    back = read_gexf(path)
    dated = 0
    for u, v, key, data in back.edges(keys=True, data=True):
        el = by_id[key]
        span = date_span(data.get("date", ""))
        if span:
            dated += 1
            assert (el.get("start"), el.get("end")) == span
            assert span[0] <= span[1]
        else:
            assert el.get("start") is None and el.get("end") is None
    assert dated > 0


def test_month_and_year_dates_span_the_whole_period(tmp_path, tiny_graph):
    _, doc = _written(tmp_path, full_graph(tiny_graph))
    nodes = {n.get("id"): n for n in doc.iterfind(".//g:node", NS)}
    assert (nodes["interaction:i-call"].get("start"), nodes["interaction:i-call"].get("end")) == (
        "2022-02-24", "2022-02-24")
    assert (nodes["interaction:i-summit"].get("start"), nodes["interaction:i-summit"].get("end")) == (
        "2022-02-01", "2022-02-28")
    assert (nodes["interaction:i-meeting"].get("start"), nodes["interaction:i-meeting"].get("end")) == (
        "2021-01-01", "2021-12-31")
    assert nodes["interaction:i-talks"].get("start") is None


def test_events_are_dated_and_actors_always_visible(tmp_path, kg):
    g = full_graph(kg)
    _, doc = _written(tmp_path, g)
    for el in doc.iterfind(".//g:node", NS):
        data = g.nodes[el.get("id")]
        if data["kind"] in ("interaction", "statement") and data["date"]:
            assert (el.get("start"), el.get("end")) == date_span(data["date"])
        else:
            assert el.get("start") is None and el.get("end") is None, el.get("id")


def test_attributes_are_declared_once_typed_and_parse(tmp_path, kg):
    _, doc = _written(tmp_path, full_graph(kg))
    parse = {"integer": int, "long": int, "double": float, "string": str,
             "boolean": lambda s: {"true": True, "false": False}[s]}
    for cls, tag in (("node", "node"), ("edge", "edge")):
        decls = doc.findall(f".//g:attributes[@class='{cls}']/g:attribute", NS)
        ids = [d.get("id") for d in decls]
        assert len(ids) == len(set(ids))
        assert "label" not in ids
        types = {d.get("id"): d.get("type") for d in decls}
        for el in doc.iterfind(f".//g:{tag}", NS):
            for av in el.iterfind("g:attvalues/g:attvalue", NS):
                kind = types[av.get("for")]
                parse[kind](av.get("value"))
                assert not (kind != "string" and av.get("value") in ("None", "")), av.get("for")


def test_edge_ids_are_unique_even_for_many_party_interactions(tmp_path, kg):
    g = actor_network(kg)
    _, doc = _written(tmp_path, g)
    ids = [e.get("id") for e in doc.iterfind(".//g:edge", NS)]
    assert len(ids) == len(set(ids)) == g.number_of_edges()


def test_a_three_party_summit_is_three_edges_sharing_one_fact(tmp_path, tiny_graph):
    _, doc = _written(tmp_path, actor_network(tiny_graph))
    facts = [av.getparent().getparent() for av in doc.iterfind(".//g:edge/g:attvalues/g:attvalue[@for='fact']", NS)
             if av.get("value") == "i-summit"]
    assert len(facts) == 3
    assert len({e.get("id") for e in facts}) == 3


def test_nodes_have_colour_and_size_by_degree(tmp_path, kg):
    g = actor_network(kg)
    _, doc = _written(tmp_path, g)
    sizes, colours = {}, {}
    for el in doc.iterfind(".//g:node", NS):
        colour = el.find("viz:color", NS)
        rgb = tuple(int(colour.get(c)) for c in "rgb")
        assert all(0 <= c <= 255 for c in rgb)
        colours.setdefault(g.nodes[el.get("id")]["type"], set()).add(rgb)
        sizes[el.get("id")] = float(el.find("viz:size", NS).get("value"))
    assert all(len(c) == 1 for c in colours.values())  # one colour per actor type
    assert len({next(iter(c)) for c in colours.values()}) == len(colours)  # and types differ
    by_degree = sorted(g.nodes, key=g.degree)
    assert all(sizes[a] <= sizes[b] for a, b in zip(by_degree, by_degree[1:]))
    assert all(math.isfinite(s) and s > 0 for s in sizes.values())


def test_text_with_xml_specials_survives_and_control_characters_are_dropped(tmp_path, tiny_graph):
    path, _ = _written(tmp_path, actor_network(tiny_graph))
    back = read_gexf(path)
    quote = back.edges["actor:joe-biden", "actor:vladimir-putin", "s-warn"]["quote"]
    assert quote == 'he said "no" <firmly> & left\nthen\ttabbed bell 🙂'


def test_date_span_rejects_what_is_not_an_iso_date():
    assert date_span("2024-02") == ("2024-02-01", "2024-02-29")
    assert date_span("") is None
    for bad in ("2022/02/24", "Feb 2022", "2022-13", "22"):
        with pytest.raises(ValueError):
            date_span(bad)


def test_write_gexf_refuses_none_values_and_leaves_no_file(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("a", label="A", country=None)
    with pytest.raises(TypeError, match="country"):
        write_gexf(g, tmp_path / "x.gexf")
    assert list(tmp_path.iterdir()) == []
