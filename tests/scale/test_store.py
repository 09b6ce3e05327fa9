"""--store: each article's named graph goes to a real SPARQL store (Oxigraph server) by Graph Store Protocol PUT."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from conftest import CORPUS
from diplograph.pipeline import build_graph
from diplograph.graph.rdf.mapping import article_graph, triples
from diplograph.graph.rdf.store import StoreError, push_graph
from scale.helpers import run


def _oxigraph() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        pytest.skip("needs the Oxigraph server binary (pip install oxigraph, in the test extra)")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def server(tmp_path):
    """An Oxigraph server on 127.0.0.1 with an empty store; yields its base URL."""
    port = _free_port()
    proc = subprocess.Popen([_oxigraph(), "serve", "--location", str(tmp_path / "store"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/query?query=" + urllib.parse.quote("ASK {}"), timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the Oxigraph server did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def select(base: str, query: str) -> list[dict]:
    request = urllib.request.Request(base + "/query", data=query.encode("utf-8"),
                                     headers={"Content-Type": "application/sparql-query",
                                              "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["results"]["bindings"]


def per_graph(base: str) -> dict[str, int]:
    rows = select(base, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {r["g"]["value"]: int(r["n"]["value"]) for r in rows}


def expected(kg) -> dict[str | None, int]:
    counts: dict[str | None, set] = {}
    for article_id, triple in triples(kg):
        key = None if article_id is None else str(article_graph(article_id))
        counts.setdefault(key, set()).add(triple)
    return {k: len(v) for k, v in counts.items()}


def test_push_the_seeds_query_them_back_and_replace_one_article(server, tmp_path, extractor):
    kg = build_graph([CORPUS], extractor=extractor)
    assert push_graph(kg, server + "/store") == len(kg.articles) + 1
    want = expected(kg)
    assert per_graph(server) == {k: v for k, v in want.items() if k is not None}
    (default,) = select(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(default["n"]["value"]) == want[None]
    quotes = select(server, "PREFIX dg: <https://w3id.org/diplograph/ontology#> "
                            "SELECT ?st WHERE { GRAPH ?g { ?st a dg:Statement } }")
    assert len(quotes) == len(kg.statements)

    # One article is corrected (its later paragraphs are cut; its URL, so its id, stays): pushing again
    # replaces its graph, leaving none of the facts of the cut paragraphs behind.
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    seed = sorted(corpus.glob("*.txt"))[0]
    text = seed.read_text("utf-8")
    cut_from = text.index("<p>", text.index("<p>", text.index("<p>") + 1) + 1)
    seed.write_text(text[:cut_from] + text[text.index("原文链接"):], encoding="utf-8")
    changed = build_graph([corpus], extractor=extractor)
    assert {a.id for a in changed.articles} == {a.id for a in kg.articles}
    before = per_graph(server)
    push_graph(changed, server + "/store")
    after = per_graph(server)
    new_want = expected(changed)
    assert after == {k: v for k, v in new_want.items() if k is not None}
    differs = [g for g in after if after[g] != before[g]]
    assert len(differs) == 1 and after[differs[0]] < before[differs[0]]
    push_graph(changed, server + "/store")
    assert per_graph(server) == after  # the same push twice: nothing doubled


def test_build_store_option_pushes_instead_of_writing_graph_ttl(server, tmp_path):
    out = tmp_path / "out"
    result = run("build", str(CORPUS), "--out", str(out), "--store", server + "/store", "-q", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert not (out / "graph.ttl").exists() and (out / "graph.html").exists()
    assert len(per_graph(server)) == 5


def test_build_store_with_a_format_writes_exactly_that_format(server, tmp_path):
    out = tmp_path / "out"
    result = run("build", str(CORPUS), "--out", str(out), "--store", server + "/store", "-f", "nt", "-q", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "actors.gexf", "graph.gexf", "graph.html", "graph.nt", "skipped.tsv"]  # not graph.ttl
    assert "rdf (nt): " in result.output and "graph.ttl" not in result.output
    assert len(per_graph(server)) == 5


def test_an_unreachable_or_refusing_store_is_a_one_line_error(server, tmp_path):
    port = _free_port()
    result = run("build", str(CORPUS), "--out", str(tmp_path / "a"), "--store", f"http://127.0.0.1:{port}/store", "-q")
    assert result.exit_code == 1 and result.output.startswith("Error: cannot reach the store at")
    assert len(result.output.strip().splitlines()) == 1
    result = run("build", str(CORPUS), "--out", str(tmp_path / "b"), "--store", server + "/no-such-service", "-q")
    assert result.exit_code == 1 and "answered 404" in result.output
    with pytest.raises(StoreError):
        push_graph(build_graph([CORPUS]), "ftp://example.org/")
