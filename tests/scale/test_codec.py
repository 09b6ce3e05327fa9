"""The cache's serialisation of extractions: compact, and every record comes back equal."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from conftest import CORPUS
from diplograph.pipeline import list_files, read_articles, Report
from diplograph.ingest import codec
from diplograph.ingest.records import ArticleMeta, DateValue, Extraction, Skipped, Statement, Evidence


def test_every_seed_extraction_round_trips(extractor):
    articles = list(read_articles(list_files([CORPUS]), Report()))
    for article in articles:
        extraction = extractor.extract(article)
        blob = codec.encode(extraction)
        assert codec.decode(blob) == extraction
        assert len(blob) < len(repr(extraction).encode("utf-8")) / 3


def test_dates_offsets_and_optionals_survive():
    meta = ArticleMeta("a1", "x/y.md", "GNews", "标题", datetime(2022, 2, 24, 8, 30, tzinfo=timezone(timedelta(hours=8))),
                       None, "zh-Hant", "gnews", "month")
    ev = Evidence("a1", 2, 3, 10, 20, "拜登说。")
    st = Statement("joe-biden", ev, "说", None, "引语", ("ukraine",), DateValue(datetime(2022, 2, 1).date(), "month"))
    record = Extraction(meta, statements=(st,), mentioned=("joe-biden",))
    back = codec.decode(codec.encode(record))
    assert back == record and back.article.published.utcoffset() == timedelta(hours=8)
    assert codec.decode(codec.encode(Skipped("f.md", "empty file"))) == Skipped("f.md", "empty file")
