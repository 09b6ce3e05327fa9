"""Files to `Article` records: find the files, decode them, read their format, normalise and split.

Every file becomes either an `Article` or a `Skipped` naming the file and the
reason; one bad file never stops the others. A file is skipped only when it is
not an article (empty, binary, no title, no Chinese body text); an article
whose date cannot be found is kept, undated (`published` None).
"""
from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

from diplograph.ingest import formats
from diplograph.ingest.corpus import NOT_ARTICLES, find_files  # noqa: F401 (re-exported: where readers look for files)
from diplograph.ingest.decode import Undecodable, decode, too_large
from diplograph.ingest.formats import FormatError, Parsed
from diplograph.ingest.limits import Limits, too_many_chars
from diplograph.ingest.normalize import collapse_whitespace, has_chinese, normalize, traditional_share
from diplograph.ingest.records import Article, Block, Skipped
from diplograph.ingest.sentences import split_sentences

TRADITIONAL_SHARE = 0.05
MAX_CONTROL_SHARE = 0.01
# News of these years only: a date outside them is a typo or a placeholder (0001-01-01, 2099-12-31).
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100
MAX_TITLE = 500  # characters: a "title" longer than this is a first line of text, cut


def read_file(path: Path, source: str | None = None, limits: Limits = Limits(),
              fallback: date | None = None) -> Article | Skipped:
    """The article in `path`, or why there is none (`fallback`: its date when the text gives none)."""
    source = source or str(path)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            return Skipped(source, too_large(size, limits.max_bytes))
        data = path.read_bytes()
    except OSError as err:
        return Skipped(source, f"cannot read ({err.strerror or err})")
    return read_bytes(data, source, limits, fallback)


def read_bytes(data: bytes, source: str, limits: Limits = Limits(), fallback: date | None = None) -> Article | Skipped:
    """The article in the content `data` of file `source`, or why there is none (what `read_file` does once the file
    is read); `fallback` dates it when its text gives no date (a corpus manifest's date: `ingest.manifest`)."""
    try:
        text = decode(data, limits.max_bytes)
    except Undecodable as err:
        return Skipped(source, str(err))
    return parse_text(text, source, limits, fallback)


def parse_text(text: str, source: str, limits: Limits = Limits(), fallback: date | None = None) -> Article | Skipped:
    """The article in `text` (the decoded content of `source`), or why there is none."""
    if _control_share(text) > MAX_CONTROL_SHARE:
        return Skipped(source, "binary file (control characters in the text)")
    try:
        parsed = formats.parse(text)
    except FormatError as err:
        return Skipped(source, str(err))
    chars = sum(len(body) for _, body in parsed.blocks)
    if chars > limits.max_chars:  # before normalising and splitting, which grow with it
        return Skipped(source, too_many_chars(chars, limits))
    return _article(parsed, source, fallback)


def _article(parsed: Parsed, source: str, fallback: date | None = None) -> Article | Skipped:
    title = " ".join(parsed.title.split())[:MAX_TITLE]
    blocks = tuple(_block(kind, text) for kind, text in parsed.blocks if has_chinese(text))
    blocks = tuple(b for b in blocks if b.sentences)
    if not title:
        return Skipped(source, f"no title found ({parsed.format} format)")
    if not blocks:
        return Skipped(source, f"no Chinese body text ({parsed.format} format; only a title, credits, images or "
                               "links: a video, image or download page, or a truncated file)")
    published = parsed.published
    if published is not None and not EARLIEST_YEAR <= published.year <= LATEST_YEAR:
        published = None  # 0001-01-01 is a placeholder, not a date: the article is kept, undated
    precision = parsed.precision if published is not None else "day"
    if published is None and fallback is not None:
        published = datetime(fallback.year, fallback.month, fallback.day)
    body = "".join(b.original for b in blocks)
    language = "zh-Hant" if traditional_share(title + body) > TRADITIONAL_SHARE else "zh-Hans"
    return Article(
        id=article_id(parsed.url, title, body),
        source_file=source,
        outlet=parsed.outlet,
        title=title,
        published=published,
        url=parsed.url,
        language=language,
        blocks=blocks,
        format=parsed.format,
        published_precision=precision,
    )


def _block(kind: str, original: str) -> Block:
    original = collapse_whitespace(original)
    text = normalize(original)
    return Block(kind, text, original, split_sentences(text))


def article_id(url: str | None, title: str, body: str) -> str:
    """A stable id: from the source URL where there is one, else from the content."""
    key = url.strip().rstrip("/").lower() if url else f"{title}\n{body[:4000]}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _control_share(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / max(1, len(sample))
