"""What the format readers share: the parsed-document record, HTML to blocks, date patterns."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.exceptions import ParserRejectedMarkup

from diplograph.ingest.normalize import collapse_whitespace


class FormatError(ValueError):
    """The file is in a known format but cannot become an article (the message says why)."""


@dataclass
class Parsed:
    """A document as a format reader sees it, before normalisation and sentence splitting."""

    format: str
    title: str
    published: datetime | None
    url: str | None
    outlet: str
    blocks: list[tuple[str, str]] = field(default_factory=list)  # (kind, text as written)
    precision: str = "day"  # of `published`: "month" when only the month is known


BLOCK_TAGS = {"p": "paragraph", "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading",
              "h5": "heading", "h6": "heading", "li": "list_item", "figcaption": "caption",
              "blockquote": "quote", "pre": "paragraph"}
CAPTION_CLASSES = {"caption", "wp-caption-text"}
SKIP_TAGS = {"script", "style", "noscript", "iframe", "svg", "button", "form", "nav", "header", "footer", "head"}
HEADING_MAX = 60  # a "heading" longer than this that ends like a sentence is a paragraph
MAX_NESTING = 100  # elements nested deeper than this are read as the text they hold (no page needs more)


_CUT_TAG = re.compile(r"<[A-Za-z!/][^<>]*\Z")  # a file cut inside a tag: `<img alt="…" cla`


def soup_of(html: str) -> BeautifulSoup:
    """The HTML parsed leniently; a tag cut off by the end of a truncated file is dropped, not read as text.

    Markup the parser refuses outright (a broken `<![CDATA[`, `<!x`) is read with those declarations as
    text, and failing that the whole page as text: a page is never lost to one bad tag."""
    html = _CUT_TAG.sub("", html)
    for attempt in (html, _DECLARATION.sub("&lt;!", html), html.replace("<", "&lt;")):
        try:
            return BeautifulSoup(attempt, "html.parser")
        except ParserRejectedMarkup:
            continue
    raise AssertionError("unreachable: text without '<' always parses")


_DECLARATION = re.compile(r"<!(?!--)")


def html_blocks(root: Tag) -> list[tuple[str, str]]:
    """Paragraphs, headings, captions, quotes and list items of an HTML tree, in reading order."""
    out: list[tuple[str, str]] = []
    _walk(root, out, None, 0)
    return [(kind, text) for kind, text in out if text]


def _walk(el: Tag, out: list[tuple[str, str]], forced: str | None, depth: int) -> None:
    inline: list[str] = []

    def flush() -> None:
        text = collapse_whitespace("".join(inline))
        inline.clear()
        if text:
            out.append((forced or "paragraph", text))

    for child in el.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            inline.append(str(child))
            continue
        if not isinstance(child, Tag) or child.name in SKIP_TAGS:
            continue
        classes = set(child.get("class") or ())
        kind = "caption" if classes & CAPTION_CLASSES else BLOCK_TAGS.get(child.name)
        if child.name == "br":
            inline.append("\n")
        elif kind is None and not _has_block(child):
            inline.append(child.get_text())
        elif kind is not None and not _has_block(child):
            flush()
            out.append((_kind(forced or kind, child), collapse_whitespace(child.get_text())))
        elif depth >= MAX_NESTING:  # <div> ten thousand deep: its text, as one block
            flush()
            out.append((forced or kind or "paragraph", collapse_whitespace(child.get_text(" "))))
        else:
            flush()
            _walk(child, out, forced or kind, depth + 1)
    flush()


def _kind(kind: str, el: Tag) -> str:
    if kind == "heading":
        text = el.get_text().strip()
        if len(text) > HEADING_MAX and text[-1:] in "。！？”":
            return "paragraph"
    return kind


def _has_block(el: Tag) -> bool:
    return any(isinstance(c, Tag) and (c.name in BLOCK_TAGS or c.name == "div" or set(c.get("class") or ()) & CAPTION_CLASSES)
               for c in el.descendants)


FULL_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})\b")


def make_date(y: str | int, m: str | int, d: str | int) -> datetime | None:
    """A naive date-only datetime, or None if the numbers are no calendar date."""
    try:
        return datetime(int(y), int(m), int(d))
    except ValueError:
        return None


def first_full_date(text: str) -> datetime | None:
    """The first `2021年05月25日` (or ISO `2021-05-25`) date written in `text`."""
    for pattern in (FULL_DATE, ISO_DATE):
        for m in pattern.finditer(text):
            value = make_date(*m.groups())
            if value:
                return value
    return None
