"""One sentence, analysed once: the object every extraction rule reads.

`analyse` takes a sentence's words, actors and dates, finds its quotations,
clause breaks (its `frame`), speech verbs and interaction words, and hands
them over as one frozen `AnalysedSentence`; rules for statements and
interactions read it instead of a dozen loose values.
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
class AnalysedSentence:
    """A sentence with everything the rules read: its words, actors, quotations and clauses, dates, verbs, events."""

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

    def other_events(self, start: int) -> list[tuple[int, int]]:
        """The spans of the sentence's event words other than the one at `start`."""
        return [(e.start, e.end) for e in self.events if e.start != start]


def analyse(text: str, tokens: list[tuple[int, int]], found: tuple[Found, ...], dates: tuple[DateMention, ...],
            lexicon: Lexicon, verb_trie, event_trie, words: Words = NO_WORDS) -> AnalysedSentence:
    """Put together what the rules read of one sentence: its frame, speech verbs and interaction words."""
    fr = frame(text)
    cuts = frozenset(x for span in tokens for x in span)  # as AnalysedSentence.cuts, which does not exist yet
    verbs = speech_verbs(text, fr, tokens, lexicon, verb_trie, found, words)
    events = tuple(EventWord(s, e, t) for s, e, t in event_trie.scan(text)
                   if (s in cuts or e in cuts) and not fr.in_quote(s))  # 安全会议 ends with 会议; 会议室 is no meeting
    return AnalysedSentence(text, fr, tuple(tokens), found, dates, tuple(verbs), events)
