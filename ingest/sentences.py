"""Split a block of Chinese text into sentences with character offsets.

A sentence ends at 。！？ (or ! ? …… ) outside quotation marks. A quotation
that ends a sentence (“……。”) ends it after the closing mark, unless a short
attribution follows (“……。”普萨基说。): then the quote and its speaker stay
one sentence, which is where a reader finds who said it.
"""
from __future__ import annotations

import re
from functools import cache

from diplograph.ingest.lexicon import bundled_speech_verbs
from diplograph.ingest.records import Sentence

TERMINALS = frozenset("。！？!?")
OPENING = {"“": "”", "「": "」", "『": "』", "‘": "’", "《": "》"}
CLOSING = frozenset(OPENING.values())
MAX_QUOTE = 400  # an opening mark not closed within this many characters is a stray
# Longer runs without a full stop (lists, scraped tables, junk) are cut at their last comma within this
# length: extraction looks at pairs of mentions in a sentence, so one endless sentence would cost minutes.
# The longest sentence of the dev corpus has 289 characters.
MAX_SENTENCE = 600
CLAUSE_MARKS = frozenset("，；：,;:、 \n")
ATTRIBUTION = (r"[^。！？!?“”「」，,]{1,60}?(?:(?:{said})|告诉[^。！？!?，,]{1,12})"
               r"(?=[。！？!?]|$|[，,：:]\s*[“「])")


@cache
def _attribution() -> re.Pattern:
    """A short attribution after a quotation (“……。”普萨基说。), with the bundled lexicon's verbs of saying."""
    return re.compile(ATTRIBUTION.replace("{said}", "|".join(map(re.escape, bundled_speech_verbs()))))


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each balanced quotation: text[start] opens it, text[end - 1] closes it."""
    spans, i, n = [], 0, len(text)
    while i < n:
        close = OPENING.get(text[i])
        if close and close != "》":
            j = text.find(close, i + 1, i + 1 + MAX_QUOTE)
            if j > 0:
                spans.append((i, j + 1))
                i = j + 1
                continue
        i += 1
    return spans


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences of `text` as spans; whitespace around a sentence is not part of it."""
    quotes = quote_spans(text)
    inside = [False] * len(text)
    for s, e in quotes:
        for k in range(s + 1, e - 1):
            inside[k] = True
    cuts: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in TERMINALS and not inside[i]:
            j = i + 1
            while j < n and (text[j] in TERMINALS or text[j] in CLOSING or text[j] == "…"):
                j += 1
            cuts.append(j)
            i = j
            continue
        if ch in CLOSING and i > 0 and text[i - 1] in TERMINALS and not inside[i]:
            end = i + 1
            follow = _attribution().match(text, end)
            if follow is None:
                cuts.append(end)
            i = end
            continue
        i += 1
    if not cuts or cuts[-1] < n:
        cuts.append(n)
    out, start = [], 0
    for cut in _bounded(text, cuts):
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(s, e, text[s:e]))
        start = cut
    return tuple(out)


def _bounded(text: str, cuts: list[int]) -> list[int]:
    """`cuts` with extra cuts so that no sentence is longer than MAX_SENTENCE (at a clause mark where there is one)."""
    out, start = [], 0
    for cut in cuts:
        while cut - start > MAX_SENTENCE:
            window = text[start + MAX_SENTENCE // 2:start + MAX_SENTENCE]
            marks = [k for k, ch in enumerate(window) if ch in CLAUSE_MARKS]
            start = start + MAX_SENTENCE // 2 + marks[-1] + 1 if marks else start + MAX_SENTENCE
            out.append(start)
        out.append(cut)
        start = cut
    return out
