"""`diplograph export`: reads the graph through one loader, writes the chosen formats, errors in one line."""
from __future__ import annotations

import sys
import types

import pytest
from click.testing import CliRunner

from diplograph.cli.main import cli

TURTLE = '@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n'


@pytest.fixture
def fake_rdf(monkeypatch, tiny_graph):
    """Stand in for graph/rdf.py (being written elsewhere): `from_graph` returns the tiny graph."""
    module = types.ModuleType("diplograph.graph.rdf")
    module.calls = []

    def from_graph(g):
        module.calls.append(len(g))
        return tiny_graph

    module.from_graph = from_graph
    monkeypatch.setitem(sys.modules, "diplograph.graph.rdf", module)
    return module


def _run(*args):
    return CliRunner().invoke(cli, ["export", *args])


def _one_line_error(result, code=1):
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


def test_export_is_a_subcommand():
    from diplograph.cli.main import COMMANDS

    assert COMMANDS["export"] == "diplograph.cli.export:export"
    result = _run("--help")
    assert result.exit_code == 0 and "--format" in result.output


def test_export_writes_the_chosen_formats_beside_the_graph(tmp_path, fake_rdf):
    ttl = tmp_path / "graph.ttl"
    ttl.write_text(TURTLE)
    result = _run("--graph", str(ttl), "--format", "gexf", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert fake_rdf.calls == [1]  # the Turtle file was parsed and handed over
    names = {p.name for p in tmp_path.iterdir()}
    assert names == {"graph.ttl", "actors.gexf", "graph.gexf", "actors-nodes.csv", "actors-edges.csv",
                     "graph-nodes.csv", "graph-edges.csv"}
    assert sorted(result.output.split()) == sorted(str(tmp_path / n) for n in names - {"graph.ttl"})


def test_from_build_view_and_out(tmp_path, fake_rdf):
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "graph.ttl").write_text(TURTLE)
    result = _run("--from-build", str(tmp_path / "build"), "--format", "graphml", "--view", "actors",
                  "--out", str(tmp_path / "exports"))
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "exports").iterdir()] == ["actors.graphml"]


def test_missing_graph_file_is_one_line(tmp_path):
    line = _one_line_error(_run("--graph", str(tmp_path / "none.ttl"), "--format", "gexf"))
    assert "none.ttl" in line and "no such file" in line


def test_without_graph_rdf_the_error_names_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "diplograph.graph.rdf", None)
    ttl = tmp_path / "graph.ttl"
    ttl.write_text(TURTLE)
    assert "diplograph.graph.rdf" in _one_line_error(_run("--graph", str(ttl), "--format", "gexf"))
    monkeypatch.setitem(sys.modules, "diplograph.graph.rdf", types.ModuleType("diplograph.graph.rdf"))
    assert "from_graph" in _one_line_error(_run("--graph", str(ttl), "--format", "gexf"))


def test_unreadable_rdf_is_one_line(tmp_path, fake_rdf):
    ttl = tmp_path / "graph.ttl"
    ttl.write_text("this is not turtle @@@")
    assert "not a readable RDF graph" in _one_line_error(_run("--graph", str(ttl), "--format", "gexf"))
    assert fake_rdf.calls == []


def test_a_graph_from_graph_rejects_is_one_line(tmp_path, fake_rdf, monkeypatch):
    def refuse(g):
        raise ValueError("no dg:Actor in\nthis graph")

    monkeypatch.setattr(fake_rdf, "from_graph", refuse)
    ttl = tmp_path / "graph.ttl"
    ttl.write_text(TURTLE)
    line = _one_line_error(_run("--graph", str(ttl), "--format", "gexf"))
    assert "not a diplograph graph (no dg:Actor in this graph)" in line


def test_unwritable_out_is_one_line(tmp_path, fake_rdf):
    ttl = tmp_path / "graph.ttl"
    ttl.write_text(TURTLE)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    line = _one_line_error(_run("--graph", str(ttl), "--format", "gexf", "--out", str(blocker / "sub")))
    assert "cannot write" in line


def test_usage_errors_exit_2(tmp_path):
    assert _run("--graph", "a.ttl", "--from-build", "b", "--format", "gexf").exit_code == 2
    assert _run("--graph", "a.ttl").exit_code == 2  # --format is required
    assert _run("--graph", "a.ttl", "--format", "pdf").exit_code == 2
