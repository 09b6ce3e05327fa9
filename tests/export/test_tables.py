"""CSV tables: Gephi's spreadsheet column names, no BOM, one row per node and edge, readable by pandas."""
from __future__ import annotations

import csv

import pytest

from diplograph.graph.export.gexf import date_span
from diplograph.graph.export.network import actor_network, full_graph
from diplograph.graph.export.tables import write_csv

VIEWS = {"actors": actor_network, "full": full_graph}


def _read(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _write(tmp_path, g):
    return write_csv(g, tmp_path / "nodes.csv", tmp_path / "edges.csv")


@pytest.mark.parametrize("view", VIEWS)
def test_tables_start_with_gephi_columns_and_have_no_bom(tmp_path, seed_graph, view):
    nodes, edges = _write(tmp_path, VIEWS[view](seed_graph))
    assert nodes.read_bytes().startswith(b"Id,Label,")
    assert edges.read_bytes().startswith(b"Source,Target,Type,Id,Label,")
    for path in (nodes, edges):
        header = next(csv.reader(open(path, encoding="utf-8", newline="")))
        assert len({h.lower() for h in header}) == len(header)  # Gephi matches names case-blind


@pytest.mark.parametrize("view", VIEWS)
def test_one_row_per_node_and_edge_with_the_same_values(tmp_path, seed_graph, tiny_graph, view, expected):
    for kg in (seed_graph, tiny_graph):
        g = VIEWS[view](kg)
        nodes_path, edges_path = _write(tmp_path, g)
        nodes, edges = expected(g)
        rows = {r["Id"]: r for r in _read(nodes_path)}
        assert set(rows) == set(nodes)
        for n, data in nodes.items():
            assert rows[n]["Label"] == data["label"]
            assert all(rows[n][a] == str(x) for a, x in data.items() if a != "label")
        rows = {r["Id"]: r for r in _read(edges_path)}
        assert set(rows) == set(edges)
        for key, (u, v, data) in edges.items():
            row = rows[key]
            assert (row["Source"], row["Target"]) == (u, v)
            assert row["Type"] == ("Undirected" if data.get("directed", 1) == 0 else "Directed")
            assert row["Label"] == data["label"]
            col = {"type": "fact_type"}
            assert all(row[col.get(a, a)] == str(x) for a, x in data.items() if a != "label")


def test_dated_rows_carry_a_gephi_timeset_and_start_end(tmp_path, tiny_graph):
    nodes_path, edges_path = _write(tmp_path, full_graph(tiny_graph))
    for row in _read(edges_path):
        span = date_span(row["date"])
        if span:
            assert row["Timeset"] == f"<[{span[0]}, {span[1]}]>"
            assert (row["Start"], row["End"]) == span
        else:
            assert row["Timeset"] == row["Start"] == row["End"] == ""
    nodes = {r["Id"]: r for r in _read(nodes_path)}
    assert nodes["interaction:i-summit"]["Timeset"] == "<[2022-02-01, 2022-02-28]>"
    assert nodes["actor:joe-biden"]["Timeset"] == ""


def test_edge_type_attribute_does_not_shadow_gephis_type_column(tmp_path, tiny_graph):
    _, edges_path = _write(tmp_path, actor_network(tiny_graph))
    rows = _read(edges_path)
    assert {r["Type"] for r in rows} == {"Directed", "Undirected"}
    assert {r["fact_type"] for r in rows} >= {"PhoneCall", "Summit", "warn"}


def test_pandas_reads_both_tables(tmp_path, seed_graph, tiny_graph):
    pd = pytest.importorskip("pandas")
    for kg in (seed_graph, tiny_graph):
        g = actor_network(kg)
        nodes_path, edges_path = _write(tmp_path, g)
        nodes = pd.read_csv(nodes_path, keep_default_na=False)
        edges = pd.read_csv(edges_path, keep_default_na=False, parse_dates=["Start", "End"])
        assert list(nodes.columns[:2]) == ["Id", "Label"]
        assert len(nodes) == g.number_of_nodes() and nodes["Id"].is_unique
        assert len(edges) == g.number_of_edges() and edges["Id"].is_unique
        assert nodes["articles"].dtype.kind == "i"
        dated = edges[edges["date"] != ""]
        assert len(dated)
        assert list(dated["Start"].dt.strftime("%Y-%m-%d")) == [date_span(d)[0] for d in dated["date"]]
        assert list(dated["End"].dt.strftime("%Y-%m-%d")) == [date_span(d)[1] for d in dated["date"]]
    quote = edges.loc[edges["Id"] == "s-warn", "quote"].item()
    assert quote == 'he said "no" <firmly> & left\nthen\ttabbed \x07bell 🙂'
