"""Epoch Times mirror pages (gfw-breaker layouts): a markdown title, a navigation line, raw HTML.

The body is the `post_content` div (or, in the older layout, the HTML after
the navigation). The dateline 【大纪元2022年02月21日讯】, the reporter line
（大纪元记者张婷综合报导） and the editor line 责任编辑：… are not content and
are stripped; the date comes from the dateline, or from the URL where the
dateline is missing, malformed or more than two days off.
"""
from __future__ import annotations

import re
from datetime import datetime

from diplograph.ingest.formats.common import FormatError, Parsed, html_blocks, make_date, soup_of

OUTLET = "大纪元"
TITLE = re.compile(r"^\s*#{1,6}\s*(.+?)\s*$", re.M)
URL = re.compile(r"原文(?:链接|地址)[^：:]*[：:]\s*(https?://\S+?epochtimes\.com\S+)")
URL_DATE = re.compile(r"epochtimes\.com/\w+/(\d\d)/(\d{1,2})/(\d{1,2})/")
DATELINE = re.compile(r"^\s*【\s*(?:大纪元|大紀元)?\s*(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^】]{0,12}】")
BRACKET_LEAD = re.compile(r"^\s*【[^】]{0,30}】")
REPORTER = re.compile(r"^\s*[（(][^（）()]{0,40}(?:报导|报道|報導|報道|编译|編譯|综合|綜合|采访|採訪)[^（）()]{0,10}[）)]")
EDITOR = re.compile(r"[（(]?\s*(?:责任编辑|責任編輯)\s*[：:][^）)]*[）)]?\s*#?\s*$")
NAV_MARKERS = ("epoch-comment?", "gfw-breaker")  # in the navigation line of the mirror pages
MAX_DATELINE_DRIFT = 2  # days


def detect(text: str) -> bool:
    head = text[:4000]
    return (any(m in head for m in NAV_MARKERS) or 'id="artbody"' in text) and bool(TITLE.search(head))


def parse(text: str) -> Parsed:
    title_match = TITLE.search(text)
    if not title_match:
        raise FormatError("no title line")
    title = title_match.group(1).strip()
    url_match = URL.search(text)
    url = url_match.group(1).rstrip("）)") if url_match else None
    soup = soup_of(_html_part(text))
    body = soup.find(class_="post_content") or soup.find(id="artbody")
    blocks: list[tuple[str, str]] = []
    lead_caption = soup.find(class_="caption")
    if lead_caption is not None and (body is None or lead_caption not in body.descendants):
        blocks.append(("caption", lead_caption.get_text(" ", strip=True)))
    if body is None:
        body = soup
        for tag in soup.find_all(class_="caption"):
            tag.decompose()
    for tag in body.find_all(class_=("dable_placeholder", "below_article_ad")):
        tag.decompose()
    blocks += html_blocks(body)
    dateline, blocks = _strip_front(blocks)
    blocks = [(k, t) for k, t in (_strip_editor(b) for b in blocks) if t and not _is_footer(t)]
    return Parsed("epochtimes", title, _published(dateline, url), url, OUTLET, blocks)


def _html_part(text: str) -> str:
    """The page without its markdown navigation lines and the 原文链接 footer."""
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("#") and not set(ln.strip()) <= set("-")]
    html = "\n".join(lines)
    cut = re.search(r"原文(?:链接|地址)", html)
    return html[:cut.start()] if cut else html


def _strip_front(blocks: list[tuple[str, str]]) -> tuple[tuple[str, str, str] | None, list[tuple[str, str]]]:
    """Remove the dateline and reporter line from the first paragraph; return the dateline's numbers."""
    for i, (kind, text) in enumerate(blocks):
        if kind == "caption":
            continue
        m = DATELINE.match(text)
        dateline = m.groups() if m else None
        rest = text[m.end():] if m else BRACKET_LEAD.sub("", text, count=1) if text.lstrip().startswith("【大纪元") else text
        rest = REPORTER.sub("", rest, count=1).strip()
        out = blocks[:i] + ([(kind, rest)] if rest else []) + blocks[i + 1:]
        return dateline, out
    return None, blocks


def _strip_editor(block: tuple[str, str]) -> tuple[str, str]:
    kind, text = block
    return kind, EDITOR.sub("", text).strip().rstrip("#").strip()


def _is_footer(text: str) -> bool:
    return text.startswith(("手机上长按", "原文链接", "原文地址", "大纪元安卓", "http")) or text in {"#", "—"}


def _published(dateline, url: str | None) -> datetime | None:
    from_url = None
    if url and (m := URL_DATE.search(url)):
        yy, mm, dd = m.groups()
        from_url = make_date(2000 + int(yy), mm, dd)
    from_line = None
    if dateline:
        year, month, day = dateline
        if year:
            from_line = make_date(year, month, day)
        elif from_url:
            from_line = make_date(from_url.year, month, day)
    if from_line and from_url and abs((from_line - from_url).days) > MAX_DATELINE_DRIFT:
        return from_url
    return from_line or from_url
