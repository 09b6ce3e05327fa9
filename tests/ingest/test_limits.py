"""Bounded work per article: a file over a limit is skipped with its reason, the others go on.

The long articles are real GNews prose from the bulk corpus with every punctuation mark and line break
removed (tests/support/pathological.py); bench/pathological.py times the 9 MB one.
"""
from __future__ import annotations

import pytest

from conftest import CORPUS
from support.paths import BULK, need_shared
from support.pathological import make_article
from diplograph.pipeline import Report, build_graph
from diplograph.ingest.limits import Limits
from diplograph.ingest.reader import read_file
from diplograph.ingest.records import Article, Skipped
from diplograph.ingest.sentences import MAX_SENTENCE


@pytest.fixture(scope="module")
def long_line(tmp_path_factory):
    need_shared(BULK)
    return make_article(tmp_path_factory.mktemp("long") / "one-line.md", 1_000_000)


def test_an_article_over_the_character_limit_is_skipped_before_it_is_split(long_line):
    skipped = read_file(long_line)
    assert isinstance(skipped, Skipped)
    assert skipped.reason.startswith("body text is ") and skipped.reason.endswith(
        "characters, over the 100,000 limit for one article (--max-chars)")


def test_long_text_without_punctuation_is_cut_into_bounded_sentences(long_line):
    article = read_file(long_line, limits=Limits(max_chars=10**7))
    assert isinstance(article, Article)
    lengths = [s.end - s.start for _, _, _, s in article.sentences()]
    assert len(lengths) > 500 and max(lengths) <= MAX_SENTENCE  # some 360,000 characters


def test_an_article_over_the_time_limit_is_skipped_and_the_next_one_is_extracted(tmp_path, extractor):
    need_shared(BULK)
    folder = tmp_path / "in"
    folder.mkdir()
    make_article(folder / "0-slow.md", 1_000_000)  # some 330,000 characters: about ten seconds of extraction
    (folder / "1-seed.txt").write_bytes((CORPUS / "001_7ac03c88fe2e9e94.txt").read_bytes())
    report = Report()
    kg = build_graph([folder], report, extractor=extractor, limits=Limits(max_chars=10**7, max_seconds=2))  # a real article takes well under 2 s, even on a busy machine
    assert [(s.source_file, s.reason) for s in report.skipped] == [
        ("0-slow.md", "reading and extraction took over 2 s, the limit for one article (--max-seconds)")]
    # the extractor interrupted mid-article extracts the next article whole, as a fresh build does
    alone = build_graph([folder / "1-seed.txt"], extractor=extractor)
    assert report.articles == 1 and kg.statements == alone.statements and kg.interactions == alone.interactions


def test_the_limits_are_options_of_build_and_ingest(tmp_path):
    from click.testing import CliRunner

    from diplograph.cli.main import cli

    result = CliRunner().invoke(cli, ["ingest", str(CORPUS), "--max-chars", "100", "-q"], catch_exceptions=False)
    assert result.exit_code == 3
    assert "over the 100 limit for one article (--max-chars)" in result.stderr
    for command in ("build", "ingest"):
        shown = CliRunner().invoke(cli, [command, "--help"]).output
        assert "--max-chars" in shown and "--max-seconds" in shown and "--max-size" in shown
