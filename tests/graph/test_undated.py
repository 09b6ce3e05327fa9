"""An article with no date anywhere is kept, undated, and every output shows it as such.

The undated article is seed 001 (the Biden–Putin call of 2021-12-30) with its
dateline and source URL removed (tests/support/undated.py): real text whose
only dates are relative (周四（12月30日）), so none of its facts can be dated.
"""
from __future__ import annotations

import json
import re

import pytest

from diplograph.ingest.jsonl import article_from_json, article_to_json
from diplograph.ingest.reader import read_file
from support.undated import corpus_with_an_undated_article, undated_copy

@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return corpus_with_an_undated_article(tmp_path_factory.mktemp("undated-corpus"))


@pytest.fixture(scope="module")
def kg(corpus, extractor):
    from diplograph.pipeline import Report, build_graph

    report = Report()
    graph = build_graph([corpus], report, extractor=extractor)
    assert (report.articles, report.undated, report.skipped) == (5, 1, [])
    return graph


@pytest.fixture(scope="module")
def undated(kg):
    (article,) = [a for a in kg.articles if a.published is None]
    return article


def test_the_undated_article_keeps_its_facts_but_no_date_it_cannot_know(kg, undated):
    reports = [r for node in kg.interactions for r in node.reports if r.article_id == undated.id]
    statements = [s for s in kg.statements if s.article_id == undated.id]
    assert reports and statements  # the call and what Biden and Putin said are still there
    # 周四（12月30日）: which year, without the article's date? Only 图为2021年6月16日 is a date.
    assert {(r.date.iso() if r.date else None) for r in reports} == {None, "2021-06-16"}
    assert [r.evidence.text[:12] for r in reports if r.date] == ["图为2021年6月16日"]
    assert all(s.date is None for s in statements)
    # its undated report of the call is its own event, not merged by guesswork into the dated one of seed 003
    dated_call = [n for n in kg.interactions if n.date is not None and n.date.iso() == "2021-12-30"
                  and set(n.participants) == {"joe-biden", "vladimir-putin"}]
    assert dated_call and all(r.article_id != undated.id for n in dated_call for r in n.reports)


def test_rdf_leaves_out_the_date_conforms_and_round_trips(kg, undated):
    from diplograph.graph.rdf.iris import iri
    from diplograph.graph.rdf.mapping import canonical, from_graph, to_graph
    from diplograph.graph.rdf.validate import validate_graph
    from diplograph.ontology.namespace import DG

    rdf = to_graph(kg)
    assert rdf.value(iri("article", undated.id), DG.published) is None
    assert validate_graph(rdf).conforms
    assert from_graph(rdf) == canonical(kg)


def test_gexf_page_and_json_lines_say_undated(kg, undated, tmp_path):
    from diplograph.pipeline.formats import export
    from diplograph.viz.page_data import build_page_data

    export(kg, tmp_path, ["gexf"])
    gexf = (tmp_path / "graph.gexf").read_text("utf-8")

    def date_of(article_id):
        node = re.search(rf'<node id="article:{article_id}".*?</node>', gexf, re.S).group(0)
        return re.search(r'<attvalue for="date" value="([^"]*)"', node).group(1)

    assert date_of(undated.id) == ""  # and its undated facts have no interval: on screen all along the timeline
    dated = next(a for a in kg.articles if a.published is not None)
    assert date_of(dated.id) == dated.published.date().isoformat()
    articles = build_page_data(kg)["articles"]
    assert articles["day"][articles["id"].index(f"article:{undated.id}")] is None  # the page shows "undated"
    article = read_file(undated_copy(tmp_path))
    line = json.loads(json.dumps(article_to_json(article)))
    assert line["published"] is None and article_from_json(line) == article


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_every_bundled_query_runs_on_a_graph_with_an_undated_article(kg, undated, tmp_path, engine):
    from diplograph.cli.query import bundled_queries
    from diplograph.graph.sparql.query import open_engine
    from diplograph.graph.rdf.serialize import write_graph_ttl

    write_graph_ttl(kg, tmp_path / "graph.ttl")
    opened = open_engine(tmp_path / "graph.ttl", engine)
    for name, path in bundled_queries().items():
        opened.query(path.read_text("utf-8"))  # none fails on the article without dg:published
    sources = opened.query("""SELECT ?file ?published WHERE {
        ?article a dg:Article ; dg:sourceFile ?file . OPTIONAL { ?article dg:published ?published } }""")
    assert ("undated.txt", None) in [(r["file"], r["published"]) for r in sources.records()]
