"""Every file of the shared dev corpus parses into an article or is rejected with a reason."""
import csv
from collections import Counter
from datetime import date

import pytest

from support.paths import DEV, need_shared
from diplograph.ingest.reader import find_files, read_file
from diplograph.ingest.records import Article, Skipped


@pytest.fixture(scope="module")
def results():
    need_shared(DEV)
    return [read_file(path, source) for path, source in find_files([DEV])]


def test_every_file_parses_or_has_a_reason(results):
    assert len(results) == 222
    for r in results:
        if isinstance(r, Skipped):
            assert r.reason
        else:
            assert r.title and r.blocks and any(b.sentences for b in r.blocks)


def test_each_format_is_recognised(results):
    by_format = Counter(r.format for r in results if isinstance(r, Article))
    by_dir = Counter(r.source_file.split("/")[0] for r in results if isinstance(r, Article))
    assert by_format["epochtimes"] == by_dir["epochtimes"] == 108
    assert by_format["frontmatter"] == by_dir["aljazeera"] == 20
    assert by_format["gnews"] == by_dir["gnews"] == 94  # undated ones included


def test_articles_without_any_date_are_kept_undated(results):
    undated = [r for r in results if isinstance(r, Article) and r.published is None]
    assert 0 < len(undated) <= 6 and all(r.format == "gnews" for r in undated)


def test_traditional_articles_are_detected(results):
    hant = {r.source_file for r in results if isinstance(r, Article) and r.language == "zh-Hant"}
    assert {"gnews/gnews-hant-315151.md", "gnews/gnews-hant-327246.md", "gnews/gnews-hant-409559.md"} <= hant


def test_dates_agree_with_the_manifest(results):
    """The manifest's date is the dateline or the repository date (which lags by a few days)."""
    manifest = {row["local_path"]: row["date_if_known"]
                for row in csv.DictReader((DEV / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t")}
    close = total = 0
    for r in results:
        if isinstance(r, Article) and r.published and r.published_precision == "day" and manifest.get(r.source_file):
            total += 1
            close += abs((r.published.date() - date.fromisoformat(manifest[r.source_file])).days) <= 3
    assert close / total >= 0.95
