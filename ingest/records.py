"""Typed, frozen records that the ingest stage hands to the graph stage.

An `Article` is what a file becomes; `Mention`, `Interaction` and `Statement`
are what extraction finds in it. Every fact keeps an `Evidence` pointing back
to the sentence it came from. `Extraction` carries only the article's
metadata (`ArticleMeta`), so later stages never hold article texts.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Literal

BlockKind = Literal["paragraph", "heading", "caption", "quote", "list_item"]
Precision = Literal["day", "month", "year"]
Language = Literal["zh-Hans", "zh-Hant"]
ActorType = Literal["Person", "Organization", "Country"]
InteractionType = Literal["PhoneCall", "VideoConference", "Summit", "Meeting", "Talks"]
Status = Literal["held", "planned", "proposed", "cancelled"]

ACTOR_TYPES: tuple[str, ...] = ("Person", "Organization", "Country")
INTERACTION_TYPES: tuple[str, ...] = ("PhoneCall", "VideoConference", "Summit", "Meeting", "Talks")
STATUSES: tuple[str, ...] = ("held", "planned", "proposed", "cancelled")
# Most specific first: when reports of one event disagree on the type, the earliest here wins.
TYPE_SPECIFICITY: tuple[str, ...] = ("VideoConference", "PhoneCall", "Summit", "Meeting", "Talks")
_COMPATIBLE = {frozenset({"Summit", "Meeting"}), frozenset({"Summit", "VideoConference"})}


def compatible_types(a: str, b: str) -> bool:
    """Can reports of these two types be of one event? Talks (channel unsaid) go with anything;
    a summit is a meeting of leaders, in person or by video."""
    return a == b or "Talks" in (a, b) or frozenset({a, b}) in _COMPATIBLE


@dataclass(frozen=True)
class Sentence:
    """A sentence as a half-open character span [start, end) of its block's text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Block:
    """One unit of article body: a paragraph, heading, caption, quote or list item.

    `text` is normalised for analysis, one character for one (full-width
    letters and digits to ASCII, one middle dot, simplified characters);
    `original` is the text as the article wrote it, kept for display and
    provenance. A sentence's offsets are valid in both.
    """

    kind: BlockKind
    text: str
    original: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class ArticleMeta:
    """What later stages keep of an article: its identity and metadata, not its text.

    `published` is None for an undated article: the file gave no date anywhere (its
    facts then carry only the dates the text writes out in full).
    """

    id: str
    source_file: str
    outlet: str
    title: str
    published: datetime | None
    url: str | None
    language: Language
    format: str = "generic"
    published_precision: Precision = "day"


@dataclass(frozen=True)
class Article(ArticleMeta):
    """A parsed news article: its metadata plus the body as ordered blocks."""

    blocks: tuple[Block, ...] = ()

    @property
    def meta(self) -> ArticleMeta:
        """The metadata alone, which is what later stages keep."""
        return ArticleMeta(**{f.name: getattr(self, f.name) for f in fields(ArticleMeta)})

    def sentences(self):
        """Yield (block_index, sentence_index, block, sentence) in reading order."""
        for bi, block in enumerate(self.blocks):
            for si, sent in enumerate(block.sentences):
                yield bi, si, block, sent


@dataclass(frozen=True)
class Skipped:
    """A file that did not become an article, and why (shown to the user as `file: reason`)."""

    source_file: str
    reason: str


@dataclass(frozen=True)
class DateValue:
    """A calendar date with the precision the text gives (a month is stored as its first day)."""

    value: date
    precision: Precision = "day"
    end: date | None = None  # last day of a range (1月9日至10日); the value is its first day
    weekday: int | None = None  # 周六 in an article known to the month only: some Saturday of that month

    def iso(self) -> str:
        """`2022-02-24`, `2022-02` or `2022` depending on precision."""
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: article, block, sentence, its span in the block, and its text."""

    article_id: str
    block: int
    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """An actor named (or referred to) in a sentence, resolved to an actor key."""

    actor: str
    surface: str
    type: ActorType
    evidence: Evidence
    start: int = 0
    end: int = 0
    role: str | None = None
    latin: str | None = None
    kind: str = "name"  # name | discovered | metonym | office | abbreviation


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
    """Who said what, to whom, about what, as one article reports it.

    `kind` is the speech act from the speech-verb lexicon (say, warn, demand,
    deny, announce ...), which the ontology maps to CAMEO/PLOVER codes.
    """

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
    """What the lexicon (or discovery in the text) knows about an actor."""

    key: str
    type: ActorType
    label_zh: str
    label_en: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = None
    role: str | None = None
    wikidata: str | None = None


@dataclass(frozen=True)
class TopicInfo:
    """A topic statements can be about, as the topic lexicon names it."""

    key: str
    label_zh: str
    label_en: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extraction found in one article.

    `mentioned` are the actors the article mentions *as actors*: every name
    found, except news media that neither speak nor are spoken to (据路透社报道
    only relays). `actors` describes every key used anywhere in the record.
    """

    article: ArticleMeta
    mentions: tuple[Mention, ...] = ()
    interactions: tuple[Interaction, ...] = ()
    statements: tuple[Statement, ...] = ()
    actors: tuple[ActorInfo, ...] = ()
    mentioned: tuple[str, ...] = ()
    topics: tuple[TopicInfo, ...] = ()
