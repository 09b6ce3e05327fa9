"""`diplograph export` on a real build: the chosen formats beside the graph, errors in one line."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import CORPUS
from diplograph.cli.main import cli
from diplograph.graph.export.gexf import read_gexf

TURTLE = '@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n'


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    result = CliRunner().invoke(cli, ["build", str(CORPUS), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


def _run(*args):
    return CliRunner().invoke(cli, ["export", *args])


def _one_line_error(result, code=1):
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


def test_export_writes_the_chosen_formats_from_a_built_graph(build, tmp_path):
    result = _run("-q", "--from-build", str(build), "--format", "graphml", "--format", "csv", "--view", "actors",
                  "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["actors-edges.csv", "actors-nodes.csv", "actors.graphml"]
    rows = (tmp_path / "actors-nodes.csv").read_text("utf-8").splitlines()
    assert any("普京" in row for row in rows[1:])


def test_the_gexf_of_export_equals_the_one_of_build(build, tmp_path):
    """graph.ttl holds everything the GEXF files show, so exporting it again gives the build's bytes."""
    result = _run("--graph", str(build / "graph.ttl"), "--format", "gexf", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    for name in ("actors.gexf", "graph.gexf"):
        assert (tmp_path / name).read_bytes() == (build / name).read_bytes(), name
    assert read_gexf(tmp_path / "actors.gexf").number_of_edges() > 0


def test_missing_graph_file_is_one_line(tmp_path):
    assert "no such graph file" in _one_line_error(_run("-g", str(tmp_path / "none.ttl"), "--format", "gexf"), code=2)


def test_unreadable_rdf_is_one_line(tmp_path):
    bad = tmp_path / "graph.ttl"
    bad.write_text("this is @ not turtle <<<", "utf-8")
    assert "not valid turtle" in _one_line_error(_run("--graph", str(bad), "--format", "gexf"))


def test_a_graph_that_is_not_diplographs_is_one_line(tmp_path):
    other = tmp_path / "graph.ttl"
    other.write_text(TURTLE, "utf-8")
    assert "no diplograph articles" in _one_line_error(_run("--graph", str(other), "--format", "csv"))


def test_unwritable_out_is_one_line(build, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    _one_line_error(_run("--graph", str(build / "graph.ttl"), "--format", "gexf", "--out", str(blocker / "sub")))


def test_usage_errors_exit_2(build):
    assert _run("--graph", str(build / "graph.ttl")).exit_code == 2  # --format is required
    assert _run("--graph", str(build / "graph.ttl"), "--format", "svg").exit_code == 2


def test_a_diplograph_graph_missing_a_value_is_one_line_naming_the_node(tmp_path):
    bad = tmp_path / "graph.ttl"
    bad.write_text("@prefix dg: <https://w3id.org/diplograph/ontology#> .\n"
                   "<https://w3id.org/diplograph/id/article/x> a dg:Article .\n", "utf-8")
    line = _one_line_error(_run("--graph", str(bad), "--format", "gexf"))
    assert "not a diplograph graph" in line and "article/x" in line
