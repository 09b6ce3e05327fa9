"""The page's data tables hold every fact with its provenance; seed positions are kept between builds."""
from __future__ import annotations

import json
import math
from datetime import date, timedelta

import pytest

from diplograph.viz.page_data import build_page_data, day_range, time_span
from diplograph.viz.positions import actor_pairs, actor_positions, seed_positions
from support.synthetic import synthetic_graph


@pytest.fixture(scope="module")
def data(seed_graph):
    return build_page_data(seed_graph, actor_positions(seed_graph))


def _rows(table: dict) -> list[dict]:
    return [dict(zip(table, values)) for values in zip(*table.values())]


def test_every_interaction_and_statement_is_there_with_its_sentences(data, seed_graph):
    actors, articles = data["actors"]["id"], data["articles"]["id"]
    rows = {r["id"]: r for r in _rows(data["interactions"])}
    for item in seed_graph.interactions:
        row = rows[f"interaction:{item.id}"]
        assert [actors[p] for p in row["parts"]] == [f"actor:{p}" for p in dict.fromkeys(item.participants)]
        assert [r[5] for r in row["reports"]] == [r.evidence.text for r in item.reports]
        assert [articles[r[0]] for r in row["reports"]] == [f"article:{r.article_id}" for r in item.reports]
        assert row["date"] == (item.date.iso() if item.date else "")
    rows = {r["id"]: r for r in _rows(data["statements"])}
    for item in seed_graph.statements:
        row = rows[f"statement:{item.id}"]
        assert row["evidence"] == item.evidence.text
        quote = row["quote"]
        assert (row["evidence"][quote[0]:quote[1]] if isinstance(quote, list) else quote) == (item.quote or "")
        assert actors[row["speaker"]] == f"actor:{item.speaker}"
        assert (actors[row["addressee"]] if row["addressee"] >= 0 else None) == (f"actor:{item.addressee}" if item.addressee else None)
        assert articles[row["article"]] == f"article:{item.article_id}"


def test_actors_carry_their_names_and_lavrov_is_searchable_in_english(data, seed_graph):
    rows = {r["id"]: r for r in _rows(data["actors"])}
    lavrov = next(a for a in seed_graph.actors if "拉夫罗夫" in a.label_zh or "拉夫罗夫" in a.aliases)
    row = rows[f"actor:{lavrov.key}"]
    assert row["label"] == lavrov.label_zh and row["en"] == (lavrov.label_en or "")
    assert set(row["aliases"]) == set(lavrov.aliases)
    assert len(rows) == len(seed_graph.actors)


def test_news_outlets_are_marked_by_their_role(data):
    rows = {r["id"]: r for r in _rows(data["actors"])}
    media = {k for k, r in rows.items() if r["media"]}
    assert media and all(rows[k]["type"] == "Organization" for k in media)
    assert not any(rows[k]["media"] for k in ("actor:joe-biden", "actor:russia") if k in rows)


def test_the_default_axis_spans_the_corpus_and_a_year_around_it():
    start = date(2022, 1, 1)
    days = [(start + timedelta(days=i) - date(1970, 1, 1)).days for i in range(200)] + [(date(2001, 9, 11) - date(1970, 1, 1)).days]
    span = time_span(days)
    assert span["first"] == days[1]  # one misdated article in 201 does not stretch the span
    assert span["lo"] == span["first"] - 366 and span["hi"] == span["last"] + 366
    assert time_span([]) == {}


@pytest.mark.parametrize("iso, span", [
    ("2022-02-24", ("2022-02-24", "2022-02-24")), ("2022-02", ("2022-02-01", "2022-02-28")),
    ("2022", ("2022-01-01", "2022-12-31")), ("", None), ("not a date", None),
])
def test_day_range(iso, span):
    got = day_range(iso)
    if span is None:
        assert got is None
    else:
        epoch = date(1970, 1, 1)
        assert tuple((epoch + timedelta(days=d)).isoformat() for d in got) == span


def test_seed_positions_are_finite_and_spread(data):
    xs = [x for x in data["actors"]["x"] if x is not None]
    ys = [y for y in data["actors"]["y"] if y is not None]
    assert xs and all(math.isfinite(v) for v in xs + ys)
    assert len(set(zip(xs, ys))) == len(xs)  # no two actors on one spot


def test_a_rebuild_keeps_every_known_actor_where_it_was(tmp_path):
    """Ten new articles' worth of pairs: the cached actors do not move, the new ones land beside their counterparts."""
    kg = synthetic_graph(articles=150, actors=300, interactions=500, statements=800)
    pairs = actor_pairs(kg)
    cache = tmp_path / "layout.json"
    first = actor_positions(kg, cache)
    assert set(json.loads(cache.read_text("utf-8"))["positions"]) == set(first)
    grown = pairs.copy()
    grown[("actor:actor-0001", "actor:newcomer-1")] += 3
    grown[("actor:actor-0002", "actor:newcomer-1")] += 1
    grown[("actor:newcomer-1", "actor:newcomer-2")] += 1
    cached = {n: (round(x, 6), round(y, 6)) for n, (x, y) in first.items()}
    second = seed_positions(grown, cached)
    assert all(second[n] == pytest.approx(cached[n], abs=1e-6) for n in cached)
    new = second["actor:newcomer-1"]
    others = sorted(math.dist(new, xy) for xy in cached.values())
    assert math.dist(new, cached["actor:actor-0001"]) < others[len(others) // 2]  # nearer its counterpart than most
    assert all(math.isfinite(v) for v in second["actor:newcomer-2"])


def test_a_different_corpus_or_a_broken_cache_lays_out_afresh(tmp_path):
    kg = synthetic_graph(articles=60, actors=80, interactions=120, statements=150)
    cache = tmp_path / "layout.json"
    cache.write_text("{not json", "utf-8")
    fresh = actor_positions(kg, cache)
    assert fresh == actor_positions(kg)  # the broken cache was ignored (and replaced)
    cache.write_text(json.dumps({"version": 1, "positions": {"actor:someone-else": [0.5, 0.5]}}), "utf-8")
    assert actor_positions(kg, cache) == fresh  # knows too few of the actors: laid out afresh, the same way
