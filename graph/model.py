"""The resolved knowledge graph: one node per real actor and per real event.

These frozen records are what `graph/` hands to RDF serialisation, networkx
export and visualisation.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from diplograph.ingest.records import ActorType, DateValue, Evidence, InteractionType, Status


@dataclass(frozen=True)
class ArticleRef:
    """The metadata of a source article (its text stays in the ingest stage)."""

    id: str
    source_file: str
    title: str
    published: datetime
    url: str | None
    outlet: str
    language: str = "zh-Hans"


@dataclass(frozen=True)
class ActorNode:
    """One real actor, whatever names the articles use for it."""

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
    """One article's account of an interaction, with its own status and date."""

    article_id: str
    status: Status
    evidence: Evidence
    date: DateValue | None = None
    place: str | None = None


@dataclass(frozen=True)
class InteractionNode:
    """One real interaction, merged over every article that reports it."""

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
    speaker: str
    evidence: Evidence
    addressee: str | None = None
    quote: str | None = None
    topics: tuple[str, ...] = ()
    date: DateValue | None = None
    kind: str = "say"
    verb: str = ""


@dataclass(frozen=True)
class KnowledgeGraph:
    """The whole graph: articles, actors, interactions and statements."""

    articles: tuple[ArticleRef, ...]
    actors: tuple[ActorNode, ...]
    interactions: tuple[InteractionNode, ...]
    statements: tuple[StatementNode, ...]
