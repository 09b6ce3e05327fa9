"""GNews / Himalaya markdown files: `## title`, an author line with a `[轉載自GNews](url)` link, a markdown body.

The body's bylines (作者：…, 编辑上传 …, farm names), image markup, wiki links
(`[[zh:中共]]`) and the trailing reference list are not content. The date is
the author-line timestamp where there is one, else the first full date of
the opening paragraphs (`2021年05月25日俄国媒体报道`), else a month and day
there with the year of the article's image uploads, else the date in the URL
of the source the article translates (`🔗 [标题](https://www.reuters.com/…-2022-02-12/)`,
`参考资料：[…](…/2022/02/23/…)`) when it falls in that month.
"""
from __future__ import annotations

import html
import re
from datetime import datetime, timezone

from diplograph.ingest.formats.common import FULL_DATE, FormatError, Parsed, make_date, soup_of
from diplograph.ingest.normalize import has_chinese

OUTLET = "GNews"
SOURCE_LINK = re.compile(r"\[轉載自GNews\]\((https?://[^)\s]+)\)|\[转载自GNews\]\((https?://[^)\s]+)\)")
TITLE = re.compile(r"^\s*##\s+(.+?)\s*$", re.M)
AUTHOR_LINE = re.compile(r"^\s*`([^`]*)`\s*\[轉載自GNews\]", re.M)
STAMP_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})")
STAMP_US = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{2})\s*(AM|PM)?\s*(UTC)?", re.I)
US_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(20\d\d)\b")
MONTH_DAY = re.compile(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
DAY_ONLY = re.compile(r"(?<![\d月年])(?:本月)?(\d{1,2})\s*日(?:[电讯]|消息|报道|报导|确认|宣布|表示|称|说|晚|上午|下午|凌晨)")
UPLOAD = re.compile(r"/uploads/(20\d\d)/(\d\d)/(?:\d+/)?([^)\s\"']*)")
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINKED_IMAGE = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
WIKI = re.compile(r"\[\[(?:[a-z]{2}:)?([^\]|]+)(?:\|[^\]]*)?\]\]")
EMPHASIS = re.compile(r"\*{1,3}|_{2,3}")
BYLINE = re.compile(r"^[\s*【]*(作者|撰稿|撰文|编译|編譯|翻译|翻譯|校对|校對|编辑|編輯|审核|審核|责编|責編|配音|采编|上传|編輯上傳|编辑上传|"
                    r"素材|整理|发布|發布|简评|簡評|听写|聽寫|视频字幕|视频|影片|信息来源|新闻来源|图片来源|圖片來源|来源|來源|Page|By)"
                    r"[\s\S]{0,3}[：:／/|｜—\-\s]", re.I)
REFERENCES = re.compile(r"^[\s*]*(参考链接|參考鏈接|参考资料|參考資料|参考来源|參考來源|参考|參考|资料来源|資料來源|原文链接|原文鏈接|原文|来源链接|References?)\s*[：:]?", re.I)
OPENING_BLOCKS = 3


def detect(text: str) -> bool:
    return bool(SOURCE_LINK.search(text[:3000])) or "ourhimalayas/txt" in text[:300]


def parse(text: str) -> Parsed:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    title_match = TITLE.search(text)
    if not title_match:
        raise FormatError("no `## title` line")
    title = html.unescape(_inline(title_match.group(1)))
    link = SOURCE_LINK.search(text)
    url = (link.group(1) or link.group(2)) if link else None
    author = AUTHOR_LINE.search(text)
    start = author.end() if author else title_match.end()
    body = text[text.index("\n", start) + 1 if "\n" in text[start:] else len(text):]
    blocks = _blocks(body)
    published, precision = (_stamp(author.group(1)) if author else None), "day"
    if published is None:
        published, precision = _date_in_opening(blocks, body)
    if precision == "month" and published is not None:
        published, precision = _source_date(body, published) or (published, precision)
    return Parsed("gnews", title, published, url, OUTLET, blocks, precision)


def _blocks(body: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    lines = body.split("\n")
    content_seen = False
    for line in lines:
        raw = line.strip()
        if not raw or set(raw) <= set("-*_=#"):
            continue
        if REFERENCES.match(raw) and content_seen:
            break
        if _is_link_list(raw):
            continue
        kind, text = _line(raw)
        if not text or not has_chinese(text) or PROMO.search(text):
            continue
        if not content_seen and (_is_credit(text) if kind == "caption" else _is_byline(text)):
            continue
        content_seen = content_seen or kind == "paragraph"
        out.append((kind, text))
    return out


PROMO = re.compile(r"Discord|欢迎加入|扫码|订阅我们|关注我们|点击(?:链接|这里)|请关注|加入我们")
LINK_ONLY = re.compile(r"^[\s>*\-•🔗📌👉]*\[[^\]]+\]\([^)]*\)[\s*]*$")


def _is_link_list(raw: str) -> bool:
    """🔗 [related article](url): a line that is nothing but a link is navigation, not content."""
    return bool(LINK_ONLY.match(raw)) or raw.lstrip().startswith(("🔗", "📌", "👉"))


def _line(raw: str) -> tuple[str, str]:
    """(kind, text) of one markdown line."""
    kind = "paragraph"
    if raw.startswith("#"):
        kind, raw = "heading", raw.lstrip("#").strip()
    elif raw.startswith(">"):
        kind, raw = "quote", raw.lstrip("> ").strip()
    elif re.match(r"^([-*+]|\d+\.)\s+", raw):
        kind, raw = "list_item", re.sub(r"^([-*+]|\d+\.)\s+", "", raw)
    had_image = bool(IMAGE.search(raw))
    alts = [a for a in IMAGE.findall(raw) if has_chinese(a)]
    raw = LINKED_IMAGE.sub("", raw)
    raw = IMAGE.sub("", raw)
    if "<" in raw and ">" in raw:
        raw = soup_of(raw).get_text(" ")
    if kind == "paragraph" and re.fullmatch(r"\*\*[^*]+\*\*(\*\*[^*]*\*\*)*", raw.strip()) and len(raw) <= 80:
        kind = "heading"
    text = _inline(raw)
    if had_image and kind == "paragraph":
        text = text or "；".join(alts)
        if text and len(text) <= 120:
            kind = "caption"
    return kind, text


def _inline(text: str) -> str:
    text = WIKI.sub(r"\1", text)
    text = LINK.sub(r"\1", text)
    text = EMPHASIS.sub("", text)
    return html.unescape(re.sub(r"\s+", " ", text)).strip()


def _is_byline(text: str) -> bool:
    """Credits before the first paragraph: 作者：…, 编辑上传 银河, or a short line that is no sentence."""
    if BYLINE.match(text):
        return True
    return len(text) <= 40 and not re.search(r"[。，！？；]", text)


def _is_credit(caption: str) -> bool:
    """A short caption before the first paragraph is an image credit (图片来源, 网络截图); a longer one is content."""
    return bool(BYLINE.match(caption)) or len(caption) < 12


def _stamp(value: str) -> datetime | None:
    if m := STAMP_ISO.match(value):
        y, mo, d, h, mi = map(int, m.groups())
        return _safe(y, mo, d, h, mi, None)
    if m := STAMP_US.match(value):
        mo, d, y, h, mi = map(int, m.groups()[:5])
        if m.group(6):
            h = h % 12 + (12 if m.group(6).upper() == "PM" else 0)
        return _safe(y, mo, d, h, mi, timezone.utc if m.group(7) else None)
    return None


def _safe(y, mo, d, h, mi, tz) -> datetime | None:
    try:
        return datetime(y, mo, d, h, mi, tzinfo=tz)
    except ValueError:
        return None


def _date_in_opening(blocks: list[tuple[str, str]], body: str) -> tuple[datetime | None, str]:
    """(date, precision) from the opening paragraphs, helped by the image upload folder (uploads/2022/02/)."""
    opening = [t for k, t in blocks if k in ("paragraph", "heading")][:OPENING_BLOCKS]
    upload = _upload_month(body)
    year, month = upload or (0, 0)
    for text in opening:
        m = US_DATE.match(text)
        value = make_date(m.group(3), m.group(1), m.group(2)) if m else None
        if value is None and (m := FULL_DATE.search(text.split("。", 1)[0])):
            value = make_date(*m.groups())
        if value and (not upload or _near_upload(value, year, month)):
            return value, "day"
    if not upload:
        return None, "day"
    for text in opening:
        head = text.split("。", 1)[0]
        if (m := MONTH_DAY.search(head)) and int(m.group(1)) == month:
            return make_date(year, month, m.group(2)), "day"
        if m := DAY_ONLY.search(head):
            return make_date(year, month, m.group(1)), "day"
    return make_date(year, month, 1), "month"


URL_DATE = re.compile(r"https?://[^)\s\]]*?(?<!\d)(20\d\d)[-/](\d\d)[-/](\d\d)(?!\d)")
SOURCE_LINE = re.compile(r"^[\s*>\-]*(?:🔗|(?:新闻|新聞|信息|資訊)?(?:参考|參考|资料|資料|原文|来源|來源)[^\s：:|｜]{0,4}\**\s*[：:|｜]"
                         r"|(?:References?|Sources?)\s*:)", re.I)


def _source_date(body: str, month: datetime) -> tuple[datetime, str] | None:
    """(date, "day") from the URL of a source link (🔗 […](url), 参考资料：[…](url) or the link line after it)
    in `month` or the one before."""
    previous = False
    for line in body.split("\n"):
        raw = line.strip()
        if not raw:
            continue
        source = bool(SOURCE_LINE.match(raw)) or (previous and bool(LINK_ONLY.match(raw) or raw.startswith("http")))
        previous = source
        for m in URL_DATE.finditer(raw) if source else ():
            value = make_date(*m.groups())
            if value and "assets.gnews.org" not in m.group(0) and _near_upload(value, month.year, month.month):
                return value, "day"
    return None


def _upload_month(body: str) -> tuple[int, int] | None:
    """(year, month) of the newest image uploaded for the article; logos are reused, so they don't count."""
    months = [(int(y), int(m)) for y, m, name in UPLOAD.findall(body) if "logo" not in name.lower()]
    return max(months) if months else None


def _near_upload(value: datetime, year: int, month: int) -> bool:
    """A date written in the opening is the publication date only if the images were uploaded around then."""
    months = (year * 12 + month) - (value.year * 12 + value.month)
    return 0 <= months <= 1
