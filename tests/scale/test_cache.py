"""The incremental cache: only new or changed files are extracted again, and the graph is the uncached one."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from conftest import CORPUS, DEV, need_shared
from diplograph.pipeline import Plan, Report, build_graph
from diplograph.graph.rdf.mapping import triples
from diplograph.graph.rdf.serialize import turtle
from support.replicate import replicate

from scale.helpers import build, run, subset


def ttl(kg) -> str:
    return turtle(t for _, t in triples(kg))


@pytest.fixture()
def corpus(tmp_path):
    """30 dev files of every format; and ten more articles (copies of other dev files, with their own ids)."""
    dev = need_shared(DEV)
    folder = subset(dev, tmp_path / "corpus", 30, step=7)
    extra_src = subset(dev, tmp_path / "extra-src", 10, start=3, step=20)
    replicate(extra_src, tmp_path / "extra", 2)
    return folder, tmp_path / "extra" / "copy-001"


def test_adding_ten_articles_extracts_only_those_ten(corpus, tmp_path):
    folder, extra = corpus
    plan = Plan(jobs=1, cache_dir=tmp_path / "cache")
    first = Report()
    build_graph([folder], first, plan=plan)
    assert (first.extracted, first.cached) == (30, 0)
    again = Report()
    same = build_graph([folder], again, plan=plan)
    assert (again.extracted, again.cached) == (0, 30) and "extraction" not in again.stages
    assert ttl(same) == ttl(build_graph([folder], plan=Plan(jobs=1)))
    shutil.copytree(extra, folder / "added")
    grown = Report()
    kg = build_graph([folder], grown, plan=plan)
    assert (grown.extracted, grown.cached) == (10, 30)
    assert len(kg.articles) == first.articles + 10
    assert ttl(kg) == ttl(build_graph([folder], plan=Plan(jobs=2)))


def test_a_changed_file_is_extracted_again_and_its_old_entry_dropped(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    seeds = sorted(p for p in CORPUS.iterdir() if p.suffix == ".txt")
    for seed in seeds:
        (folder / seed.name).write_bytes(seed.read_bytes())
    plan = Plan(jobs=1, cache_dir=tmp_path / "cache")
    build_graph([folder], plan=plan)
    changed = folder / seeds[0].name
    changed.write_text(changed.read_text("utf-8").replace("。", "。\n", 1), encoding="utf-8")
    report = Report()
    kg = build_graph([folder], report, plan=plan)
    assert (report.extracted, report.cached) == (1, len(seeds) - 1)
    assert ttl(kg) == ttl(build_graph([folder]))
    rows = sqlite3.connect(tmp_path / "cache" / "extractions.sqlite").execute("SELECT COUNT(*) FROM entries").fetchone()
    assert rows == (len(seeds),)


def test_a_changed_lexicon_invalidates_every_extraction(tmp_path):
    plan = Plan(jobs=1, cache_dir=tmp_path / "cache")
    build_graph([CORPUS], plan=plan)
    extra = tmp_path / "lexicon"
    extra.mkdir()
    (extra / "not_actors.txt").write_text("新词语\n", encoding="utf-8")
    report = Report()
    kg = build_graph([CORPUS], report, lexicon_dirs=[extra], plan=plan)
    assert (report.extracted, report.cached) == (5, 0)
    assert ttl(kg) == ttl(build_graph([CORPUS], lexicon_dirs=[extra]))
    back = Report()
    build_graph([CORPUS], back, plan=plan)
    assert back.extracted == 5  # the entries of the other lexicon were dropped, not mixed in


def test_an_interrupted_build_leaves_a_cache_that_the_next_build_completes(corpus, tmp_path, monkeypatch):
    folder, _ = corpus
    import diplograph.pipeline.cache as cache_module

    monkeypatch.setattr(cache_module, "COMMIT_EVERY", 0.0)  # commit after every entry, so the stop lands mid-way
    plan = Plan(jobs=1, cache_dir=tmp_path / "cache")

    class Stop(Exception):
        pass

    def stop_after(items, limit=12):
        for n, item in enumerate(items):
            if n == limit:
                raise Stop
            yield item

    with pytest.raises(Stop):
        build_graph([folder], Report(), progress=stop_after, plan=plan)
    db = sqlite3.connect(tmp_path / "cache" / "extractions.sqlite")
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    (kept,) = db.execute("SELECT COUNT(*) FROM entries").fetchone()
    db.close()
    assert 10 <= kept <= 15
    resumed = Report()
    kg = build_graph([folder], resumed, plan=plan)
    assert (resumed.cached, resumed.extracted) == (kept, 30 - kept)
    assert ttl(kg) == ttl(build_graph([folder]))


def test_build_keeps_its_cache_in_the_output_folder(tmp_path):
    out = tmp_path / "out"
    first = build(CORPUS, out, "--jobs", "1")
    assert (out / ".cache" / "extractions.sqlite").is_file()
    result = run("build", str(CORPUS), "--out", str(out), "--jobs", "1")
    assert result.output.startswith("up to date (nothing changed since the last build): 5 article(s) from 5 file(s)")
    assert (out / "graph.ttl").read_bytes() == first
    (out / "graph.html").write_text("edited by hand")  # an output changed: rebuilt, extractions from the cache
    result = run("build", str(CORPUS), "--out", str(out), "--jobs", "1")
    assert "0 file(s) extracted, 5 from the cache" in result.output
    assert "edited by hand" not in (out / "graph.html").read_text("utf-8")
    assert (out / "graph.ttl").read_bytes() == first
    result = run("build", str(CORPUS), "--out", str(out), "--jobs", "1", "--skip", "gexf")  # other options
    assert "0 file(s) extracted, 5 from the cache" in result.output
    result = run("build", str(CORPUS), "--out", str(tmp_path / "plain"), "--no-cache", "-q")
    assert not (tmp_path / "plain" / ".cache").exists()
    assert (tmp_path / "plain" / "graph.ttl").read_bytes() == first


def test_two_output_folders_sharing_a_cache_keep_their_own_up_to_date_stamp(tmp_path):
    cache = str(tmp_path / "cache")
    for out in ("a", "b"):
        build(CORPUS, tmp_path / out, "--jobs", "1", "--cache-dir", cache)
    for out in ("a", "b", "a"):
        result = run("build", str(CORPUS), "--out", str(tmp_path / out), "--jobs", "1", "--cache-dir", cache)
        assert result.output.startswith("up to date (nothing changed since the last build):"), (out, result.output)
    assert len(list((tmp_path / "cache").glob("build-*.json"))) == 2


def test_a_changed_input_file_is_never_up_to_date(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    out = tmp_path / "out"
    build(corpus, out, "--jobs", "1")
    seed = sorted(corpus.glob("*.txt"))[2]
    seed.write_bytes(seed.read_bytes().replace("。".encode(), "。\n".encode(), 1))
    result = run("build", str(corpus), "--out", str(out), "--jobs", "1")
    assert "1 file(s) extracted, 4 from the cache" in result.output
