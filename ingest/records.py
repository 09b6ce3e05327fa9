"""Typed, frozen records that the ingest stage hands to the graph stage.

An `Article` is what a file becomes; `Mention`, `Interaction` and `Statement`
are what extraction finds in it. Every fact keeps an `Evidence` pointing back
to the sentence it came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

BlockKind = Literal["paragraph", "heading", "caption", "quote", "list_item"]
Precision = Literal["day", "month", "year"]
ActorType = Literal["Person", "Organization", "Country"]
InteractionType = Literal["PhoneCall", "VideoConference", "Summit", "Meeting", "Talks"]
Status = Literal["held", "planned", "proposed", "cancelled"]


@dataclass(frozen=True)
class Sentence:
    """A sentence as a half-open character span [start, end) of its block's text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Block:
    """One unit of article body: a paragraph, heading, caption, quote or list item.

    `text` is normalised for analysis (NFKC where safe, one middle dot,
    simplified characters); `original` is the text as the article wrote it,
    kept for display and provenance.
    """

    kind: BlockKind
    text: str
    original: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Article:
    """A parsed news article."""

    id: str
    source_file: str
    outlet: str
    title: str
    published: datetime
    url: str | None
    language: Literal["zh-Hans", "zh-Hant"]
    blocks: tuple[Block, ...]
    format: str = "generic"
    published_precision: Precision = "day"

    def sentences(self):
        """Yield (block_index, sentence_index, block, sentence) in reading order."""
        for bi, block in enumerate(self.blocks):
            for si, sent in enumerate(block.sentences):
                yield bi, si, block, sent


@dataclass(frozen=True)
class DateValue:
    """A calendar date with the precision the text gives (a month is stored as its first day)."""

    value: date
    precision: Precision = "day"

    def iso(self) -> str:
        return self.value.isoformat()


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: article, block, sentence and its character span in the block."""

    article_id: str
    block: int
    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """An actor named (or referred to) in a sentence, resolved to a lexicon key where possible."""

    actor: str
    surface: str
    type: ActorType
    evidence: Evidence
    start: int = 0
    end: int = 0
    role: str | None = None
    latin: str | None = None


@dataclass(frozen=True)
class Interaction:
    """A call, video conference, summit, meeting or talks as one article reports it."""

    type: InteractionType
    participants: tuple[str, ...]
    status: Status
    evidence: Evidence
    date: DateValue | None = None
    place: str | None = None
    trigger: str = ""


@dataclass(frozen=True)
class Statement:
    """Who said what, to whom, about what, as one article reports it."""

    speaker: str
    evidence: Evidence
    verb: str = ""
    addressee: str | None = None
    quote: str | None = None
    topics: tuple[str, ...] = ()
    date: DateValue | None = None
    kind: str = "say"


@dataclass(frozen=True)
class ActorInfo:
    """What the lexicon (or discovery) knows about an actor."""

    key: str
    type: ActorType
    label_zh: str
    label_en: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = None
    role: str | None = None
    wikidata: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extraction found in one article."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    interactions: tuple[Interaction, ...] = ()
    statements: tuple[Statement, ...] = ()
    actors: tuple[ActorInfo, ...] = field(default=())
