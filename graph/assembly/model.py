"""The resolved knowledge graph: one node per real actor and per real event.

These frozen records are what `graph/` hands to RDF serialisation, networkx
export and visualisation. Keys and ids are stable: the same corpus always
gives the same ids, whatever the order of its files.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from diplograph.ingest.records import ActorType, ArticleMeta, DateValue, Evidence, InteractionType, Status


@dataclass(frozen=True)
class ActorNode:
    """One real actor, whatever names the articles use for it.

    `key` is a slug (`joe-biden`) for lexicon actors and `zh-<name>` for
    actors discovered in the text; `articles` are the ids of the articles
    that mention it as an actor.
    """

    key: str
    type: ActorType
    label_zh: str
    label_en: str | None
    aliases: tuple[str, ...]
    articles: tuple[str, ...]
    country: str | None = None
    role: str | None = None
    wikidata: str | None = None


@dataclass(frozen=True)
class Report:
    """One article's account of an interaction, with its own type, status, date and place."""

    article_id: str
    type: InteractionType
    status: Status
    evidence: Evidence
    date: DateValue | None = None
    place: str | None = None

    def order(self) -> tuple:
        """A total order of reports (article, place in it, then every other field): the one RDF reads back."""
        ev = self.evidence
        return (self.article_id, ev.block, ev.sentence, ev.start, ev.end, ev.text, self.type, self.status,
                self.date.value if self.date else date.min, self.date.precision if self.date else "", self.place or "")


@dataclass(frozen=True)
class InteractionNode:
    """One real interaction, merged over every article that reports it.

    `status`, `date` and `place` are what the reports together establish
    (a planned meeting later reported held is held).
    """

    id: str
    type: InteractionType
    participants: tuple[str, ...]
    status: Status
    reports: tuple[Report, ...]
    date: DateValue | None = None
    place: str | None = None


@dataclass(frozen=True)
class StatementNode:
    """One statement: speaker, addressee, content, topics, date and source sentence."""

    id: str
    article_id: str
    speaker: str
    evidence: Evidence
    addressee: str | None = None
    quote: str | None = None
    topics: tuple[str, ...] = ()
    date: DateValue | None = None
    kind: str = "say"
    verb: str = ""


@dataclass(frozen=True)
class TopicNode:
    """A topic statements are about (`sanctions`, `nato-expansion` ...)."""

    key: str
    label_zh: str
    label_en: str | None = None


@dataclass(frozen=True)
class KnowledgeGraph:
    """The whole graph: articles, actors, interactions, statements and topics, each sorted by id."""

    articles: tuple[ArticleMeta, ...]
    actors: tuple[ActorNode, ...]
    interactions: tuple[InteractionNode, ...]
    statements: tuple[StatementNode, ...]
    topics: tuple[TopicNode, ...] = ()

    def actor(self, key: str) -> ActorNode | None:
        """The actor with `key`, or None."""
        return next((a for a in self.actors if a.key == key), None)

    def article(self, article_id: str) -> ArticleMeta | None:
        """The article with `article_id`, or None."""
        return next((a for a in self.articles if a.id == article_id), None)
