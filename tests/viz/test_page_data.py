"""The page's data: both views match the networkx views node for node and edge for edge, with facts behind them."""
from __future__ import annotations

import math
from collections import Counter

import pytest

from diplograph.graph.network import actor_network, full_graph
from diplograph.viz.page_data import build_page_data, day_range


@pytest.fixture(scope="module")
def data(seed_graph):
    return build_page_data(seed_graph)


def _ends(g):
    return Counter((u, v) for u, v in g.edges())


@pytest.mark.parametrize("view, make", [("actors", actor_network), ("full", full_graph)])
def test_views_have_every_node_and_edge_of_the_graph(data, seed_graph, view, make):
    g = make(seed_graph)
    v = data["views"][view]
    assert sorted(n["id"] for n in v["nodes"]) == sorted(g.nodes)
    assert Counter((e["from"], e["to"]) for e in v["edges"]) == _ends(g)  # parallel edges kept
    assert len({e["id"] for e in v["edges"]}) == len(v["edges"])


@pytest.mark.parametrize("view", ["actors", "full"])
def test_positions_are_finite_and_nodes_do_not_overlap(data, view):
    nodes = [n for n in data["views"][view]["nodes"] if n["degree"] > 0]
    for n in nodes:
        assert math.isfinite(n["x"]) and math.isfinite(n["y"])
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            assert math.dist((a["x"], a["y"]), (b["x"], b["y"])) >= 0.9 * (a["size"] + b["size"]), (a["id"], b["id"])


def test_every_edge_and_node_points_to_a_fact(data, seed_graph):
    facts = data["facts"]
    for view in data["views"].values():
        for item in view["nodes"] + view["edges"]:
            assert item["fact"] in facts, item
    for item in seed_graph.interactions:
        fact = facts[f"interaction:{item.id}"]
        assert [r["evidence"] for r in fact["reports"]] == [r.evidence.text for r in item.reports]
    for item in seed_graph.statements:
        assert facts[f"statement:{item.id}"]["evidence"] == item.evidence.text


def test_lavrov_is_searchable_with_his_english_name(data, seed_graph):
    lavrov = next(a for a in seed_graph.actors if "拉夫罗夫" in a.label_zh or "拉夫罗夫" in a.aliases)
    node = next(n for n in data["views"]["actors"]["nodes"] if n["id"] == f"actor:{lavrov.key}")
    assert lavrov.label_zh in node["label"] and "拉夫罗夫" in node["search"]
    if lavrov.label_en:
        assert lavrov.label_en in node["label"]


def test_actor_timeline_is_in_date_order_and_complete(data, seed_graph):
    facts = data["facts"]
    for actor in seed_graph.actors:
        timeline = facts[f"actor:{actor.key}"]["timeline"]
        expected = {f"interaction:{i.id}" for i in seed_graph.interactions if actor.key in i.participants}
        expected |= {f"statement:{s.id}" for s in seed_graph.statements if actor.key in (s.speaker, s.addressee)}
        assert set(timeline) == expected
        dates = [facts[t]["date"] for t in timeline if facts[t]["date"]]
        assert dates == sorted(dates)


def test_edge_dates_cover_what_the_graph_says(data, seed_graph):
    g = actor_network(seed_graph)
    dated = Counter(a["date"] for _, _, a in g.edges(data=True) if a.get("date"))
    got = Counter(e.get("d0") for e in data["views"]["actors"]["edges"] if "d0" in e)
    assert sum(got.values()) == sum(dated.values())
    assert data["days"] == sorted(set(data["days"]))


def test_statements_point_and_interactions_do_not(data):
    for e in data["views"]["actors"]["edges"]:
        assert bool(e.get("arrow")) == (e["kind"] in ("statement", "warning")), e


def test_parallel_edges_fan_out(data):
    by_pair = {}
    for e in data["views"]["actors"]["edges"]:
        by_pair.setdefault(frozenset((e["from"], e["to"])), []).append(e)
    for edges in by_pair.values():
        # Seen from one end, no two edges of a pair follow the same curve.
        looks = set()
        for e in edges:
            s = e.get("smooth")
            if s and e["from"] != min(e["from"], e["to"]):
                s = {**s, "type": "curvedCCW" if s["type"] == "curvedCW" else "curvedCW"}
            looks.add((s["type"], s["roundness"]) if s else None)
        assert len(looks) == len(edges)


@pytest.mark.parametrize("iso, span", [
    ("2022-02-24", ("2022-02-24", "2022-02-24")), ("2022-02", ("2022-02-01", "2022-02-28")),
    ("2022", ("2022-01-01", "2022-12-31")), ("", None), ("not a date", None),
])
def test_day_range(iso, span):
    from datetime import date, timedelta
    got = day_range(iso)
    if span is None:
        assert got is None
    else:
        epoch = date(1970, 1, 1)
        assert tuple((epoch + timedelta(days=d)).isoformat() for d in got) == span
