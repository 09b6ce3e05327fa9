"""GNews / Himalaya markdown files: `## title`, an author line with a `[轉載自GNews](url)` link, a markdown body.

The body's bylines (作者：…, 编辑上传 …, farm names), image markup, wiki links
(`[[zh:中共]]`) and the trailing reference list are not content; a page with
no paragraph (a digest of linked headlines, a video's numbered summary) keeps
its lines that say something. The date is the author-line timestamp where
there is one, else the first full date of the opening paragraphs
(`2021年05月25日俄国媒体报道`), else a month and day there with the year of the
article's image uploads, else the date in the URL of the source the article
translates (`🔗 [标题](https://www.reuters.com/…-2022-02-12/)`,
`参考资料：[…](…/2022/02/23/…)`) when it falls in that month, else a date
written in the credits, link texts or title (`发布时间：2021年3月13日`,
`## 2021年3月22日灭共要闻快报`, `4/19/2022`, `2021.6.8`; for a transcript, the day
of the video), else the date of the source it translates (a link's URL, a
quoted tweet's date), moved to a month and day of the opening in the weeks
after. With none of these the article is undated.
"""
from __future__ import annotations

import html
import re
from datetime import datetime, timezone

from diplograph.ingest.formats.common import FULL_DATE, FormatError, Parsed, make_date, soup_of
from diplograph.ingest.normalize import has_chinese, is_cjk

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
MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
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
    blocks = _blocks(body, title)
    published, precision = (_stamp(author.group(1)) if author else None), "day"
    if published is None:
        published, precision = _date_in_opening(blocks, body)
    if precision == "month" and published is not None:
        published, precision = (_source_date(body, published) or _date_written_near_the_top(title, body, published)
                                or _day_in_title(title, published) or (published, precision))
    if published is None:
        published, precision = _date_written_near_the_top(title, body, None) or (None, "day")
    if published is None and (source := _source_date(body, None)):
        published, precision = _day_after(blocks, source[0]) or source
    return Parsed("gnews", title, published, url, OUTLET, blocks, precision)


TITLE_DAY = re.compile(r"(?<![\d./年])(\d{1,2})(?:\s*月\s*|\.)(\d{1,2})(?:\s*[日号]|(?![\d.%％亿万千百倍个岁年点]))")
NOT_NEWS_DAY = ("历史的今天", "周年", "纪念", "的诗")  # 爆料革命——历史的今天3月2日, 关于6.4的诗: a day remembered


def _day_in_title(title: str, month: datetime) -> tuple[datetime, str] | None:
    """(date, "day") of a day of the known month written in the title (截至3.10 俄乌战事汇总, 国际要闻汇编 12月1日),
    unless the title remembers a day rather than dates its news."""
    m = TITLE_DAY.search(title)
    if m is None or int(m.group(1)) != month.month or any(w in title for w in NOT_NEWS_DAY):
        return None
    value = make_date(month.year, month.month, m.group(2))
    return (value, "day") if value is not None else None


MIN_DIGEST_CHARS = 12  # Chinese characters a page of short lines needs to be more than credits and a title


def _blocks(body: str, title: str = "") -> list[tuple[str, str]]:
    """The content blocks; a page with no paragraph (a news digest of links, a video's numbered summary,
    a short Getter post) keeps its lines that are not credits, if they say more than a few words."""
    blocks = _read_lines(body, lenient=False)
    if blocks:
        return blocks
    blocks = [(kind, text) for kind, text in _read_lines(body, lenient=True) if text != title]
    said = sum(cjk_count(text) for _, text in blocks if _says_something(text))
    return blocks if said >= MIN_DIGEST_CHARS else []


def _says_something(text: str) -> bool:
    """A sentence or a numbered point, mostly Chinese: not a team's name (戰友之家圖文摘要組), a caption
    (新中国联邦成立一周年（1）) or a download link (6.23-每日要闻-德文版-German下载)."""
    chinese = cjk_count(text)
    if chinese < 10 or chinese < 0.6 * len(re.sub(r"[\s\W_]", "", text)):
        return False
    return chinese >= 15 or bool(re.search(r"[，。！？；：…、]", text) or re.match(r"\s*(?:\d+|[一二三四五六七八九十]+)[.、．]", text))


def _read_lines(body: str, lenient: bool) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    lines = body.split("\n")
    content_seen = False
    for line in lines:
        raw = line.strip()
        if not raw or set(raw) <= set("-*_=#"):
            continue
        if REFERENCES.match(raw) and content_seen:
            break
        if _is_link_list(raw) and not (lenient and _is_news_item(raw)):
            continue
        kind, text = _line(raw)
        if lenient and PROMO.search(text):
            break  # 更多资讯，请关注：and the channels' names
        if not text or not has_chinese(text) or PROMO.search(text):
            continue
        if lenient and (_is_credit(text) if kind == "caption" else BYLINE.match(text) and not _is_prose(text)):
            continue
        if not lenient and not content_seen and (_is_credit(text) if kind == "caption" else _is_byline(text)):
            continue
        content_seen = content_seen or kind == "paragraph"
        out.append((kind, text))
    return out


PROMO = re.compile(r"Discord|欢迎加入|扫码|订阅我们|订阅【|关注我们|点击(?:链接|这里|阅读|观看)|请关注|加入我们|请见影片")
LINK_ONLY = re.compile(r"^[\s>*\-•🔗📌👉]*\[[^\]]+\]\([^)]*\)[\s*]*$")


def _is_news_item(raw: str) -> bool:
    """[1.沃尔玛证实，它正在与微软合作竞购TikTok…](url): a digest's item, a sentence behind its link."""
    return bool(LINK_ONLY.match(raw)) and cjk_count(_inline(raw)) >= 15


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


def cjk_count(text: str) -> int:
    return sum(map(is_cjk, text))


def _inline(text: str) -> str:
    text = WIKI.sub(r"\1", text)
    text = LINK.sub(r"\1", text)
    text = MD_ESCAPE.sub(r"\1", text)  # \* is a literal star (a bullet, then dropped), \_ an underscore
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


SOURCE_LAG = 45  # days: an article written after its source (a tweet, a report) is written this soon after


def _day_after(blocks: list[tuple[str, str]], source: datetime) -> tuple[datetime, str] | None:
    """(date, "day") of a month and day at the head of the opening (12月27日凌晨，川普总统…) in the weeks
    after the source the article is about."""
    for text in [t for k, t in blocks if k in ("paragraph", "heading")][:OPENING_BLOCKS]:
        if m := MONTH_DAY.search(text.split("。", 1)[0]):
            for year in (source.year, source.year + 1):
                value = make_date(year, m.group(1), m.group(2))
                if value is not None and 0 <= (value - source).days <= SOURCE_LAG:
                    return value, "day"
    return None


URL_DATE = re.compile(r"https?://[^)\s\]]*?(?<!\d)(20\d\d)[-/](\d\d)[-/](\d\d)(?!\d)")
SOURCE_LINE = re.compile(r"^[\s*>\-]*(?:🔗|(?:新闻|新聞|信息|資訊)?(?:参考|參考|资料|資料|原文|来源|來源)[^\s：:|｜]{0,4}\**\s*[：:|｜]"
                         r"|(?:References?|Sources?)\s*:)", re.I)


def _source_date(body: str, month: datetime | None) -> tuple[datetime, str] | None:
    """(date, "day") from the URL of a source link (🔗 […](url), 参考资料：[…](url) or the link line after it)
    in `month` or the one before; with no month known, the latest such date, or of a quoted tweet
    (— Donald J. Trump (@realDonaldTrump) [December 24, 2020](…)): the article is of that day or soon after."""
    previous = False
    found = []
    for line in body.split("\n"):
        raw = line.strip()
        if not raw:
            continue
        source = bool(SOURCE_LINE.match(raw)) or (previous and bool(LINK_ONLY.match(raw) or raw.startswith("http")))
        previous = source
        for m in URL_DATE.finditer(raw) if source else ():
            value = make_date(*m.groups())
            if value and "assets.gnews.org" not in m.group(0) and \
                    (month is None or _near_upload(value, month.year, month.month)):
                if month is not None:
                    return value, "day"
                found.append(value)
        if month is None and (tweet := TWEET_DATE.search(raw)):
            found.append(make_date(tweet.group(3), ENGLISH_MONTHS.index(tweet.group(1)) + 1, tweet.group(2)))
    found = [d for d in found if d is not None and d.year >= FIRST_YEAR]
    return (max(found), "day") if found else None


TWEET_DATE = re.compile(r"^>?\s*[—–-]\s.*\(@\w+\)\s*\[([A-Z][a-z]+) (\d{1,2}), (20\d\d)\]")
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")
FIRST_YEAR = 2017  # GNews began in 2020: a date written before 2017 is history, not the day of publication
OPENING_LINES = 8
WRITTEN_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*(?:年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]"
    r"|[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2})(?!\d)|(?P<m3>[01]\d)(?P<d3>[0-3]\d)(?!\d))"
    r"|(?<![\d/.])(?P<m4>\d{1,2})[/.](?P<d4>\d{1,2})[/.](?P<y4>20\d\d)(?!\d)")


def written_date(text: str) -> datetime | None:
    """The first full date written in `text`: 2021年3月22日, 2021-03-22, 2021/05/05, 2021.6.8, 20210518,
    3/31/2021 or 09.19.2021 (month first, as GNews writes them)."""
    for m in WRITTEN_DATE.finditer(text):
        g = m.groupdict()
        if g["y"]:
            value = make_date(g["y"], g["m"] or g["m2"] or g["m3"], g["d"] or g["d2"] or g["d3"])
        else:
            value = make_date(g["y4"], g["m4"], g["d4"])
        if value is not None and value.year >= FIRST_YEAR:
            return value
    return None


def _is_prose(text: str) -> bool:
    """Sentences (简评：1931年9月18日…，…), not a line of credits, a link, a heading or a caption."""
    return len(text) > 40 and bool(re.search(r"[。，！？；]", text))


def _date_written_near_the_top(title: str, body: str, month: datetime | None) -> tuple[datetime, str] | None:
    """(date, "day") written in the first lines (credits and link texts included) or the title, in `month`
    (or the one before) where that is known: `发布时间：2021年3月13日`,
    `[2022年2月20日《文贵大直播》盖特视频链接](…)`, `## 2021年3月22日灭共要闻快报`, a Gettr video URL."""
    lines = [line.strip() for line in body.split("\n") if line.strip()][:OPENING_LINES]
    lines = [line for line in lines if not _is_prose(_inline(IMAGE.sub("", line)))]  # a paragraph's dates are history
    videos = [line for line in lines if line.startswith("http")]  # a bare URL line: the post's own video
    for text in [*(_inline(IMAGE.sub("", line)) for line in lines), title, *videos]:
        value = written_date(text)
        if value is not None and (month is None or _near_upload(value, month.year, month.month)):
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
