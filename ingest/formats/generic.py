"""Any other HTML page or plain-text article: the fallback reader.

HTML: the title from `og:title`, `<title>` or the first `<h1>`; the date from
`article:published_time`, `<time datetime>` or the first date written in the
text; the body from `<article>` or `<body>`. Plain text: the first line is
the title, every further paragraph (blank-line separated, or one per line)
a block, and the first date written in the text the date.
"""
from __future__ import annotations

import re
from datetime import datetime

from diplograph.ingest.formats.common import Parsed, first_full_date, html_blocks, soup_of

HTML_HINT = re.compile(r"<(?:html|body|p|div|article|h[1-6])\b", re.I)
META_DATE = ("article:published_time", "og:published_time", "pubdate", "publishdate", "date", "dc.date")


def detect(text: str) -> bool:
    return True


def parse(text: str) -> Parsed:
    if HTML_HINT.search(text[:20000]):
        return _parse_html(text)
    return _parse_text(text)


def _parse_html(text: str) -> Parsed:
    soup = soup_of(text)
    title = _meta(soup, "og:title") or (soup.title.get_text(strip=True) if soup.title else "")
    if not title and (h1 := soup.find("h1")):
        title = h1.get_text(" ", strip=True)
    root = soup.find("article") or soup.body or soup
    blocks = html_blocks(root)
    if blocks and blocks[0][1] == title:
        blocks = blocks[1:]
    published = _html_date(soup) or first_full_date(" ".join(t for _, t in blocks[:5]))
    url = _meta(soup, "og:url") or (link.get("href") if (link := soup.find("link", rel="canonical")) else None)
    outlet = _meta(soup, "og:site_name") or "unknown"
    return Parsed("html", title, published, url, outlet, blocks)


def _parse_text(text: str) -> Parsed:
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").split("\n")]
    content = [ln for ln in lines if ln]
    title = content[0].lstrip("#").strip() if content else ""
    blocks = [("paragraph", ln) for ln in content[1:]]
    published = first_full_date(" ".join(t for _, t in blocks[:5]) or title)
    return Parsed("text", title, published, None, "unknown", blocks)


def _meta(soup, name: str) -> str | None:
    tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    content = tag.get("content") if tag else None
    return content.strip() if content else None


def _html_date(soup) -> datetime | None:
    candidates = [_meta(soup, n) for n in META_DATE]
    if (time := soup.find("time")) and time.get("datetime"):
        candidates.append(time["datetime"])
    for value in filter(None, candidates):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            continue
    return None
