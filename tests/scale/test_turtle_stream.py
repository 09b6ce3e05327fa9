"""graph.ttl written in bounded memory: the same bytes as the in-memory writer, spilled sort runs included."""
from __future__ import annotations

from diplograph.graph import serialize
from diplograph.graph.rdf import triples


def test_streamed_turtle_is_the_in_memory_turtle(seed_graph, tmp_path, monkeypatch):
    whole = serialize.turtle(t for _, t in triples(seed_graph))
    serialize.write_turtle((t for _, t in triples(seed_graph)), tmp_path / "a.ttl")
    assert (tmp_path / "a.ttl").read_text("utf-8") == whole
    monkeypatch.setattr(serialize, "SORT_RUN", 97)  # dozens of runs spilled to files and merged
    serialize.write_turtle((t for _, t in triples(seed_graph)), tmp_path / "b.ttl")
    assert (tmp_path / "b.ttl").read_text("utf-8") == whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ttl", "b.ttl"]  # no run or body file left


def test_repeated_triples_are_written_once_across_runs(seed_graph, tmp_path, monkeypatch):
    monkeypatch.setattr(serialize, "SORT_RUN", 50)
    twice = [t for _, t in triples(seed_graph)] * 2
    serialize.write_turtle(iter(twice), tmp_path / "c.ttl")
    assert (tmp_path / "c.ttl").read_text("utf-8") == serialize.turtle(twice)


def test_a_nul_in_a_literal_falls_back_to_the_in_memory_writer(tmp_path):
    from rdflib import Literal, URIRef

    odd = [(URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("x\x00y"))]
    serialize.turtle(serialize.ToFile(odd, tmp_path / "d.ttl"))
    assert (tmp_path / "d.ttl").read_text("utf-8") == serialize.turtle(odd)
