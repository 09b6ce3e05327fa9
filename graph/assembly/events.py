"""One node per real interaction: merge the reports of many articles (and of one article).

Two reports are of the same event when they have the same participants, a
compatible type (talks of unspecified channel go with anything; a summit is
a meeting of leaders, held in person or by video) and compatible dates
(within a day; or one undated, published within a few weeks of the other's
date, and not before it if the undated one reports it held; an undated plan or
proposal joins no event another article reports held, since nothing says it is
that one). A merged event keeps every report; its status is what the reports
together establish (a planned meeting later reported held is held; an article
published before the event's day cannot see it held), and its
participants are the set every report names, never more. An undated report of an
undated article (one with no publication date) joins only events of its own article.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from diplograph.graph.assembly.model import InteractionNode, Report
from diplograph.ingest.records import TYPE_SPECIFICITY as SPECIFICITY
from diplograph.ingest.records import DateValue
from diplograph.ingest.records import compatible_types as compatible

DATE_WINDOW = 1  # days between two dated reports of one event
UNDATED_BEFORE = 45  # an undated report may describe an event this many days before its article…
UNDATED_AFTER = 60  # …or (planned) this many days after it
HELD_AFTER = 1  # …but one it reports held, no later than the day after it (time zones)
SAME_DAY_ARTICLES = 3  # undated reports of articles published this close together are one event


@dataclass(frozen=True)
class Pending:
    """A report waiting to be merged, with what merging needs to know."""

    participants: frozenset[str]
    report: Report
    published: date | None  # None: the article is undated
    month_only: bool = False  # the article's publication date is known to the month only


def merge_events(pending: list[Pending]) -> list[InteractionNode]:
    """The events the reports describe, each with all its reports."""
    by_parties: dict[frozenset[str], list[Pending]] = defaultdict(list)
    for p in pending:
        by_parties[p.participants].append(p)
    nodes = []
    for parties, items in sorted(by_parties.items(), key=lambda kv: sorted(kv[0])):
        for cluster in _clusters(items):
            nodes.append(_node(parties, cluster))
    ids = [n.id for n in nodes]
    assert len(ids) == len(set(ids)), "two events got one id"  # a day-dated key is unique per cluster
    return sorted(nodes, key=lambda n: n.id)


def _day(p: Pending) -> date | None:
    d = p.report.date
    return d.value if d is not None and d.precision == "day" else None


class _Cluster:
    """Reports taken to be of one event, with what merging asks of them kept at hand."""

    def __init__(self, first: Pending) -> None:
        self.items: list[Pending] = []
        self.types: set[str] = set()
        self.days: set[date] = set()
        self.months: set[tuple[int, int]] = set()  # of reports dated to the month only
        self.articles: set[str] = set()
        self.first_day: date | None = _day(first)
        self.last_published = first.published
        self.add(first)

    def add(self, p: Pending) -> None:
        self.items.append(p)
        self.types.add(p.report.type)
        self.articles.add(p.report.article_id)
        if (day := _day(p)) is not None:
            self.days.add(day)
        if (month := _month(p)) is not None:
            self.months.add(month)
        if p.published is not None:
            self.last_published = max(self.last_published or p.published, p.published)

    def takes(self, kind: str) -> bool:
        return all(compatible(t, kind) for t in self.types)


def _clusters(items: list[Pending]) -> list[list[Pending]]:
    dated = sorted((p for p in items if _day(p)), key=lambda p: (_day(p), p.report.article_id))
    undated = sorted((p for p in items if not _day(p)), key=lambda p: (p.published or date.min, p.report.article_id))
    clusters: list[_Cluster] = []
    for p in dated:
        home = next((c for c in clusters if _fits_dated(c, p)), None)
        if home is None:
            clusters.append(_Cluster(p))
        else:
            home.add(p)
    loose: list[_Cluster] = []
    for p in undated:
        home = _best_dated(clusters, p) or next((c for c in loose if _fits_undated(c, p)), None)
        if home is None:
            loose.append(_Cluster(p))
        else:
            home.add(p)
    return [c.items for c in clusters + loose]


def _fits_dated(cluster: _Cluster, p: Pending) -> bool:
    day = _day(p)
    return cluster.takes(p.report.type) and any(abs((d - day).days) <= DATE_WINDOW for d in cluster.days)


def _month_ok(cluster: _Cluster, p: Pending, slack: int = 0) -> bool:
    """Does a report's rough date (a month, a year, a weekday) agree with the event's day, give or take `slack`
    months (本月 written on the 1st of January of a call on the 30th of December)?"""
    d = p.report.date
    if d is None or d.precision == "day":
        return True
    day = cluster.first_day
    if d.weekday is not None and day.weekday() != d.weekday:
        return False
    if d.precision == "month":
        return abs((day.year * 12 + day.month) - (d.value.year * 12 + d.value.month)) <= slack
    return day.year == d.value.year


def _best_dated(clusters: list[_Cluster], p: Pending) -> _Cluster | None:
    """The dated event an undated report most likely describes: same article first, then the nearest in time."""
    fits = []
    intended = p.report.status in ("planned", "proposed") and p.report.date is None
    for c in clusters:
        same_article = p.report.article_id in c.articles
        if not c.takes(p.report.type) or not _month_ok(c, p, slack=1 if same_article else 0):
            continue  # 上一次通话是3月 is not this week's call, even in the article that reports both
        if intended and not same_article and any(q.report.status == "held" for q in c.items):
            continue  # a plan with no date of its own is not the held event of another article
        if p.published is None:  # an undated article's report: no time to measure from but its own article's
            fits.extend([(False, 0, c)] if same_article else [])
            continue
        day = c.first_day
        gap = (p.published - day).days
        if p.month_only and not same_article:
            # published "some day in February": the event is that month's, or of the weeks before it
            month_end = date(p.published.year + p.published.month // 12, p.published.month % 12 + 1, 1)
            if not (p.published - timedelta(days=UNDATED_BEFORE) <= day < month_end):
                continue
            fits.append((True, -len(c.items), c))  # no day to measure from: the event most reported that month
            continue
        after = HELD_AFTER if p.report.status == "held" else UNDATED_AFTER  # what was held is not yet to come
        if same_article or -after <= gap <= UNDATED_BEFORE:
            fits.append((not same_article, abs(gap), c))
    return min(fits, key=lambda f: (f[0], f[1]))[2] if fits else None


def _fits_undated(cluster: _Cluster, p: Pending) -> bool:
    """Undated reports come in order of publication, so the cluster's latest article is the nearest; two reports that
    give the event a month (今年10月…可能举行会晤) are of one event if it is the same month, whenever they were written,
    and of two if it is not."""
    if not cluster.takes(p.report.type):
        return False
    if p.report.article_id in cluster.articles:
        return True
    if (month := _month(p)) is not None and cluster.months:
        return month in cluster.months  # both say a month: the same month, or another event
    return p.published is not None and cluster.last_published is not None \
        and (p.published - cluster.last_published).days <= SAME_DAY_ARTICLES


def _month(p: Pending) -> tuple[int, int] | None:
    d = p.report.date
    return (d.value.year, d.value.month) if d is not None and d.precision == "month" and d.weekday is None else None


def _node(parties: frozenset[str], cluster: list[Pending]) -> InteractionNode:
    reports = tuple(sorted((p.report for p in cluster), key=Report.order))
    kind = min((r.type for r in reports), key=SPECIFICITY.index)
    when = _date(reports)
    status = _status(cluster, when)
    places = Counter(r.place for r in reports if r.place)
    place = max(places, key=lambda k: (places[k], k)) if places else None
    first = reports[0]
    anchor = when.iso() if when is not None and when.precision == "day" else \
        f"{first.article_id}:{first.evidence.block}:{first.evidence.sentence}:{first.evidence.start}"
    ident = hashlib.sha1("|".join([*sorted(parties), kind, anchor]).encode("utf-8")).hexdigest()[:16]
    return InteractionNode(ident, kind, tuple(sorted(parties)), status, reports, when, place)


def _date(reports: tuple[Report, ...]) -> DateValue | None:
    days = Counter(r.date.value for r in reports if r.date is not None and r.date.precision == "day")
    if days:
        point = {r.date.value for r in reports if r.date is not None and r.date.end is None}
        best = max(days, key=lambda d: (days[d], d in point, -d.toordinal()))  # a point date over a range's start
        return DateValue(best)
    rough = [r.date for r in reports if r.date is not None]
    return rough[0] if rough else None


def _status(cluster: list[Pending], when: DateValue | None) -> str:
    """Held if any report could see it held (one published before the event's day cannot); else what the latest
    report says."""
    day = when.value if when is not None and when.precision == "day" else None
    if any(p.report.status == "held" and (day is None or p.published is None or p.published >= day) for p in cluster):
        return "held"
    latest = max(cluster, key=lambda p: (p.published or date.min, p.report.article_id))
    return latest.report.status
