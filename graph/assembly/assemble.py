"""From per-article extractions to one knowledge graph: one node per actor, event and statement.

`Assembler` takes extractions one at a time and keeps only what the graph
needs (no article text, no mention lists), so a corpus of any size streams
through it; `graph()` resolves identities and merges events at the end.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from diplograph.graph.assembly.events import Pending, merge_events
from diplograph.graph.assembly.model import ActorNode, KnowledgeGraph, Report, StatementNode, TopicNode
from diplograph.ingest.records import ActorInfo, ArticleMeta, Extraction


@dataclass
class _Actor:
    info: ActorInfo
    aliases: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    roles: dict[str, int] = field(default_factory=dict)


class Assembler:
    """Collects extractions and builds the `KnowledgeGraph`."""

    def __init__(self) -> None:
        self._articles: dict[str, ArticleMeta] = {}
        self._actors: dict[str, _Actor] = {}
        self._pending: list[Pending] = []
        self._statements: list[StatementNode] = []
        self._topics: dict[str, TopicNode] = {}

    def add(self, extraction: Extraction) -> None:
        """Take in one article's facts."""
        art = extraction.article
        self._articles[art.id] = art
        for info in extraction.actors:
            self._actor(info)
        for key in extraction.mentioned:
            if key in self._actors:
                self._actors[key].articles.add(art.id)
        for item in extraction.interactions:
            report = Report(art.id, item.type, item.status, item.evidence, item.date, item.place)
            published = art.published.date() if art.published is not None else None  # None: undated article
            self._pending.append(Pending(frozenset(item.participants), report, published,
                                         art.published_precision != "day"))
        for st in extraction.statements:
            ev = st.evidence
            ident = _id(art.id, str(ev.block), str(ev.sentence), st.speaker)
            # topics sorted, as graph.ttl (a set of triples) gives them back: a graph read back is the one built
            self._statements.append(StatementNode(ident, art.id, st.speaker, ev, st.addressee, st.quote,
                                                  tuple(sorted(set(st.topics))), st.date, st.kind, st.verb))
        for topic in extraction.topics:
            self._topics.setdefault(topic.key, TopicNode(topic.key, topic.label_zh, topic.label_en))

    def _undated(self) -> set[str]:
        return {a.id for a in self._articles.values() if a.published is None}

    def _actor(self, info: ActorInfo) -> None:
        held = self._actors.get(info.key)
        if held is None:
            held = self._actors[info.key] = _Actor(info)
        held.aliases.update(info.aliases)
        if info.role:
            held.roles[info.role] = held.roles.get(info.role, 0) + 1

    def graph(self) -> KnowledgeGraph:
        """The knowledge graph of everything added so far."""
        actors = []
        for key in sorted(self._actors):
            a = self._actors[key]
            info = a.info
            role = max(a.roles, key=lambda r: (a.roles[r], r)) if a.roles else info.role
            aliases = tuple(sorted(a.aliases - {info.label_zh, info.label_en or ""}))
            actors.append(ActorNode(key, info.type, info.label_zh, info.label_en, aliases, tuple(sorted(a.articles)),
                                    info.country, role, info.wikidata))
        interactions = tuple(merge_events(self._pending))
        return KnowledgeGraph(
            articles=tuple(sorted(self._articles.values(), key=lambda a: a.id)),
            actors=tuple(actors),
            interactions=interactions,
            statements=tuple(sorted(_dated_by_events(self._statements, interactions, self._undated()),
                                    key=lambda s: s.id)),
            topics=tuple(self._topics[k] for k in sorted(self._topics)),
        )


def _dated_by_events(statements: list[StatementNode], interactions, undated: set[str]) -> list[StatementNode]:
    """拜登告诉普京 in an article about their summit, with no date of its own: said on the day of that summit.

    Not in an undated article: the one dated event there is history it recalls (图为2021年6月16日…), while
    the event it reports has no date to give."""
    events: dict[tuple[str, frozenset[str]], list] = {}
    for node in interactions:
        if node.date is not None and len(node.participants) == 2:
            for article_id in {r.article_id for r in node.reports}:
                events.setdefault((article_id, frozenset(node.participants)), []).append(node)
    out = []
    for st in statements:
        candidates = events.get((st.article_id, frozenset((st.speaker, st.addressee or ""))), [])
        if st.date is None and len(candidates) == 1 and st.article_id not in undated:
            st = replace(st, date=candidates[0].date)
        out.append(st)
    return out


def _id(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
