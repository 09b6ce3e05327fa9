"""The page's data: compact column tables of actors, articles, topics, interactions and statements.

The page script builds every view from these tables in the browser (one link
per pair and kind of relation, neighbourhoods, paths, the facts graph), for
the current date window and filters, so no view is embedded whole and every
count follows the filters. Tables are column-oriented (`actors["label"][i]`):
each field name is written once, not once per row. Actors, articles and
topics are referred to by their row number.
"""
from __future__ import annotations

import calendar
import gc
from contextlib import contextmanager
from datetime import date
from importlib import resources

from diplograph.graph.assembly.model import KnowledgeGraph
from diplograph.graph.export.network import INTERACTION_EDGE, WARNING_KINDS, actor_id

from .escape import safe_url
from .style import EDGE_STYLE, INTERACTION_LABEL, NODE_STYLE, STATUS_STYLE

EPOCH = date(1970, 1, 1).toordinal()
STATUSES = tuple(STATUS_STYLE)
INTERACTION_TYPES = tuple(INTERACTION_LABEL)
MARGIN_DAYS = 366  # how far outside the corpus' publication span a date may lie and still be on the default axis
CORE = 0.01  # the publication span is taken between these quantiles, so one misdated article does not stretch it


def day_range(iso: str) -> tuple[int, int] | None:
    """Days since 1970-01-01 of the first and last day an ISO date (`2022-02-24`, `2022-02`, `2022`) covers."""
    if not iso:
        return None
    try:
        parts = [int(p) for p in iso.split("-")]
        if len(parts) == 3:
            first = last = date(*parts)
        elif len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            last = date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        else:
            first, last = date(parts[0], 1, 1), date(parts[0], 12, 31)
    except (ValueError, TypeError):
        return None
    return first.toordinal() - EPOCH, last.toordinal() - EPOCH


def media_roles() -> tuple[str, ...]:
    """Words that make an organisation's role a news outlet's (assets/media_roles.txt: one a line)."""
    text = resources.files("diplograph.viz").joinpath("assets", "media_roles.txt").read_text("utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def time_span(published_days: list[int]) -> dict:
    """The corpus' publication span (between the 1st and 99th percentile) and the bounds of the default time axis.

    A fact dated outside [lo, hi] (a 1950 anniversary, a 2030 target) is "far": the page
    flags it and keeps it off the default axis.
    """
    if not published_days:
        return {}
    days = sorted(published_days)
    first = days[int(CORE * (len(days) - 1))]
    last = days[int(round((1 - CORE) * (len(days) - 1)))]
    return {"first": first, "last": last, "lo": first - MARGIN_DAYS, "hi": last + MARGIN_DAYS}


def _iso(value) -> str:
    return value.iso() if value is not None else ""


def _span(value) -> tuple[int | None, int | None]:
    got = day_range(_iso(value))
    return got if got else (None, None)


def _quote(quote: str | None, evidence: str):
    """The quote as [start, end] in the sentence when it is part of it (most are: half the bytes), else the text."""
    if not quote:
        return ""
    at = evidence.find(quote)
    return [at, at + len(quote)] if at >= 0 else quote


def _actors(kg: KnowledgeGraph, article_row: dict[str, int], positions: dict, media: tuple[str, ...]) -> tuple[dict, dict]:
    """The actor table, with a bare row for any actor an interaction or statement names but kg.actors lacks."""
    keys = [a.key for a in kg.actors]
    known = set(keys)
    for key in [p for i in kg.interactions for p in i.participants] + \
            [k for s in kg.statements for k in (s.speaker, s.addressee) if k]:
        if key not in known:
            known.add(key)
            keys.append(key)
    row = {key: i for i, key in enumerate(keys)}
    by_key = {a.key: a for a in kg.actors}
    table: dict[str, list] = {c: [] for c in ("id", "label", "en", "type", "role", "country", "aliases", "wikidata",
                                               "mentions", "media", "x", "y")}
    for key in keys:
        a = by_key.get(key)
        node = actor_id(key)
        x, y = positions.get(node, (None, None))
        table["id"].append(node)
        table["label"].append(a.label_zh if a else key)
        table["en"].append((a.label_en or "") if a else "")
        table["type"].append(a.type if a else "Organization")
        table["role"].append((a.role or "") if a else "")
        table["country"].append(row.get(a.country, -1) if a and a.country else -1)
        table["aliases"].append(list(a.aliases) if a else [])
        table["wikidata"].append((a.wikidata or "") if a else "")
        table["mentions"].append([article_row[m] for m in a.articles if m in article_row] if a else [])
        table["media"].append(int(bool(a and a.type == "Organization" and a.role and any(w in a.role for w in media))))
        table["x"].append(None if x is None else round(x, 4))
        table["y"].append(None if y is None else round(y, 4))
    return table, row


def _articles(kg: KnowledgeGraph) -> tuple[dict, list[str]]:
    """The article table and the outlets, most articles first."""
    count: dict[str, int] = {}
    for art in kg.articles:
        count[art.outlet] = count.get(art.outlet, 0) + 1
    outlets = sorted(count, key=lambda o: (-count[o], o))
    outlet_row = {o: i for i, o in enumerate(outlets)}
    table: dict[str, list] = {"id": [], "title": [], "outlet": [], "day": [], "url": [], "file": []}
    for art in kg.articles:
        table["id"].append(f"article:{art.id}")
        table["title"].append(art.title)
        table["outlet"].append(outlet_row[art.outlet])
        table["day"].append(art.published.date().toordinal() - EPOCH if art.published else None)  # None: undated
        table["url"].append(safe_url(art.url))
        table["file"].append(art.source_file)
    return table, outlets


def _interactions(kg: KnowledgeGraph, actor_row: dict[str, int], article_row: dict[str, int]) -> dict:
    table: dict[str, list] = {c: [] for c in ("id", "type", "parts", "status", "date", "d0", "d1", "place", "reports")}
    for item in kg.interactions:
        d0, d1 = _span(item.date)
        table["id"].append(f"interaction:{item.id}")
        table["type"].append(INTERACTION_TYPES.index(item.type))
        table["parts"].append([actor_row[p] for p in dict.fromkeys(item.participants)])
        table["status"].append(STATUSES.index(item.status))
        table["date"].append(_iso(item.date))
        table["d0"].append(d0)
        table["d1"].append(d1)
        table["place"].append(item.place or "")
        # Each report: [article row, type, status, date, place, sentence]; a report of an unknown article is kept, row -1.
        table["reports"].append([[article_row.get(r.article_id, -1), INTERACTION_TYPES.index(r.type),
                                  STATUSES.index(r.status), _iso(r.date), r.place or "", r.evidence.text]
                                 for r in item.reports])
    return table


def _statements(kg: KnowledgeGraph, actor_row: dict[str, int], article_row: dict[str, int],
                topic_row: dict[str, int]) -> tuple[dict, list[str]]:
    kinds = sorted({s.kind for s in kg.statements})
    table: dict[str, list] = {c: [] for c in ("id", "kind", "verb", "speaker", "addressee", "article", "date", "d0",
                                               "d1", "topics", "quote", "evidence")}
    for item in kg.statements:
        d0, d1 = _span(item.date)
        table["id"].append(f"statement:{item.id}")
        table["kind"].append(kinds.index(item.kind))
        table["verb"].append(item.verb)
        table["speaker"].append(actor_row[item.speaker])
        table["addressee"].append(actor_row[item.addressee] if item.addressee else -1)
        table["article"].append(article_row.get(item.article_id, -1))
        table["date"].append(_iso(item.date))
        table["d0"].append(d0)
        table["d1"].append(d1)
        table["topics"].append([topic_row[t] for t in item.topics if t in topic_row])
        table["quote"].append(_quote(item.quote, item.evidence.text))
        table["evidence"].append(item.evidence.text)
    return table, kinds


def _vocabulary(kinds: list[str]) -> dict:
    """Names, labels and looks the tables' numbers stand for (trusted constants, from style.py)."""
    return {
        "types": {k: v for k, v in NODE_STYLE.items() if k in ("Person", "Organization", "Country")},
        "nodes": NODE_STYLE,
        "relations": EDGE_STYLE,
        "statuses": [{"key": k, **STATUS_STYLE[k]} for k in STATUSES],
        "interactions": [{"key": k, "label": INTERACTION_LABEL[k], "relation": INTERACTION_EDGE[k]}
                         for k in INTERACTION_TYPES],
        "statements": [{"key": k, "relation": "warning" if k in WARNING_KINDS else "statement"} for k in kinds],
    }


@contextmanager
def _no_collection():
    """The cyclic garbage collector paused: the tables are a few hundred thousand small lists without cycles,
    and each collection would walk the whole graph in memory too (the page data took twice as long)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def build_page_data(kg: KnowledgeGraph, positions: dict[str, tuple[float, float]] | None = None) -> dict:
    """Everything the page needs, with the actors' seed `positions` (by actor id, from positions.py)."""
    with _no_collection():
        return _page_data(kg, positions or {})


def _page_data(kg: KnowledgeGraph, positions: dict[str, tuple[float, float]]) -> dict:
    articles, outlets = _articles(kg)
    article_row = {a.id: i for i, a in enumerate(kg.articles)}
    topic_row = {t.key: i for i, t in enumerate(kg.topics)}
    actors, actor_row = _actors(kg, article_row, positions, media_roles())
    statements, kinds = _statements(kg, actor_row, article_row, topic_row)
    return {
        "counts": {"articles": len(kg.articles), "actors": len(kg.actors), "interactions": len(kg.interactions),
                   "statements": len(kg.statements)},
        "span": time_span([day for day in articles["day"] if day is not None]),
        "vocab": _vocabulary(kinds),
        "outlets": outlets,
        "actors": actors,
        "articles": articles,
        "topics": {"id": [f"topic:{t.key}" for t in kg.topics], "label": [t.label_zh for t in kg.topics],
                   "en": [t.label_en or "" for t in kg.topics]},
        "interactions": _interactions(kg, actor_row, article_row),
        "statements": statements,
    }
