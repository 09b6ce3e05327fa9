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
from diplograph.graph.sparql.query import QuerySyntaxError, choose_engine, open_engine, store_dir
from diplograph.graph.sparql.results import width

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
    assert result.stderr.strip() == "Error: SPARQL syntax error: line 3, column 3: not valid SPARQL at 'FILTER(?x = ) }'"
    assert "Traceback" not in result.output


QUERIES_AND_ERRORS = [
    ("SELECT ?x WHERE { ?x a foo:Bar }",
     "line 1, column 24: undeclared prefix 'foo:'; declare it with a line `PREFIX foo: <http://…>` before the query "
     "(these need none: actor:, article:, dcterms:, dg:, interaction:, owl:, place:, prov:, rdfs:, schema:, sem:, "
     "skos:, statement:, topic:, wd:, xsd:)"),
    ("SELECT ?x WHERE {\n  ?x a dg:PhoneCall\n",
     "line 3, column 1: not valid SPARQL at the end of the query (is something missing before it?); "
     "1 more '{' than '}'"),
    ("SELECT ?x WHERE { ?x ?p ?o } LIMT 5", "line 1, column 30: not valid SPARQL at 'LIMT 5'"),
]


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
@pytest.mark.parametrize("text,said", QUERIES_AND_ERRORS)
def test_syntax_errors_say_where_and_what_in_words_the_same_with_either_engine(query_out, engine, text, said):
    result = invoke(text, "-g", query_out / "graph.ttl", "--engine", engine)
    assert (result.exit_code, result.stderr.strip()) == (2, f"Error: SPARQL syntax error: {said}")


def test_an_error_in_a_query_file_names_the_file(query_out, tmp_path):
    (tmp_path / "mine.rq").write_text("# my query\nSELECT ?x WHERE { ?x a foo:Bar }\n", "utf-8")
    result = invoke(tmp_path / "mine.rq", "-g", query_out / "graph.ttl")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {tmp_path / 'mine.rq'}: SPARQL syntax error: line 2, column 24: "
                                    "undeclared prefix 'foo:'")


def test_a_mistyped_query_name_gets_a_did_you_mean(query_out):
    result = invoke("who-warned-who", "-g", query_out / "graph.ttl")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no query file or bundled query 'who-warned-who'; did you mean "
                                    "'who-warned-whom'? (bundled: ")


def test_inline_sparql_longer_than_a_file_name_runs(query_out):
    """A query of more than 255 bytes with no slash used to die with OSError: File name too long."""
    filters = " ".join(f"FILTER(?call != interaction:none{i:03d})" for i in range(12))
    text = f"SELECT ?call ?date WHERE {{ ?call a dg:PhoneCall ; dg:date ?date . {filters} }}"
    assert len(text.encode()) > 255 and "/" not in text
    result = invoke(text, "-g", query_out / "graph.ttl", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert "2021-12-30" in result.output
    broken = invoke(text[:-1], "-g", query_out / "graph.ttl")
    assert broken.exit_code == 2 and broken.stderr.count("\n") == 1


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
    assert result.output == f"Error: {bad}: not valid turtle: line 2, column 1: this is not a valid subject or graph name\n"


def test_a_broken_graph_file_reads_the_same_whatever_reads_it(tmp_path):
    bad = tmp_path / "graph.ttl"
    bad.write_text('@prefix dg: <https://w3id.org/diplograph/ontology#> .\ndg:a dg:b "unclosed .\n', "utf-8")
    said = {invoke("ASK { ?s ?p ?o }", "-g", bad, "--engine", engine, "-q").output for engine in ("rdflib", "oxigraph")}
    for command in (["export", "-g", str(bad), "--format", "csv", "-q"], ["validate", str(bad), "-q"]):
        said.add(CliRunner().invoke(cli, command).output)
    assert said == {f"Error: {bad}: not valid turtle: line 2, column 11: Unexpected end of file\n"}


@pytest.mark.parametrize("args,expected", [
    (("SELECT * WHERE { ?s ?p ?o }", "-g", "nowhere/graph.ttl"), "no such graph file"),
    (("no-such-query",), "no query file or bundled query 'no-such-query'"),
    (("missing.rq",), "no query file or bundled query 'missing.rq'"),
])
def test_a_graph_or_query_that_does_not_exist_exits_2_with_one_line(tmp_path, args, expected):
    result = invoke(*args)
    assert result.exit_code == 2
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

    from diplograph.graph.sparql import query as query_module

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
    from diplograph.graph.sparql.query import store_is_current

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
