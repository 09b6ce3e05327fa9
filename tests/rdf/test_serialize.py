"""The RDF outputs: graph.ttl and the other formats, parseable, equal to the graph, byte-stable, atomic."""
from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from diplograph.graph.rdf import serialize
from diplograph.graph.rdf.load import GraphFileError, TripleIndex, read_knowledge_graph
from diplograph.graph.rdf.mapping import article_graph, canonical, from_graph, to_graph
from diplograph.pipeline.formats import RDF, find, write

ROOT = Path(__file__).resolve().parents[2]


def test_ttl_writes_only_graph_ttl(seed_graph, seed_rdf, tmp_path):
    written = write(seed_graph, tmp_path, ["ttl"])
    assert written == {"rdf (turtle)": tmp_path / "graph.ttl"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]
    parsed = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    assert set(parsed) == set(seed_rdf)
    assert "@prefix dg: <https://w3id.org/diplograph/ontology#>" in (tmp_path / "graph.ttl").read_text("utf-8")


def test_every_format_parses_back_to_the_same_triples(seed_graph, seed_rdf, tmp_path):
    written = write(seed_graph, tmp_path / "out", ("jsonld", "nt", "trig"))
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.jsonld", "graph.nt", "graph.trig"]
    assert set(Graph().parse(written["rdf (nt)"], format="nt")) == set(seed_rdf)
    assert set(Graph().parse(written["rdf (json-ld)"], format="json-ld")) == set(seed_rdf)
    dataset = Dataset()
    dataset.parse(written["rdf (trig)"], format="trig")
    assert {(s, p, o) for s, p, o, _ in dataset.quads()} == set(seed_rdf)
    named = {str(g.identifier) for g in dataset.graphs()} - {str(dataset.default_graph.identifier)}
    assert named == {str(article_graph(a.id)) for a in seed_graph.articles}


def test_every_format_reads_back_to_the_knowledge_graph(seed_graph, tmp_path):
    """`export` reads graph files through Oxigraph's parser into a TripleIndex: the same graph as rdflib gives."""
    written = write(seed_graph, tmp_path / "out", RDF)
    assert len(written) == 4
    for name, path in written.items():
        assert read_knowledge_graph(path) == canonical(seed_graph), name
    ttl = written["rdf (turtle)"]
    assert from_graph(TripleIndex.parse(ttl)) == from_graph(Graph().parse(ttl, format="turtle"))


def test_a_broken_graph_file_is_one_error_naming_it(seed_graph, tmp_path):
    path = write(seed_graph, tmp_path, ["ttl"])["rdf (turtle)"]
    path.write_text(path.read_text("utf-8")[:5000] + " <unterminated", "utf-8")
    with pytest.raises(GraphFileError, match=r"graph\.ttl: not valid turtle: .*"):
        read_knowledge_graph(path)


def test_jsonld_is_compacted_with_the_diplograph_context(seed_graph, tmp_path):
    path = write(seed_graph, tmp_path, ("json-ld",))["rdf (json-ld)"]
    data = json.loads(path.read_text("utf-8"))
    assert data["@context"]["participant"] == {"@id": "dg:participant", "@type": "@id"}
    calls = [n for n in data["@graph"] if "PhoneCall" in (n["@type"] if isinstance(n["@type"], list) else [n["@type"]])]
    assert calls and all("participant" in c for c in calls)


def test_output_is_byte_stable_across_runs_and_hash_seeds(seed_graph, tmp_path):
    write(seed_graph, tmp_path / "a", RDF)
    (tmp_path / "kg.pickle").write_bytes(pickle.dumps(seed_graph))
    script = (
        "import pickle; from pathlib import Path; from diplograph.pipeline.formats import write, RDF;"
        f"kg = pickle.loads(Path({str(tmp_path / 'kg.pickle')!r}).read_bytes());"
        f"write(kg, Path({str(tmp_path / 'b')!r}), RDF)"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True)
    for name in (find(output).files[0] for output in RDF):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_writing_is_atomic(seed_graph, tmp_path, monkeypatch):
    write(seed_graph, tmp_path, ["ttl"])
    before = (tmp_path / "graph.ttl").read_bytes()

    real = serialize._stream_triples

    def broken(lines):  # fails halfway through serializing, after the sort runs and the body file exist
        for n, triple in enumerate(real(lines)):
            if n == 500:
                raise RuntimeError("disk full")
            yield triple

    monkeypatch.setattr(serialize, "_stream_triples", broken)
    with pytest.raises(RuntimeError):
        write(seed_graph, tmp_path, ["ttl"])
    assert (tmp_path / "graph.ttl").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]  # no temp file left behind


def test_format_names():
    assert find("turtle").name == "ttl" and find("JSONLD").name == "jsonld" and find("n-triples").name == "nt"
    with pytest.raises(ValueError, match="unknown output format 'rdfxml'"):
        find("rdfxml")


def test_written_graph_equals_to_graph(seed_graph, seed_out):
    assert set(Graph().parse(seed_out / "graph.ttl")) == set(to_graph(seed_graph))


def test_reading_back_reports_its_progress(seed_graph, tmp_path):
    """`diplograph export` shows two bars: the bytes of the file, then the nodes rebuilt."""
    from diplograph.graph.rdf.load import knowledge_graph_of, read_index

    path = write(seed_graph, tmp_path, ["ttl"])["rdf (turtle)"]
    read: list[int] = []
    index = read_index(path, read.append)
    assert sum(read) == path.stat().st_size
    wrapped: list[int] = []

    def count(items):
        items = list(items)
        wrapped.append(len(items))
        return items

    kg = knowledge_graph_of(index, path, count)
    assert kg == canonical(seed_graph)
    assert wrapped == [len(kg.articles) + len(kg.actors) + len(kg.interactions) + len(kg.statements) + len(kg.topics)]
