"""The benchmark's larger corpora: every copy is its own article, read exactly like the original."""
from __future__ import annotations

from conftest import CORPUS, DEV, need_shared
from diplograph.pipeline import Report, list_files, read_articles
from support.replicate import replicate

from scale.helpers import subset


def _articles(folder):
    report = Report()
    return list(read_articles(list_files([folder]), report)), report


def test_copies_have_their_own_ids_and_the_same_reading(tmp_path):
    src = subset(need_shared(DEV), tmp_path / "src", 222)  # the whole dev corpus: every format and variant
    replicate(src, tmp_path / "copies", 3)
    originals, plain = _articles(src)
    copies, report = _articles(tmp_path / "copies")
    assert len(copies) == 3 * len(originals)
    assert len(report.skipped) == 3 * len(plain.skipped)  # skipped files stay skipped, none becomes a duplicate
    assert len({a.id for a in copies}) == len(copies)
    by_source = {a.source_file: a for a in originals}
    for copy in copies:
        original = by_source[copy.source_file.split("/", 1)[1]]
        assert (copy.blocks, copy.published, copy.format, copy.outlet) == (original.blocks, original.published,
                                                                            original.format, original.outlet)


def test_copy_zero_is_the_original_file(tmp_path):
    replicate(CORPUS, tmp_path / "copies", 1)
    for path in CORPUS.glob("*.txt"):
        assert (tmp_path / "copies" / "copy-000" / path.name).read_bytes() == path.read_bytes()
