"""--jobs: reading and extraction in worker processes give the very graph of the sequential build."""
from __future__ import annotations

from conftest import CORPUS, DEV, need_shared
from diplograph.cli.pipeline import Plan, Report, build_graph
from diplograph.graph.rdf import triples
from diplograph.graph.serialize import turtle

from scale.helpers import build


def test_dev_corpus_in_two_processes_is_the_sequential_graph(extractor):
    dev = need_shared(DEV)
    sequential, parallel = Report(), Report()
    one = build_graph([dev], sequential, extractor=extractor)
    two = build_graph([dev], parallel, plan=Plan(jobs=2))
    assert parallel.workers == 2 and parallel.extracted == 222
    assert (one.actors, one.interactions, one.statements) == (two.actors, two.interactions, two.statements)
    assert turtle(t for _, t in triples(one)) == turtle(t for _, t in triples(two))
    assert [s.source_file for s in sequential.skipped] == [s.source_file for s in parallel.skipped]
    assert parallel.stages["segmentation"] > 0 and parallel.stages["setup"] > 0


def test_graph_ttl_bytes_do_not_depend_on_jobs(tmp_path):
    one = build(CORPUS, tmp_path / "one", "--jobs", "1", "--no-cache")
    three = build(CORPUS, tmp_path / "three", "--jobs", "3", "--no-cache")
    assert one == three and b"dg:Statement" in one


def test_duplicates_are_found_across_workers(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seeds = sorted(p for p in CORPUS.iterdir() if p.suffix == ".txt")
    for i, seed in enumerate(seeds):
        (corpus / f"{i}a.txt").write_bytes(seed.read_bytes())
        (corpus / f"{i}b.txt").write_bytes(seed.read_bytes())
    report = Report()
    build_graph([corpus], report, plan=Plan(jobs=2))
    assert report.articles == len(seeds)
    assert [s.source_file for s in report.skipped] == [f"{i}b.txt" for i in range(len(seeds))]
    assert all(s.reason.startswith(f"duplicate of {i}a.txt") for i, s in enumerate(report.skipped))
