"""Date expressions in Chinese news, resolved against the article's publication date.

周四 / 周四（12月30日）/ 30日 / 12月30日 / 1月9日至10日 / 9月份 / 明年1月 / 去年 / 本月 /
当天: each becomes a calendar date with the precision the text gives (day,
month or year). A date without a year takes the year that makes sense for a
news article: the nearest, preferring the past unless the clause speaks of
the future (a 1月10日 meeting in an article of 2021-12-31 is 2022-01-10; a
6月16日 summit in the same article is 2021-06-16). A weekday next to a date
picks the year whose calendar agrees.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from diplograph.ingest.records import DateValue

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 5}
NUM = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
FUTURE_CUES = ("将", "计划", "预计", "定于", "准备", "即将", "拟", "打算", "下周", "明天", "届时", "安排")
FUTURE_PENALTY = 4  # a past reading is this many times likelier than a future one (and the reverse after 将)

_PATTERN = re.compile(
    r"(?P<full>(?P<fy>(?:19|20)\d\d)\s*年\s*(?:(?P<fm>" + NUM[1:-1] + r")\s*月\s*(?:(?P<fd>" + NUM[1:-1] + r")\s*[日号])?)?)"
    r"|(?P<rel>(?P<ry>明年|去年|今年|前年)\s*(?:(?P<rm>" + NUM[1:-1] + r")\s*月\s*(?:(?P<rd>" + NUM[1:-1] + r")\s*[日号])?)?)"
    r"|(?P<md>(?P<mdm>" + NUM[1:-1] + r")\s*月\s*(?P<mdd>" + NUM[1:-1] + r")\s*[日号]?(?=[^\d月年]|$)(?<![月]))"
    r"|(?P<bm>(?<![\d年.])(?P<bmm>1[0-2]|[1-9])\s*月份?(?![\d日号]))"
    r"|(?P<mo>(?P<mon>本月|这个月|上个月|上月|下个月|下月)(?:\s*(?P<mond>" + NUM[1:-1] + r")\s*[日号])?)"
    r"|(?P<wk>(?P<wkp>上|下|本|这)?(?:个)?(?:周|星期|礼拜)(?P<wkd>[一二三四五六日天末]))"
    r"|(?P<day>(?<![\d月年.])(?P<dd>\d{1,2})\s*[日号](?![元本]))"
    r"|(?P<word>今天|今日|昨天|昨日|前天|明天|明日|后天|当天|当日|同日|同一天|^当时)"
)
_RANGE_TAIL = re.compile(r"\s*(?:至|到|—|-|–|~|～|或|和|、)\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号]")
_PAREN_DATE = re.compile(r"\s*[（(]\s*(?:(?P<y>(?:19|20)\d\d)\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?\s*[)）]")


@dataclass(frozen=True)
class DateMention:
    """A date expression as a span of the text, with its resolved value (None if it cannot be resolved)."""

    start: int
    end: int
    text: str
    value: DateValue | None


def _num(token: str | None) -> int | None:
    """12, 十二, 二十六; None for no number or an ambiguous one (六七: the sixth or the seventh)."""
    if not token:
        return None
    if token.isdigit():
        return int(token)
    tens, ten, ones = token.partition("十")
    if not ten:
        return CN_DIGITS.get(token) if len(token) == 1 else None
    if len(tens) > 1 or len(ones) > 1 or (tens and tens not in CN_DIGITS) or (ones and ones not in CN_DIGITS):
        return None
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)


def _safe(y: int, m: int | None, d: int | None) -> date | None:
    """The date, or None when a part is missing or out of range."""
    if m is None or d is None:
        return None
    try:
        return date(y, m, d)
    except (ValueError, OverflowError):
        return None


def _pick(candidates: list[date], pub: date, future: bool, weekday: int | None = None) -> date | None:
    """The likeliest of `candidates` for an article of `pub`."""
    if weekday is not None and any(c.weekday() == weekday for c in candidates):
        candidates = [c for c in candidates if c.weekday() == weekday]

    def cost(c: date) -> int:
        delta = (c - pub).days
        if delta >= 0:
            return delta * (1 if future else FUTURE_PENALTY)
        return -delta * (FUTURE_PENALTY if future else 1)

    return min(candidates, key=cost) if candidates else None


def _nearest_month(month: int, pub: date, future: bool) -> date:
    """11月 in an article of August is this November, 1月 in one of March this January: the nearest in months,
    a future month counting double (a past one after 将)."""
    def cost(y: int) -> int:
        delta = (y * 12 + month) - (pub.year * 12 + pub.month)
        return delta * (1 if future else 2) if delta >= 0 else -delta * (2 if future else 1)
    return date(min((pub.year - 1, pub.year, pub.year + 1), key=cost), month, 1)


def _is_future(text: str, start: int, said: re.Pattern | None = None) -> bool:
    """Does the clause speak of the future around `start`: 将于周四…, or 周二肖尔茨将与普京见面 (but 周二表示将…:
    said on Tuesday, of the future, where `said` matches the verbs of saying)?"""
    head = text[max(0, start - 8):start]
    head = re.split(r"[，。；！？,;]", head)[-1]
    tail = re.split(r"[，。；！？,;]", text[start:start + 16])[0]
    if said is not None:
        tail = said.split(tail)[0]
    return any(cue in head for cue in FUTURE_CUES) or any(cue in tail for cue in ("将", "将于", "计划", "预计", "定于", "准备"))


def find_dates(text: str, published: date | None, month_only: bool = False, anchor: DateValue | None = None,
               said: re.Pattern | None = None, word_ends: frozenset[int] | None = None,
               paired: dict[int, date] | None = None) -> tuple[DateMention, ...]:
    """Every date expression in `text`, left to right.

    `month_only`: the publication date is known to the month only, so
    weekdays and yesterday/today cannot be resolved. `published` None: the
    article is undated, so only dates written with their year resolve.
    `anchor` is the date the text last spoke of, which 当天 refers to.
    `said` matches the verbs of saying (the lexicon's), after which a
    clause's future is not the date's. `word_ends` are where the
    tokenizer's words end: a one-character part of a month or year (初, 中,
    底, 末) counts only where it ends a word (年中, 月底; not 年中期选举,
    今年初步). `paired` maps the weekdays the article has written with their
    date (周一（11月15日）) to that date: a bare 周一 later is that day.
    """
    out: list[DateMention] = []
    pos = 0
    while (m := _PATTERN.search(text, pos)) is not None:
        start, end = m.span()
        future = _is_future(text, start, said)
        value, end = _resolve(m, text, end, published, month_only, future, next((d.value for d in reversed(out) if d.value), anchor))
        if m.lastgroup == "wk" and not m.group("wkp") and paired and end == m.end() \
                and (known := paired.get(WEEKDAYS[m.group("wkd")])) is not None and not month_only:
            value = DateValue(known)  # 周一晚的这次峰会 after 周一（11月15日）: the Monday the article dated
        tail = _RANGE_TAIL.match(text, end)
        if tail and value is not None and value.precision == "day" and m.lastgroup in ("full", "md", "rel", "mo", "day"):
            value = DateValue(value.value, "day", _range_end(tail.group(0), value.value))
            end = tail.end()
        elif value is not None and (part := _PART.match(text, end)) and value.precision in ("month", "year") \
                and (word_ends is None or len(part.group(0)) > 1 or part.end() in word_ends):
            value, end = _part_of(value, part.group(0)), part.end()
        out.append(DateMention(start, end, text[start:end], value))
        pos = max(end, start + 1)
    return tuple(out)


PAIRED = re.compile(r"^(?:周|星期|礼拜)(?P<wkd>[一二三四五六日天])[（(]")


def weekday_paired(mention: DateMention) -> tuple[int, date] | None:
    """周一（11月15日）: the weekday and the day an article wrote together, or None."""
    m = PAIRED.match(mention.text)
    if m is None or mention.value is None or mention.value.precision != "day" \
            or mention.value.value.weekday() != WEEKDAYS[m.group("wkd")]:
        return None  # 周二（4月12日） of 2021, a Monday: a slip, which pairs nothing
    return WEEKDAYS[m.group("wkd")], mention.value.value


def _resolve(m: re.Match, text: str, end: int, pub: date | None, month_only: bool, future: bool,
             anchor: DateValue | None) -> tuple[DateValue | None, int]:
    kind = m.lastgroup
    g = m.group
    if kind == "full":
        return _ymd(int(g("fy")), _num(g("fm")), _num(g("fd"))), end
    if pub is None:
        return _without_publication_date(m, text, end, future, anchor)
    if kind == "rel":
        year = pub.year + {"明年": 1, "去年": -1, "今年": 0, "前年": -2}[g("ry")]
        return _ymd(year, _num(g("rm")), _num(g("rd"))), end
    if kind == "md":
        mo, d = _num(g("mdm")), _num(g("mdd"))
        if mo is None or not 1 <= mo <= 12:
            return None, end
        if d is None:  # 二月六七号, the sixth or seventh: that month
            return DateValue(_nearest_month(mo, pub, future), "month"), end
        if anchor is not None and text[:m.start()].endswith(("当年", "同年")):  # 2019年的报导…当年4月30日: that year
            value = _safe(anchor.value.year, mo, d)
            return (DateValue(value) if value else None), end
        weekday = _weekday_before(text, m.start())
        candidates = [c for y in (pub.year - 1, pub.year, pub.year + 1) if (c := _safe(y, mo, d))]
        value = _pick(candidates, pub, future, weekday)
        return (DateValue(value) if value else None), end
    if kind == "bm":  # 9月份时的电话会议: a month without a year, the nearest such month
        return DateValue(_nearest_month(int(g("bmm")), pub, future), "month"), end
    if kind == "mo":
        shift = {"本月": 0, "这个月": 0, "上个月": -1, "上月": -1, "下个月": 1, "下月": 1}[g("mon")]
        y, mo = divmod(pub.year * 12 + pub.month - 1 + shift, 12)
        d = _num(g("mond"))
        if d is None:
            return DateValue(date(y, mo + 1, 1), "month"), end
        value = _safe(y, mo + 1, d)
        return (DateValue(value) if value else None), end
    if kind == "day":
        d = int(g("dd"))
        months = [(pub.year * 12 + pub.month - 1 + k) for k in (-1, 0, 1)]
        candidates = [c for n in months if (c := _safe(n // 12, n % 12 + 1, d))]
        value = _pick(candidates, pub, future)
        return (DateValue(value) if value else None), end
    if kind == "wk":
        paren = _PAREN_DATE.match(text, end)
        if paren:  # 周四（12月30日）: the written date, with the weekday choosing its year
            weekday = WEEKDAYS[g("wkd")]
            y, mo, d = paren.group("y"), int(paren.group("m")), int(paren.group("d"))
            years = (int(y),) if y else (pub.year - 1, pub.year, pub.year + 1)
            candidates = [c for yy in years if (c := _safe(yy, mo, d))]
            if not month_only and not y:  # 上周五（6月9日）in an article of 2022-06-13: a slip of a day, not 2023
                said = _weekday(pub, weekday, g("wkp"), future)
                near = min(candidates, key=lambda c: abs((c - said).days), default=None)
                if near is not None and abs((near - said).days) <= 3:
                    return DateValue(near), paren.end()
            value = _pick(candidates, pub, future, weekday)
            return (DateValue(value) if value else None), paren.end()
        if month_only:  # some such weekday of the publication month: merging may find which
            return DateValue(date(pub.year, pub.month, 1), "month", weekday=WEEKDAYS[g("wkd")] % 7), end
        return DateValue(_weekday(pub, WEEKDAYS[g("wkd")], g("wkp"), future)), end
    word = g("word")
    if word in ("当天", "当日", "同日", "同一天", "当时"):  # 当时 opening a sentence: the time just spoken of
        return anchor, end
    if month_only:
        return None, end
    shift = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "明天": 1, "明日": 1, "后天": 2}[word]
    return DateValue(pub + timedelta(days=shift)), end


def _without_publication_date(m: re.Match, text: str, end: int, future: bool,
                              anchor: DateValue | None) -> tuple[DateValue | None, int]:
    """In an undated article only a date with its year resolves (周四（2022年2月24日）), and 当天 to the last one."""
    g = m.group
    if m.lastgroup == "wk" and (paren := _PAREN_DATE.match(text, end)) and paren.group("y"):
        value = _safe(int(paren.group("y")), int(paren.group("m")), int(paren.group("d")))
        return (DateValue(value) if value else None), paren.end()
    if m.lastgroup == "word" and g("word") in ("当天", "当日", "同日", "同一天"):
        return anchor, end
    return None, end


_PART = re.compile(r"上半年|下半年|上旬|中旬|下旬|初|底|末|中(?![国共方东美俄日欧])")


def _part_of(value: DateValue, part: str) -> DateValue:
    """5月下旬, 月底, 本月初, 年底, 上半年: a part of a month or a year is a range from its first day (5月底 is
    21 to 31 May), not the first of the month."""
    first = value.value
    if value.precision == "month":
        last = (date(first.year + first.month // 12, first.month % 12 + 1, 1) - timedelta(days=1)).day
        lo, hi = {"上旬": (1, 10), "初": (1, 10), "中旬": (11, 20), "中": (11, 20)}.get(part, (21, last))
        return DateValue(first.replace(day=lo), "day", first.replace(day=hi))
    months = {"上半年": (1, 6), "下半年": (7, 12), "初": (1, 2), "中": (6, 7)}.get(part, (11, 12))
    end = date(first.year + months[1] // 12, months[1] % 12 + 1, 1) - timedelta(days=1)
    return DateValue(first.replace(month=months[0]), "month", end)


def _range_end(tail: str, first: date) -> date | None:
    """The last day of 1月9日至10日 (or 至1月10日); None for 或 (alternatives, not a range)."""
    if "或" in tail:
        return None
    numbers = [int(n) for n in re.findall(r"\d+", tail)]
    month, day = (numbers[0], numbers[1]) if len(numbers) == 2 else (first.month, numbers[0])
    year = first.year + (1 if month < first.month else 0)
    last = _safe(year, month, day)
    return last if last and last > first else None


def _ymd(year: int, month: int | None, day: int | None) -> DateValue | None:
    """2014年 (a year), 2018年7月 (a month) or 2021年6月16日 (a day); None if no such date."""
    if month is None:
        return DateValue(date(year, 1, 1), "year")
    if day is None:
        return DateValue(date(year, month, 1), "month") if 1 <= month <= 12 else None
    value = _safe(year, month, day)
    return DateValue(value) if value else None


def _weekday(pub: date, weekday: int, prefix: str | None, future: bool) -> date:
    """The date of a weekday named in an article of `pub` (上周五, 周四, 下周一)."""
    monday = pub - timedelta(days=pub.weekday())
    if prefix == "上":
        return monday - timedelta(days=7) + timedelta(days=weekday)
    if prefix == "下":
        return monday + timedelta(days=7 + weekday)
    if prefix in ("本", "这"):
        return monday + timedelta(days=weekday)
    delta = (weekday - pub.weekday()) % 7
    if delta == 0:
        return pub
    return pub + timedelta(days=delta) if future else pub - timedelta(days=7 - delta)


_WEEKDAY_NEXT = re.compile(r"[^，。；\s]{1,6}?[（(]\s*(?:周|星期|礼拜)([一二三四五六日天])\s*[)）]")
_WEEKDAY_PREV = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天])$")


def _weekday_before(text: str, start: int) -> int | None:
    """A weekday written right against the date: 12月30日（周四）or 周四12月30日 (not one of another clause)."""
    if found := _WEEKDAY_PREV.search(text[max(0, start - 3):start]):
        return WEEKDAYS[found.group(1)]
    if found := _WEEKDAY_NEXT.match(text, start):
        return WEEKDAYS[found.group(1)]
    return None
