"""Text normalisation for analysis that keeps every character offset valid.

Each character maps to exactly one character, so a span found in the
normalised text is the same span of the original: full-width letters and
digits become ASCII, the middle dots of transliterated names become `·`,
half-width punctuation next to Chinese becomes full-width, and traditional
characters become simplified (OpenCC `t2s`, phrase-aware where the phrase
keeps its length).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

MIDDLE_DOT = "·"
_DOTS = {"\u00b7", "\u2027", "\u30fb", "\u2022", "\uff65", "\u2219", "\u22c5", "\u0387", "\u16eb", "\u2e31", "\ua78f"}
# Half-width punctuation that becomes full-width when it touches a Chinese character.
_TO_FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
# Full-width punctuation that NFKC would turn into ASCII; in Chinese text it stays.
_KEEP = frozenset("，：；（）！？")
_SPACES = {"\u3000", "\u00a0", "\u2002", "\u2003", "\u2009", "\u200a", "\u202f"}
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"}


def is_cjk(ch: str) -> bool:
    """A Chinese character (CJK unified ideographs and their extensions)."""
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF or 0xF900 <= o <= 0xFAFF


def has_chinese(text: str) -> bool:
    return any(is_cjk(ch) for ch in text)


def _is_cjk_or_fullwidth(ch: str) -> bool:
    return is_cjk(ch) or 0x3000 <= ord(ch) <= 0x303F or 0xFF00 <= ord(ch) <= 0xFFEF


def _char(ch: str) -> str:
    if ch in _DOTS:
        return MIDDLE_DOT
    if ch in _SPACES or ch in _ZERO_WIDTH:
        return " "
    if ch in _KEEP:
        return ch
    n = unicodedata.normalize("NFKC", ch)
    return n if len(n) == 1 else ch


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional to simplified, character for character (length kept)."""
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(c if len(c := _converter().convert(ch)) == 1 else ch for ch in text)


def normalize(text: str) -> str:
    """The analysis form of `text`, with exactly the same length."""
    chars = [_char(ch) for ch in text]
    n = len(chars)
    for i, ch in enumerate(chars):
        if ch in _TO_FULL:
            before = chars[i - 1] if i > 0 else ""
            after = chars[i + 1] if i + 1 < n else ""
            if (before and _is_cjk_or_fullwidth(before)) or (after and _is_cjk_or_fullwidth(after)):
                chars[i] = _TO_FULL[ch]
        elif ch == "." and 0 < i < n - 1 and is_cjk(chars[i - 1]) and is_cjk(chars[i + 1]):
            chars[i] = MIDDLE_DOT  # 约翰.柯比: a name dot typed as a full stop
    return to_simplified("".join(chars))


def traditional_share(text: str) -> float:
    """Share of Chinese characters that t2s changes: high for traditional text."""
    cjk = [ch for ch in text if is_cjk(ch)]
    if not cjk:
        return 0.0
    sample = "".join(cjk[:4000])
    converted = to_simplified(sample)
    return sum(a != b for a, b in zip(sample, converted)) / len(sample)


_WS = re.compile(r"\s+")
_WIDE = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’「」『』《》·‧・•—…"
_OPENING = "（“‘「『《【(\\["
_CLOSING = "）”’」』》】，。、：；！？)\\]"
_SPACE_BETWEEN = re.compile(f"(?<=[{_WIDE}]) (?=[{_WIDE}])|(?<=[{_OPENING}]) | (?=[{_CLOSING}])")


def collapse_whitespace(text: str) -> str:
    """One space between words, none between Chinese characters (pretty-printed HTML breaks names over lines)."""
    text = _WS.sub(" ", text).strip()
    return _SPACE_BETWEEN.sub("", text)
