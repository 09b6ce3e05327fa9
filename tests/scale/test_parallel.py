"""--jobs: reading and extraction in worker processes give the very graph of the sequential build."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import CORPUS, DEV, need_shared
from diplograph.pipeline import Plan, Report, build_graph
from diplograph.graph.rdf.mapping import triples
from diplograph.graph.rdf.serialize import turtle

from scale.helpers import build, subset


def test_dev_articles_in_two_processes_are_the_sequential_graph(extractor, tmp_path):
    dev = subset(need_shared(DEV), tmp_path / "dev", 74, step=3)  # a third of the dev corpus, every format
    sequential, parallel = Report(), Report()
    one = build_graph([dev], sequential, extractor=extractor)
    two = build_graph([dev], parallel, plan=Plan(jobs=2))
    assert parallel.workers == 2 and parallel.extracted == 74
    assert (one.actors, one.interactions, one.statements) == (two.actors, two.interactions, two.statements)
    assert turtle(t for _, t in triples(one)) == turtle(t for _, t in triples(two))
    assert [s.source_file for s in sequential.skipped] == [s.source_file for s in parallel.skipped]
    assert parallel.stages["segmentation"] > 0 and parallel.stages["setup"] > 0


def test_output_files_do_not_depend_on_jobs(tmp_path):
    """graph.ttl is the same byte for byte; so are graph.html and the GEXF files, written side by side with --jobs."""
    one = build(CORPUS, tmp_path / "one", "--jobs", "1", "--no-cache")
    for jobs in ("3",):  # in a new process, as a user runs it (this one may have threads, where nothing is forked)
        subprocess.run([sys.executable, "-m", "diplograph.cli.main", "build", str(CORPUS), "--out",
                        str(tmp_path / "three"), "-q", "--no-cache", "--jobs", jobs], check=True, capture_output=True)
    three = (tmp_path / "three" / "graph.ttl").read_bytes()
    assert one == three and b"dg:Statement" in one
    for name in ("graph.html", "actors.gexf", "graph.gexf", "skipped.tsv"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "three" / name).read_bytes(), name
    # Without the page, graph.ttl sorts its triples in two processes: still the same bytes.
    subprocess.run([sys.executable, "-m", "diplograph.cli.main", "build", str(CORPUS), "--out",
                    str(tmp_path / "two"), "-q", "--no-cache", "--jobs", "2", "--skip", "html"],
                   check=True, capture_output=True)
    assert (tmp_path / "two" / "graph.ttl").read_bytes() == one
    assert not (tmp_path / "two" / "graph.html").exists()
    assert not [p.name for p in (tmp_path / "two").iterdir() if p.name.startswith(".") and p.suffix == ".tmp"]


def test_a_failing_output_stage_fails_the_build(tmp_path, monkeypatch):
    from diplograph.pipeline.stages import StageFailed, run_stages
    from diplograph.pipeline import Report

    def broken():
        raise OSError("disk full")

    report = Report()
    with pytest.raises((StageFailed, OSError), match="disk full"):  # OSError itself where nothing is forked
        run_stages([("rdf", lambda: {"a": tmp_path / "a"}), ("viz", broken)], 2, report)
    assert report.outputs == {"a": tmp_path / "a"} and set(report.stages) == {"rdf", "viz"}


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


def test_three_output_stages_on_two_cores_run_as_two_processes_heaviest_alone():
    from diplograph.pipeline.outputs import STAGE_WEIGHTS
    from diplograph.pipeline.stages import groups

    stages = [("rdf", None), ("viz", None), ("export", None)]
    assert [[n for n, _ in g] for g in groups(stages, 2, STAGE_WEIGHTS)] == [["viz"], ["rdf", "export"]]
    assert [[n for n, _ in g] for g in groups(stages, 8, STAGE_WEIGHTS)] == [["viz"], ["rdf"], ["export"]]
    assert [[n for n, _ in g] for g in groups(stages, 1, STAGE_WEIGHTS)] == [["viz", "rdf", "export"]]


SHARED_PROCESS_FAILURE = """
import json, sys
from pathlib import Path
from diplograph.pipeline import Report
from diplograph.pipeline.stages import StageFailed, can_fork, run_stages

def broken():
    raise OSError("disk full")

out = Path(sys.argv[1])
report = Report()
stages = [("rdf", broken), ("viz", lambda: {"v": out / "v"}), ("export", lambda: {"e": out / "e"})]
try:
    run_stages(stages, 2, report, weights={"viz": 4.0, "rdf": 1.5, "export": 1.0})
    error = None
except (StageFailed, OSError) as exc:
    error = str(exc)
print(json.dumps({"forked": can_fork(), "error": error, "outputs": sorted(report.outputs),
                  "stages": sorted(report.stages), "peaks": sorted(report.peaks)}))
"""


def test_a_failing_stage_sharing_a_process_fails_the_build_and_keeps_the_others(tmp_path):
    # In a new process without threads, as the CLI runs it (this one may have threads, where nothing is forked).
    done = subprocess.run([sys.executable, "-c", SHARED_PROCESS_FAILURE, str(tmp_path)], check=True,
                          capture_output=True, text=True)
    result = json.loads(done.stdout)
    assert result["forked"] and "disk full" in result["error"]
    # rdf and export share a process: export never ran after rdf failed; viz, alone, did.
    assert result["outputs"] == ["v"] and result["stages"] == ["rdf", "viz"]
    assert result["peaks"] == ["rdf+export process", "viz process"]
