"""A build after articles are added, changed or removed writes the files a cold build of the same corpus writes,
byte for byte, and graph.ttl is made from the last one's blocks (graph/rdf/reuse.py), not written anew."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import DEV, need_shared
from diplograph.graph.rdf import reuse
from diplograph.pipeline.build import BuildOptions, build
from diplograph.pipeline.outputs import reuse_of

from scale.helpers import subset


def outputs(out: Path) -> dict[str, bytes]:
    """Every file a build wrote into `out` (not the cache), by name."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def cold(corpus: Path, out: Path) -> dict[str, bytes]:
    shutil.rmtree(out, ignore_errors=True)
    build(BuildOptions(paths=(str(corpus),), out=out, jobs=1, cache=False, skips=("html",)))
    return outputs(out)


@pytest.fixture()
def corpus(tmp_path):
    """16 dev files of every format, and six others to add later."""
    dev = need_shared(DEV)
    return subset(dev, tmp_path / "corpus", 16, step=13), subset(dev, tmp_path / "more", 6, start=5, step=31)


def _refusing(*args, **kwargs):
    raise AssertionError("graph.ttl was written from scratch, not from the last one's blocks")


def test_adding_changing_and_removing_articles_gives_the_cold_build(corpus, tmp_path, monkeypatch):
    folder, more = corpus
    options = BuildOptions(paths=(str(folder),), out=tmp_path / "out", jobs=1, skips=("html",))
    build(options)  # the first build has nothing to reuse
    assert reuse_of(options.plan().cache_dir, options.out).index.is_file()
    monkeypatch.setattr(reuse, "write_graph_ttl", _refusing)  # from here on, every graph.ttl is made of blocks

    files = sorted(more.rglob("*.md"))
    for path in files:  # six articles added
        target = folder / "added" / path.name
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(path, target)
    _check(options, folder, tmp_path)

    changed = sorted(folder.rglob("*.md"))[8]  # one changed: a sentence gone
    text = changed.read_text("utf-8")
    cut = text.index("。", len(text) // 2) + 1
    changed.write_text(text[:cut] + text[text.index("。", cut) + 1:], encoding="utf-8")
    _check(options, folder, tmp_path)

    for path in sorted(folder.rglob("*.md"))[1::5]:  # some removed, an added one among them
        path.unlink()
    _check(options, folder, tmp_path)


def _check(options: BuildOptions, folder: Path, tmp_path: Path) -> None:
    built = build(options)
    assert not built.up_to_date and built.report.cached > 0
    assert outputs(options.out) == cold(folder, tmp_path / "cold")


def test_a_graph_ttl_changed_by_hand_is_written_anew(corpus, tmp_path):
    folder, more = corpus
    options = BuildOptions(paths=(str(folder),), out=tmp_path / "out", jobs=1, skips=("html",))
    build(options)
    ttl = options.out / "graph.ttl"
    ttl.write_bytes(ttl.read_bytes().replace(b"dg:Actor", b"dg:Akter", 1))
    shutil.copyfile(sorted(more.rglob("*.md"))[0], folder / "added.md")
    build(options)
    assert outputs(options.out) == cold(folder, tmp_path / "cold")


def test_blocks_of_changed_nodes_are_rendered_again(corpus, tmp_path, monkeypatch):
    """Nodes changed, added and dropped in the graph itself (not only through articles): the file is the cold one."""
    from diplograph.graph.rdf.serialize import write_graph_ttl
    from diplograph.pipeline import Plan, build_graph

    folder, _ = corpus
    kg = build_graph([folder], plan=Plan(jobs=1))
    path, index = tmp_path / "graph.ttl", tmp_path / "graph.index"
    reuse.write_reusing(kg, path, index, "code")
    assert reuse.load_index(index, path, "code") is not None
    assert reuse.load_index(index, path, "other code") is None
    changed = replace(kg, articles=kg.articles[2:], statements=kg.statements[7:-3],
                      actors=tuple(replace(a, role=f"{a.role or ''}新") if i % 5 == 0 else a
                                   for i, a in enumerate(kg.actors)),
                      interactions=tuple(replace(item, reports=item.reports[:1], place=item.place or "北京")
                                         for item in kg.interactions))
    monkeypatch.setattr(reuse, "write_graph_ttl", _refusing)
    for graph in (changed, kg):
        reuse.write_reusing(graph, path, index, "code")
        write_graph_ttl(graph, tmp_path / "cold.ttl")
        assert path.read_bytes() == (tmp_path / "cold.ttl").read_bytes()
