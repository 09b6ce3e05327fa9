"""SHACL validation: the seed graph conforms; broken graphs are caught with readable messages; the CLI."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import RDF

from diplograph.cli.main import cli
from diplograph.graph.rdf.iris import iri
from diplograph.graph.rdf.mapping import to_graph
from diplograph.graph.rdf.validate import validate_graph
from diplograph.ontology.namespace import DG

from .conftest import A2, small_graph


@pytest.fixture(scope="module")
def seed_validation(seed_rdf):
    return validate_graph(seed_rdf)


def test_the_seed_graph_conforms(seed_validation):
    assert seed_validation.conforms, "\n".join(p.line() for p in seed_validation.problems[:20])
    assert seed_validation.problems == ()


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    return copy


def test_broken_graphs_are_caught():
    g = to_graph(small_graph())
    call = sorted(g.subjects(RDF.type, DG.PhoneCall))[0]
    for p in sorted(g.objects(call, DG.participant))[1:]:
        g.remove((call, DG.participant, p))
    g.set((call, DG.date, Literal("2021-12")))
    statement = sorted(g.subjects(RDF.type, DG.Statement))[0]
    g.remove((statement, DG.speaker, None))
    g.remove((statement, DG.evidence, None))
    g.remove((call, DG.reportedIn, iri("article", A2)))  # its report from a2 stays: provenance out of step
    result = validate_graph(g)
    assert not result.conforms
    lines = {p.line() for p in result.problems}
    assert (f"Violation: interaction:i1: the interaction has a report from {iri('article', A2)} "
            "but is not dg:reportedIn it") in lines
    messages = {p.message for p in result.problems}
    assert "an interaction has at least two participants, or a dg:participantNote saying why not" in messages
    assert "dg:date is an xsd:date" in messages
    assert "a statement has exactly one speaker, an actor" in messages
    assert "a statement has the text of its evidence sentence" in messages
    assert all(p.focus.startswith(("interaction:", "statement:")) for p in result.problems)


def _broken_seed_graph(seed_rdf: Graph) -> Graph:
    """The seed graph with one fault of each kind the shapes look for through a node's values."""
    g = _copy(seed_rdf)
    statements = sorted(g.subjects(RDF.type, DG.Statement))
    g.remove((statements[0], DG.speaker, None))  # a count on the node itself
    g.add((statements[1], DG.speaker, iri("topic", "sanctions")))  # sh:class: the value's type
    interaction = sorted(g.subjects(RDF.type, DG.Interaction))[0]
    report = sorted(g.objects(interaction, DG.hasReport))[0]
    g.remove((report, DG.reportedType, None))  # sh:node: the value's own properties
    g.remove((interaction, DG.reportedIn, g.value(report, DG.reportedIn)))  # SPARQL: through hasReport
    actor = sorted(g.subjects(RDF.type, DG.Person))[0]
    g.add((actor, RDF.type, DG.Country))  # sh:xone over the types
    return g


@pytest.mark.parametrize("chunk,jobs", [(9, 1), (120, 2)])
def test_validating_in_chunks_finds_what_one_run_finds(seed_rdf, chunk, jobs):
    """Each chunk carries what the shapes read around its nodes, so no fault is missed or made up,
    whether one process checks every chunk or several share them."""
    broken = _broken_seed_graph(seed_rdf)
    whole = validate_graph(broken, chunk=10**9)
    kinds = {p.message for p in whole.problems}
    assert not whole.conforms and len(kinds) >= 5, kinds
    assert len(whole.problems) == _pyshacl_results(broken)  # the one run keeps every result pyshacl gives
    assert validate_graph(broken, chunk=chunk, jobs=jobs) == whole
    steps = []

    def counted(chunks):
        steps.extend(chunks)
        return chunks

    assert validate_graph(seed_rdf, chunk=chunk, jobs=jobs, progress=counted).conforms
    nodes = len(set(seed_rdf.subjects()))
    assert len(steps) == len(range(0, -(-nodes // chunk), jobs))  # this process's share of the chunks


def _pyshacl_results(data: Graph) -> int:
    """How many results (nested ones included) pyshacl gives for `data` and the ontology in one run."""
    from pyshacl import validate
    from rdflib.namespace import SH

    from diplograph.ontology.vocab import read_ontology, shapes_path

    combined = read_ontology()
    for triple in data:
        combined.add(triple)
    _, report, _ = validate(combined, shacl_graph=Graph().parse(shapes_path()), inference="none",
                            allow_warnings=True)
    return len(set(report.subjects(RDF.type, SH.ValidationResult)))


def test_a_stated_reason_excuses_a_single_participant():
    g = to_graph(small_graph())
    assert validate_graph(g).conforms
    call = sorted(g.subjects(RDF.type, DG.PhoneCall))[0]
    for p in sorted(g.objects(call, DG.participant))[1:]:
        g.remove((call, DG.participant, p))
    g.add((call, DG.participantNote, Literal("the article does not name the other side")))
    assert validate_graph(g).conforms


def test_cli_validate_ok(seed_out):
    result = CliRunner().invoke(cli, ["validate", str(seed_out / "graph.ttl")])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_cli_validate_reports_problems_and_exits_1(tmp_path):
    g = to_graph(small_graph())
    for statement in sorted(g.subjects(RDF.type, DG.Statement)):
        g.remove((statement, DG.speaker, None))
    g.remove((sorted(g.subjects(RDF.type, DG.Interaction))[0], DG.status, None))
    path = tmp_path / "bad.ttl"
    g.serialize(path, format="turtle")
    result = CliRunner().invoke(cli, ["validate", str(path), "--limit", "2"])
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert lines[0] == ("Violation: interaction:i1 dg:status: an interaction has one status: held, planned, "
                        "proposed or cancelled")
    assert lines[1] == "Violation: statement:s1 dg:speaker: a statement has exactly one speaker, an actor"
    assert lines[-1].startswith("… and 1 more")
    assert "does not conform: 3 violation(s)" in result.stderr


@pytest.mark.parametrize("content,name,expected,code", [
    (None, "missing.ttl", "no such graph file", 2),
    ("this is not turtle", "broken.ttl", "not valid turtle", 1),
    ("", "graph.xyz", "unknown graph file type", 1),
])
def test_cli_validate_user_errors_are_one_line(tmp_path, content, name, expected, code):
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == code
    assert expected in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_cli_validate_refuses_a_graph_that_is_not_a_diplograph_graph(tmp_path):
    empty, other = tmp_path / "empty.ttl", tmp_path / "other.ttl"
    empty.write_text("")
    other.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n")
    for path in (empty, other):
        result = CliRunner().invoke(cli, ["validate", str(path)])
        assert result.exit_code == 1 and "conforms" not in result.output
        assert f"{path}: no diplograph articles in this graph" in result.output


def test_cli_validate_takes_the_graph_as_query_and_export_do(seed_out, tmp_path, monkeypatch):
    graph = str(seed_out / "graph.ttl")
    by_option = CliRunner().invoke(cli, ["validate", "-g", graph])
    assert by_option.exit_code == 0 and "conforms" in by_option.output
    both = CliRunner().invoke(cli, ["validate", graph, "--graph", graph])
    assert both.exit_code == 2 and "not both" in both.output
    monkeypatch.chdir(tmp_path)  # no out/graph.ttl here: the default is named in the error
    missing = CliRunner().invoke(cli, ["validate"])
    assert missing.exit_code == 2 and "out/graph.ttl: no such graph file" in missing.output
