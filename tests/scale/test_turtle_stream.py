"""graph.ttl written in bounded memory: the same bytes as the in-memory writer, spilled sort runs included."""
from __future__ import annotations

from diplograph.graph.rdf import serialize
from diplograph.graph.rdf.mapping import triples


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


def test_turtle_sorted_in_several_processes_is_the_same_file(seed_graph, tmp_path, monkeypatch):
    whole = serialize.turtle(t for _, t in triples(seed_graph))
    for parts in (1, 2, 3):
        folder = tmp_path / f"parts-{parts}"
        folder.mkdir()
        serialize.write_graph_ttl(seed_graph, folder / "graph.ttl", parts)
        assert (folder / "graph.ttl").read_text("utf-8") == whole
        assert [p.name for p in folder.iterdir()] == ["graph.ttl"]  # no run file of any process left
    monkeypatch.setattr(serialize, "SORT_RUN", 97)  # each process spills several runs
    serialize.write_graph_ttl(seed_graph, tmp_path / "graph.ttl", 2)
    assert (tmp_path / "graph.ttl").read_text("utf-8") == whole


def test_the_parts_of_a_graph_hold_every_triple_once_together(seed_graph):
    every = {t for _, t in triples(seed_graph)}
    halves = [{t for _, t in triples(seed_graph, (k, 2))} for k in (0, 1)]
    assert halves[0] | halves[1] == every and halves[0] and halves[1]
    assert len(halves[0]) + len(halves[1]) < len(every) + 20  # only shared type triples come twice


def test_a_failing_part_is_an_error_and_leaves_no_run_files(seed_graph, tmp_path, monkeypatch):
    import pytest

    def broken(kg, part=(0, 1)):
        if part[0] == 1:
            raise OSError(28, "No space left on device", str(tmp_path / ".sort-x.tmp"))
        yield from triples(kg, part)

    monkeypatch.setattr(serialize, "triples", broken)
    with pytest.raises(OSError, match="No space left"):
        serialize.write_graph_ttl(seed_graph, tmp_path / "graph.ttl", 2)
    assert list(tmp_path.iterdir()) == []


def test_the_second_range_failing_in_its_process_is_an_error_and_leaves_no_files(seed_graph, tmp_path, monkeypatch):
    import pytest

    real = serialize._body

    def upper_range_fails(runs, low, high, folder):
        if low is not None:  # the subjects from the middle on: serialized in the forked process
            raise OSError(28, "No space left on device", str(folder / ".body-x.tmp"))
        return real(runs, low, high, folder)

    monkeypatch.setattr(serialize, "SORT_RUN", 97)
    monkeypatch.setattr(serialize, "_body", upper_range_fails)
    with pytest.raises(OSError, match="No space left"):
        serialize.write_graph_ttl(seed_graph, tmp_path / "graph.ttl", 2)
    assert list(tmp_path.iterdir()) == []


def test_the_middle_subject_splits_between_subjects(seed_graph, tmp_path):
    runs = serialize._runs((t for _, t in triples(seed_graph)), tmp_path)
    middle = serialize._middle_subject(runs)
    lines = list(serialize._merged(runs))
    below = list(serialize._merged(runs, None, middle))
    assert below == lines[:len(below)] and 0.2 < len(below) / len(lines) < 0.8
    last_subject_below = serialize._subject_marker(below[-1])
    first_subject_above = serialize._subject_marker(lines[len(below)])
    assert last_subject_below < middle == first_subject_above  # no subject is cut in two
