"""What graph.html should show, computed in Python from the KnowledgeGraph alone (not from the page script).

The browser tests compare the page against this: which facts a date window and the filters let
through, the links (one per pair of actors and kind of relation), and the counts the page prints.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from diplograph.graph.assembly.model import KnowledgeGraph
from diplograph.graph.export.network import INTERACTION_EDGE, WARNING_KINDS

EPOCH = date(1970, 1, 1)


def day(iso: str) -> int:
    return (date.fromisoformat(iso) - EPOCH).days


def own_span(iso: str) -> tuple[int, int] | None:
    """First and last day of an ISO date of day, month or year precision."""
    if not iso:
        return None
    if len(iso) == 10:
        return day(iso), day(iso)
    if len(iso) == 7:
        y, m = int(iso[:4]), int(iso[5:])
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return day(iso + "-01"), (nxt - EPOCH).days - 1
    return day(iso + "-01-01"), day(iso + "-12-31")


@dataclass(frozen=True)
class Fact:
    id: str
    relation: str                    # call, meeting, …, statement, warning
    actors: tuple[str, ...]          # actor ids: participants, or speaker (and addressee)
    pairs: tuple[tuple[str, str], ...]  # sorted actor-id pairs this fact links
    status: str                      # "" for statements
    own: tuple[int, int] | None      # its own date's days
    reported: int | None             # publication day of its first report
    outlets: frozenset[str]
    reports: int
    speaker: str = ""

    def span(self, undated: bool = True) -> tuple[int, int] | None:
        """Where the page puts it on the time axis: its own date, else (if asked) its report's date."""
        if self.own:
            return self.own
        return (self.reported, self.reported) if undated and self.reported is not None else None


def facts(kg: KnowledgeGraph) -> list[Fact]:
    published = {a.id: (a.published.date() - EPOCH).days for a in kg.articles if a.published is not None}  # not undated
    outlet = {a.id: a.outlet for a in kg.articles}
    out = []
    for i in kg.interactions:
        parts = tuple(f"actor:{p}" for p in dict.fromkeys(i.participants))
        days = [published[r.article_id] for r in i.reports if r.article_id in published]
        out.append(Fact(f"interaction:{i.id}", INTERACTION_EDGE[i.type], parts,
                        tuple(tuple(sorted(p)) for p in combinations(parts, 2)), i.status,
                        own_span(i.date.iso() if i.date else ""), min(days) if days else None,
                        frozenset(outlet[r.article_id] for r in i.reports if r.article_id in outlet), len(i.reports)))
    for s in kg.statements:
        speaker = f"actor:{s.speaker}"
        to = f"actor:{s.addressee}" if s.addressee and s.addressee != s.speaker else ""
        out.append(Fact(f"statement:{s.id}", "warning" if s.kind in WARNING_KINDS else "statement",
                        (speaker, to) if to else (speaker,), (tuple(sorted((speaker, to))),) if to else (), "",
                        own_span(s.date.iso() if s.date else ""), published.get(s.article_id),
                        frozenset([outlet[s.article_id]]) if s.article_id in outlet else frozenset(), 1, speaker))
    return out


def is_far(fact: Fact, bounds: dict) -> bool:
    """Dated (or, undated, reported) outside the default axis' bounds [lo, hi] the page was given."""
    span = fact.own or ((fact.reported, fact.reported) if fact.reported is not None else None)
    return bool(span) and (span[1] < bounds["lo"] or span[0] > bounds["hi"])


def in_window(fact: Fact, lo: int, hi: int, bounds: dict, undated: bool = True, far: bool = False) -> bool:
    if is_far(fact, bounds) and not far:
        return False
    span = fact.span(undated)
    return span is not None and span[1] >= lo and span[0] <= hi


def links(passing: list[Fact]) -> dict[tuple[str, str, str], set[str]]:
    """One link per (actor, actor, relation) with the ids of its facts."""
    out: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for f in passing:
        for a, b in f.pairs:
            out[(a, b, f.relation)].add(f.id)
    return dict(out)


def weights(passing: list[Fact]) -> Counter:
    """Per actor, how many of the passing facts link it to someone."""
    w: Counter = Counter()
    for f in passing:
        for a in {x for pair in f.pairs for x in pair}:
            w[a] += 1
    return w
