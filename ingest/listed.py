"""Persons named in a list with a known person: 阿布拉莫维奇、谢钦、德里帕斯卡、列别杰夫、米勒、科斯廷和托卡列夫.

An item of a list joined by 、 (and a last 和/及) whose neighbour is a person the
lexicon knows is a person too when it is a transliteration (every character a
transliteration character, two to six of them) or a Chinese name (a family name
and one or two more characters, not a word of the language). The first item ends
the words before it at the last word that is not a transliteration; the last one
stops at the first word that is not.
"""
from __future__ import annotations

from diplograph.ingest.found import DISCOVERED, NAME, NO_WORDS, Found, Words, person_key

ITEM_STOPS = frozenset("、，。；：:“”\"（）()《》 　")
LAST_JOINERS = ("和", "及", "与")
MAX_ITEM = 6


def listed_names(text: str, found: list[Found], tokens: tuple[tuple[int, int], ...], translit: frozenset[str],
                 surnames: frozenset[str], words: Words = NO_WORDS, titles: tuple[str, ...] = ()) -> list[Found]:
    """`found` with the persons listed next to a known person (not a title: 路德、墨博士)."""
    if "、" not in text or not tokens:
        return found
    taken = [(f.start, f.end) for f in found]
    extra: list[Found] = []
    for f in found:
        if f.type != "Person" or f.kind not in (NAME, DISCOVERED) or not f.is_actor or f.prefix:
            continue
        for start, end in _neighbours(text, f, tokens, translit, surnames):
            item = text[start:end]
            if any(s < end and start < e for s, e in taken) or item.endswith(titles):
                continue
            if _transliterated(item, translit) or _chinese_name(item, surnames, words):
                extra.append(Found(start, end, person_key(item), "Person", item, kind=DISCOVERED))
                taken.append((start, end))
    return sorted(found + extra, key=lambda f: (f.start, not f.prefix)) if extra else found


def _neighbours(text: str, f: Found, tokens: tuple[tuple[int, int], ...], translit: frozenset[str],
                surnames: frozenset[str]):
    """The spans of the list items on either side of `f`, walking out while the list goes on."""
    pos = f.start
    while pos > 0 and text[pos - 1] == "、":  # items before
        end = pos - 1
        start = end
        while start > 0 and text[start - 1] not in ITEM_STOPS and end - start < 12:
            start -= 1
        if start == 0 or text[start - 1] != "、":  # the first item: only its transliterated end
            start = _translit_tail(text, start, end, tokens, translit)
        if start >= end:
            return
        yield start, end
        pos = start
    pos = f.end
    while pos < len(text) and (text[pos] == "、" or text.startswith(LAST_JOINERS, pos)):
        last = text[pos] != "、"
        start = pos + 1
        end = start
        while end < len(text) and text[end] not in ITEM_STOPS and end - start < 12:
            end += 1
        if last or end >= len(text) or text[end] != "、":  # the last item: its transliterated start (比特股: not 比特)
            head = _translit_head(text, start, end, tokens, translit)  # or a Chinese name before 和 (刘云平和…)
            chinese = next((start + k for k in (3, 2) if text[start:start + 1] in surnames
                            and text.startswith(LAST_JOINERS + tuple(ITEM_STOPS), start + k)), start)
            end = head if head - start >= 3 else chinese
        if end <= start:
            return
        yield start, end
        if last:
            return
        pos = end


def _translit_tail(text: str, start: int, end: int, tokens, translit) -> int:
    """The start of the run of whole transliterated words that ends at `end`."""
    cut = end
    for s, e in sorted(tokens, key=lambda t: -t[0]):
        if e > end or s < start:
            continue
        if e != cut or not all(ch in translit for ch in text[s:e]):
            break
        cut = s
    return cut


def _translit_head(text: str, start: int, end: int, tokens, translit) -> int:
    """The end of the run of whole transliterated words that starts at `start`."""
    cut = start
    for s, e in sorted(tokens):
        if s < start or e > end:
            continue
        if s != cut or not all(ch in translit for ch in text[s:e]):
            break
        cut = e
    return cut


def _transliterated(item: str, translit: frozenset[str]) -> bool:
    return 2 <= len(item) <= MAX_ITEM and all(ch in translit for ch in item)


def _chinese_name(item: str, surnames: frozenset[str], words: Words) -> bool:
    """赵美心, 刘云平: a family name and one or two more characters that make no common word."""
    family = 2 if item[:2] in surnames else 1 if item[:1] in surnames else 0
    return family > 0 and 1 <= len(item) - family <= 2 and not words.common_word(item) \
        and not words.common_word(item[family:], 1000)
