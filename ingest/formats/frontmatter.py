"""Markdown or HTML files with YAML front matter (Hexo posts such as the Al Jazeera Chinese feed).

The front matter gives `title`, `date` (RFC 2822, GMT) and `author`/`categories`,
which name the outlet; the body is HTML with `<h3>` section headings,
`<figcaption>` captions, `<blockquote>` quotes and "更新" list markers.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

import yaml

from diplograph.ingest.formats.common import FormatError, Parsed, html_blocks, soup_of

FRONT = re.compile(r"\A\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
OUTLETS = {"aljazeera": "半岛电视台", "半岛": "半岛电视台"}
LIVE_MARKERS = {"更新", "Update"}
MAX_CATEGORIES = 50


def detect(text: str) -> bool:
    m = FRONT.match(text)
    return bool(m) and re.search(r"^title\s*:", m.group(1), re.M) is not None


def parse(text: str) -> Parsed:
    m = FRONT.match(text)
    try:
        meta = yaml.load(m.group(1), Loader=_TextDates) or {}
    except yaml.YAMLError as err:
        raise FormatError(f"unreadable front matter ({str(err).splitlines()[0]})") from None
    except (ValueError, OverflowError, RecursionError) as err:
        raise FormatError(f"unreadable front matter ({type(err).__name__}: {err})") from None
    if not isinstance(meta, dict):
        raise FormatError("front matter is not a mapping")
    title = (_scalar(meta.get("title")) or "").strip()
    body = soup_of(text[m.end():])
    blocks = [(k, t) for k, t in html_blocks(body) if not (k == "list_item" and t in LIVE_MARKERS)]
    url = _scalar(meta.get("link")) or _scalar(meta.get("url")) or _scalar(meta.get("permalink"))
    return Parsed("frontmatter", title, _date(meta.get("date")), url, _outlet(meta), blocks)


def _scalar(value) -> str | None:
    """A front matter value as text when it is one (a string, number or date); None for a list, a mapping, or
    nothing. `str` of a list of aliases (`title: *lol`, a YAML bomb) could need gigabytes."""
    if isinstance(value, bool) or value is None:
        return None
    return str(value) if isinstance(value, (str, int, float, datetime, date)) else None


class _TextDates(yaml.SafeLoader):
    """YAML as safe_load reads it, but a date stays text for `_date` (PyYAML would refuse `date: 2099-99-99`
    and lose the whole front matter; the article is kept, undated)."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _date(value) -> datetime | None:
    if isinstance(value, datetime):
        return value
    text = (_scalar(value) or "").strip()
    if not text:
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError):
        pass
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed


def _outlet(meta: dict) -> str:
    categories = meta.get("categories")
    categories = categories[:MAX_CATEGORIES] if isinstance(categories, list) else [categories]
    names = [_scalar(meta.get("author")) or ""] + [name for c in categories if (name := _scalar(c))]
    for name in names:
        for marker, outlet in OUTLETS.items():
            if marker in name.lower():
                return outlet
    return (_scalar(meta.get("author")) or "unknown").strip() or "unknown"
