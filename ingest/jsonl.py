"""`Article` records to and from JSON: the `diplograph ingest` output, one line per article."""
from __future__ import annotations

import json
from datetime import datetime

from diplograph.ingest.records import Article, Block, Sentence


def published_iso(article) -> str | None:
    """ISO 8601: a date alone when the source gave no time, with the offset when it gave a timezone;
    None (JSON null) for an undated article."""
    value = article.published
    if value is None:
        return None
    if article.published_precision == "month":
        return value.strftime("%Y-%m")
    if value.tzinfo is None and (value.hour, value.minute, value.second) == (0, 0, 0):
        return value.date().isoformat()
    return value.isoformat()


def article_to_json(article: Article) -> dict:
    """The JSONL record: `text` as the article wrote it, `normalized` as diplograph reads it; offsets fit both."""
    return {
        "id": article.id,
        "source_file": article.source_file,
        "outlet": article.outlet,
        "title": article.title,
        "published": published_iso(article),
        "url": article.url,
        "language": article.language,
        "format": article.format,
        "blocks": [
            {"kind": b.kind, "text": b.original, "normalized": b.text,
             "sentences": [{"start": s.start, "end": s.end, "text": b.original[s.start:s.end]} for s in b.sentences]}
            for b in article.blocks
        ],
    }


def article_from_json(data: dict) -> Article:
    """The `Article` a JSONL record was made from."""
    published = data["published"]
    precision = "month" if published is not None and len(published) == 7 else "day"
    value = None if published is None else datetime.fromisoformat(published + "-01" if precision == "month" else published)
    blocks = tuple(
        Block(b["kind"], b["normalized"], b["text"],
              tuple(Sentence(s["start"], s["end"], b["normalized"][s["start"]:s["end"]]) for s in b["sentences"]))
        for b in data["blocks"]
    )
    return Article(id=data["id"], source_file=data["source_file"], outlet=data["outlet"], title=data["title"],
                   published=value, url=data["url"], language=data["language"], format=data.get("format", "generic"),
                   published_precision=precision, blocks=blocks)


def dumps(article: Article) -> str:
    return json.dumps(article_to_json(article), ensure_ascii=False)
