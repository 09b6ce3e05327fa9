"""`diplograph query`: table, CSV, TSV, JSON; .rq files, bundled names, stdin; errors; the oxigraph store."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil

import pytest
from click.testing import CliRunner
from rdflib import Graph

from diplograph.cli.main import cli
from diplograph.graph.query import QuerySyntaxError, choose_engine, open_engine, store_dir
from diplograph.graph.results import width

CALLS = "SELECT ?call ?date WHERE { ?call a dg:PhoneCall ; dg:date ?date } ORDER BY ?date"


def invoke(*args, input=None):
    return CliRunner().invoke(cli, ["query", *map(str, args)], input=input)


def test_table_is_aligned_with_chinese_text(query_out):
    result = invoke("who-spoke-to-whom", "--graph", query_out / "graph.ttl")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    table = [line for line in lines if line.startswith(("+", "|"))]
    assert len({width(line) for line in table}) == 1, "every table line has the same display width"
    assert "拜登" in result.output and "actor:joe-biden" in result.output
    assert lines[-1].endswith("rows")


def test_csv_tsv_json(query_out):
    graph = query_out / "graph.ttl"
    rows = list(csv.reader(io.StringIO(invoke(CALLS, "-g", graph, "-f", "csv").output)))
    assert rows[0] == ["call", "date"] and "2021-12-30" in {r[1] for r in rows[1:]}
    assert rows[1][0].startswith("https://w3id.org/diplograph/id/interaction/")
    tsv = invoke(CALLS, "-g", graph, "-f", "tsv").output.splitlines()
    assert tsv[0] == "?call\t?date" and '"2021-12-30"^^<http://www.w3.org/2001/XMLSchema#date>' in "\n".join(tsv)
    data = json.loads(invoke(CALLS, "-g", graph, "-f", "json").output)
    assert data["head"]["vars"] == ["call", "date"]
    assert {"type": "literal", "value": "2021-12-30",
            "datatype": "http://www.w3.org/2001/XMLSchema#date"} in [b["date"] for b in data["results"]["bindings"]]


def test_query_from_file_name_and_stdin(query_out, tmp_path):
    graph = query_out / "graph.ttl"
    path = tmp_path / "calls.rq"
    path.write_text(CALLS)
    by_file = invoke(path, "-g", graph, "-f", "csv").output
    assert by_file == invoke(CALLS, "-g", graph, "-f", "csv").output
    assert invoke("-", "-g", graph, "-f", "csv", input=CALLS).output == by_file
    assert invoke("queries/sources-of-a-fact.rq", "-g", graph, "-f", "csv").exit_code == 0
    assert invoke("sources-of-a-fact.rq", "-g", graph, "-f", "csv").exit_code == 0  # bundled, by file name


def test_ask_and_construct(query_out):
    graph = query_out / "graph.ttl"
    ask = invoke("ASK { actor:joe-biden a dg:Person }", "-g", graph)
    assert ask.output.strip() == "yes"
    construct = invoke("CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a dg:Person ; rdfs:label ?l }", "-g", graph)
    parsed = Graph().parse(data=construct.output, format="turtle")
    assert len(parsed) > 10


def test_list_shows_the_bundled_queries():
    result = CliRunner().invoke(cli, ["query", "--list"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) >= 10 and "who-warned-whom" in result.output


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_syntax_error_is_one_line_with_position_and_exit_2(query_out, engine):
    bad = "SELECT ?x WHERE {\n  ?x a dg:PhoneCall .\n  FILTER(?x = ) }"
    result = invoke(bad, "-g", query_out / "graph.ttl", "--engine", engine)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: SPARQL syntax error: line 3, column ")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_engines_raise_the_same_error_type(query_out):
    for name in ("rdflib", "oxigraph"):
        with pytest.raises(QuerySyntaxError) as info:
            open_engine(query_out / "graph.ttl", name).query("SELEC ?x")
        assert info.value.line == 1


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_a_broken_graph_file_is_one_line_naming_its_syntax_whatever_the_engine(tmp_path, engine):
    bad = tmp_path / "graph.ttl"
    bad.write_text("@prefix dg: <https://w3id.org/diplograph/ontology#> .\nthis is not turtle\n", "utf-8")
    result = invoke("ASK { ?s ?p ?o }", "-g", bad, "--engine", engine, "-q")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad}: not valid turtle: ")
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


@pytest.mark.parametrize("args,expected", [
    (("SELECT * WHERE { ?s ?p ?o }", "-g", "nowhere/graph.ttl"), "no such graph file"),
    (("no-such-query",), "no query file or bundled query 'no-such-query'"),
    (("missing.rq",), "no query file or bundled query 'missing.rq'"),
])
def test_user_errors_exit_1_with_one_line(tmp_path, args, expected):
    result = invoke(*args)
    assert result.exit_code == 1
    assert expected in result.output and len(result.output.strip().splitlines()) == 1


def test_oxigraph_store_is_persisted_and_rebuilt_when_the_graph_changes(query_out, tmp_path):
    graph = tmp_path / "graph.ttl"
    shutil.copy(query_out / "graph.ttl", graph)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?c a dg:PhoneCall }"
    before = open_engine(graph, "oxigraph").query(count).column("n")
    assert store_dir(graph).is_dir() and (store_dir(graph) / "source.json").is_file()
    assert choose_engine(graph) == "oxigraph"  # a fresh store exists: auto uses it
    extra = "\n<https://w3id.org/diplograph/id/interaction/x> a <https://w3id.org/diplograph/ontology#PhoneCall> .\n"
    with graph.open("a", encoding="utf-8") as handle:
        handle.write(extra)
    os.utime(graph, ns=(graph.stat().st_atime_ns, graph.stat().st_mtime_ns + 1_000_000_000))
    assert choose_engine(graph) == "rdflib"  # the store is stale now
    after = open_engine(graph, "oxigraph").query(count).column("n")
    assert int(after[0]) == int(before[0]) + 1
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_oxigraph_falls_back_to_memory_when_the_folder_is_read_only(query_out, tmp_path, monkeypatch):
    import tempfile

    from diplograph.graph import query as query_module

    graph = tmp_path / "graph.ttl"
    shutil.copy(query_out / "graph.ttl", graph)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    read: list[int] = []
    engine = query_module.OxigraphEngine(graph, read.append)
    assert engine.query("ASK { actor:joe-biden a dg:Person }").boolean is True
    assert not store_dir(graph).exists()
    assert sum(read) == graph.stat().st_size  # the bar shown for loading a store moves for the memory one too


def test_loading_the_store_reports_every_byte_once(query_out, tmp_path):
    """The progress bar of the first query counts the graph file's bytes; an up-to-date store loads nothing."""
    from diplograph.graph.query import store_is_current

    graph = tmp_path / "graph.ttl"
    shutil.copy(query_out / "graph.ttl", graph)
    read: list[int] = []
    assert not store_is_current(graph)
    rows = open_engine(graph, "oxigraph", read.append).query(CALLS).rows
    assert sum(read) == graph.stat().st_size and len(read) >= 1
    assert store_is_current(graph)
    again: list[int] = []
    assert open_engine(graph, "oxigraph", again.append).query(CALLS).rows == rows and again == []
    assert invoke(CALLS, "-g", graph, "-q", "-f", "csv").exit_code == 0


def test_the_loading_bar_says_where_the_store_goes(query_out, tmp_path, monkeypatch):
    """A store beside the graph is loaded once; beside a read-only folder it is loaded in memory, each run."""
    from contextlib import contextmanager

    from diplograph.cli import progress as bars

    graph = tmp_path / "graph.ttl"
    shutil.copy(query_out / "graph.ttl", graph)
    labels = []

    @contextmanager
    def record(quiet, label, total):
        labels.append(label)
        yield None

    monkeypatch.setattr(bars, "byte_progress", record)
    for writable in (True, False):
        monkeypatch.setattr(bars.os, "access", lambda path, mode, ok=writable: ok)
        with bars.store_progress(False, graph):
            pass
    assert "into its Oxigraph store (once" in labels[0]
    assert "in memory (its folder is read-only)" in labels[1]
