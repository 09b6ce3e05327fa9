"""A build reads and hashes each input file once, lists the tree once and loads the lexicon at most once (not
at all when it is up to date): the content key of the up-to-date stamp is the cache's key too. Counted here by
wrapping `open`, `os.open`, `hashlib.sha256`, `os.walk` and `load_lexicon`, on a first build (empty cache), an
unchanged rebuild ("up to date") and a rebuild after a file was added and another changed."""
from __future__ import annotations

import builtins
import hashlib
import io
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

from conftest import CORPUS
from diplograph.ingest import lexicon as lexicon_module
from diplograph.pipeline import work
from diplograph.pipeline.build import BuildOptions, build


class Counts:
    """Opens and SHA-256 digests of the files under `folder`, walks of `folder`, and lexicon loads."""

    def __init__(self, monkeypatch, folder: Path) -> None:
        self.folder = folder.resolve()
        self.opened: Counter[str] = Counter()
        self.hashed: Counter[str] = Counter()
        self.walks = 0
        self.lexicons = 0
        self._contents: dict[bytes, str] = {}
        real_open, real_os_open, real_sha256 = io.open, os.open, hashlib.sha256
        real_walk, real_load = os.walk, lexicon_module.load_lexicon
        counts = self

        def count(file) -> None:
            if isinstance(file, (str, os.PathLike)):
                path = Path(file).resolve()
                if path.is_relative_to(counts.folder):
                    counts.opened[path.relative_to(counts.folder).as_posix()] += 1

        def counting_open(file, mode="r", *args, **kwargs):
            if "r" in mode:
                count(file)
            return real_open(file, mode, *args, **kwargs)

        def counting_os_open(file, flags, *args, **kwargs):
            if not flags & (os.O_WRONLY | os.O_RDWR):
                count(file)
            return real_os_open(file, flags, *args, **kwargs)

        class CountingSha256:
            def __init__(self, data=b"", **kwargs):
                self._digest = real_sha256(**kwargs)
                if data:
                    self.update(data)

            def update(self, data):
                name = counts._contents.get(bytes(data))
                if name is not None:
                    counts.hashed[name] += 1
                self._digest.update(data)

            def __getattr__(self, name):
                return getattr(self._digest, name)

        def counting_walk(top, *args, **kwargs):
            if Path(top).resolve() == counts.folder:
                counts.walks += 1
            return real_walk(top, *args, **kwargs)

        def counting_load(*args, **kwargs):
            counts.lexicons += 1
            return real_load(*args, **kwargs)

        monkeypatch.setattr(io, "open", counting_open)
        monkeypatch.setattr(builtins, "open", counting_open)
        monkeypatch.setattr(os, "open", counting_os_open)
        monkeypatch.setattr(hashlib, "sha256", CountingSha256)
        monkeypatch.setattr(os, "walk", counting_walk)
        monkeypatch.setattr(lexicon_module, "load_lexicon", counting_load)

    def start(self) -> None:
        """Forget the counts so far and learn the files' current contents."""
        self.opened.clear()
        self.hashed.clear()
        self.walks = self.lexicons = 0
        self._contents = {p.read_bytes(): p.relative_to(self.folder).as_posix()
                          for p in self.folder.rglob("*") if p.is_file()}
        self.opened.clear()


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


def test_each_file_is_read_and_hashed_once_per_build(corpus, tmp_path, monkeypatch):
    options = BuildOptions(paths=(str(corpus),), out=tmp_path / "out", jobs=1, skips=("html",))
    articles = sorted(p.name for p in corpus.glob("*.txt"))
    counts = Counts(monkeypatch, corpus)

    counts.start()
    first = build(options)
    assert not first.up_to_date and first.report.extracted == len(articles)
    assert counts.opened == counts.hashed == Counter(articles), "first build (empty cache)"
    assert (counts.walks, counts.lexicons) == (1, 1)

    counts.start()
    assert build(options).up_to_date
    assert counts.opened == counts.hashed == Counter(articles), "unchanged corpus"
    assert (counts.walks, counts.lexicons) == (1, 0)  # the stamp covers the lexicon's files: nothing to load

    added = corpus / "zz_added.txt"
    added.write_bytes((corpus / articles[0]).read_bytes().replace("。".encode(), "。 ".encode(), 1) + "\n补记。".encode())
    changed = corpus / articles[1]
    changed.write_bytes(changed.read_bytes() + "\n补记。".encode())
    counts.start()
    monkeypatch.setattr(work, "HOLD", added.stat().st_size + changed.stat().st_size)  # room for these two only
    again = build(options)
    assert not again.up_to_date and (again.report.extracted, again.report.cached) == (2, len(articles) - 1)
    assert counts.opened == counts.hashed == Counter([*articles, added.name]), "one file added, one changed"
    # (the bytes of the cache hits were not kept: had they been, the two files to extract would not fit and
    # would be read again where they were extracted)
    assert (counts.walks, counts.lexicons) == (1, 1)


def test_past_the_budget_a_file_is_read_again_where_it_is_extracted(corpus, tmp_path, monkeypatch):
    """The build keeps the bytes it read for extraction up to work.HOLD; past it, a file to extract is read (and
    hashed) again by the extraction, and the graph and the cache are the same."""
    options = BuildOptions(paths=(str(corpus),), out=tmp_path / "held", jobs=1, skips=("html", "gexf"))
    held = build(options)
    monkeypatch.setattr(work, "HOLD", 0)
    counts = Counts(monkeypatch, corpus)
    counts.start()
    reread = build(BuildOptions(paths=(str(corpus),), out=tmp_path / "reread", jobs=1, skips=("html", "gexf")))
    assert set(counts.opened.values()) == {2}
    assert (tmp_path / "reread" / "graph.ttl").read_bytes() == (tmp_path / "held" / "graph.ttl").read_bytes()
    assert reread.report.extracted == held.report.extracted
    assert build(BuildOptions(paths=(str(corpus),), out=tmp_path / "reread", jobs=1, skips=("html", "gexf"))).up_to_date


def test_a_changed_lexicon_folder_is_never_up_to_date(corpus, tmp_path):
    """The up-to-date check loads no lexicon: it digests the --lexicon folders' files, so editing one rebuilds."""
    extra = tmp_path / "lexicon"
    extra.mkdir()
    words = extra / "not_actors.txt"
    words.write_text("新词语\n", encoding="utf-8")
    options = BuildOptions(paths=(str(corpus),), out=tmp_path / "out", jobs=1, skips=("html", "gexf"),
                           lexicons=(extra,))
    assert not build(options).up_to_date
    assert build(options).up_to_date
    words.write_text("新词语\n另一个词\n", encoding="utf-8")
    again = build(options)
    assert not again.up_to_date and again.report.extracted == 5  # a new lexicon: every extraction is redone
    assert build(options).up_to_date
    (extra / "titles.tsv").write_text("title\n特使\n", encoding="utf-8")  # a file added to the folder
    assert not build(options).up_to_date
