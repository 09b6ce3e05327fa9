"""Quotations and clause boundaries of a sentence: the frame that statement and interaction rules read."""
from __future__ import annotations

import re
from dataclasses import dataclass

from diplograph.ingest.sentences import quote_spans

CLAUSE_BREAKS = "，；：,;:。！？!?–"


@dataclass(frozen=True)
class Frame:
    """A sentence's quotations (spans including the marks) and the clause starts outside them."""

    text: str
    quotes: tuple[tuple[int, int], ...]
    breaks: tuple[int, ...]

    def in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quotes)

    def clause_start(self, pos: int) -> int:
        """Start of the clause holding `pos` (just after the previous break outside quotes)."""
        start = 0
        for b in self.breaks:
            if b >= pos:
                break
            start = b + 1
        return start

    def speaker_start(self, pos: int) -> int:
        """Start of the clause holding `pos`, after a quotation that ends it before `pos`: in “…我们的政策没有改变。”他说
        the clause of 他说 begins after the closing mark. Only a quotation that opens the clause is passed, and
        not a short quoted name (“保守团结之会”周四…)."""
        start = self.clause_start(pos)
        for s, e in self.quotes:
            if s == start and e <= pos and (e - s > 12 or self.text[e - 2:e - 1] in "。！？，…!?,"):
                start = e
        return start

    def clause_end(self, pos: int) -> int:
        for b in self.breaks:
            if b >= pos:
                return b
        return len(self.text)

    def first_clause_end(self) -> int:
        return self.breaks[0] if self.breaks else len(self.text)


PARENS = re.compile(r"（[^（）]{0,60}）|\([^()]{0,60}\)")


def frame(text: str) -> Frame:
    """Find the quotations (as the sentence splitter finds them) and the clause breaks
    (，；：。！？ outside quotations and parentheses: 舍曼（谢尔曼，Wendy Sherman）is one phrase) of a sentence."""
    quotes = quote_spans(text)
    inside = {k for s, e in quotes for k in range(s, e)}
    inside |= {k for m in PARENS.finditer(text) for k in range(m.start(), m.end())}
    breaks = [i for i, ch in enumerate(text) if ch in CLAUSE_BREAKS and i not in inside]
    return Frame(text, tuple(quotes), tuple(breaks))
