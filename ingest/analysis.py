"""One sentence, analysed once: the object every extraction rule reads.

`analyse` segments a sentence, finds its actors, quotations, clause breaks,
dates, speech verbs and interaction words, and hands them over as one frozen
`AnalysedSentence`; rules for statements and interactions read it instead of
a dozen loose values. Its `clauses` give each clause its own span, so that
"the date of an event" is the date of the event's clause.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from diplograph.ingest.clauses import Frame, frame
from diplograph.ingest.dates import DateMention
from diplograph.ingest.lexicon import Lexicon
from diplograph.ingest.found import NO_WORDS, Found, Words
from diplograph.ingest.speech import VerbHit, speech_verbs


@dataclass(frozen=True)
class EventWord:
    """An interaction word outside quotations (通话, 会晤, 峰会) and the interaction type it names."""

    start: int
    end: int
    type: str


@dataclass(frozen=True)
class Clause:
    """A stretch of a sentence between two clause breaks (，；：。 outside quotations)."""

    start: int
    end: int

    def holds(self, pos: int) -> bool:
        return self.start <= pos < self.end


@dataclass(frozen=True)
class AnalysedSentence:
    """A sentence with everything the rules read: its words, actors, quotations, clauses, dates, verbs and events."""

    text: str
    frame: Frame
    tokens: tuple[tuple[int, int], ...]
    found: tuple[Found, ...]
    dates: tuple[DateMention, ...]
    verbs: tuple[VerbHit, ...]
    events: tuple[EventWord, ...]

    @cached_property
    def cuts(self) -> frozenset[int]:
        """Every offset where a word starts or ends."""
        return frozenset(x for span in self.tokens for x in span)

    @cached_property
    def verb_starts(self) -> tuple[int, ...]:
        return tuple(v.start for v in self.verbs)

    @cached_property
    def clauses(self) -> tuple[Clause, ...]:
        starts = (0, *(b + 1 for b in self.frame.breaks))
        ends = (*self.frame.breaks, len(self.text))
        return tuple(Clause(s, e) for s, e in zip(starts, ends))

    def clause_at(self, pos: int) -> Clause:
        """The clause that holds `pos` (a break belongs to the clause it closes)."""
        return Clause(self.frame.clause_start(pos), self.frame.clause_end(pos))

    def other_events(self, start: int) -> list[tuple[int, int]]:
        """The spans of the sentence's event words other than the one at `start`."""
        return [(e.start, e.end) for e in self.events if e.start != start]


def analyse(text: str, tokens: list[tuple[int, int]], found: tuple[Found, ...], dates: tuple[DateMention, ...],
            lexicon: Lexicon, verb_trie, event_trie, words: Words = NO_WORDS) -> AnalysedSentence:
    """Put together what the rules read of one sentence: its frame, speech verbs and interaction words."""
    fr = frame(text)
    cuts = frozenset(x for span in tokens for x in span)
    verbs = speech_verbs(text, fr, tokens, lexicon, verb_trie, found, words)
    events = tuple(EventWord(s, e, t) for s, e, t in event_trie.scan(text)
                   if (s in cuts or e in cuts) and not fr.in_quote(s))  # 安全会议 ends with 会议; 会议室 is no meeting
    return AnalysedSentence(text, fr, tuple(tokens), found, dates, tuple(verbs), events)
