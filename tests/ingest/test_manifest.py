"""A corpus manifest (`MANIFEST.tsv`: local_path, date_if_known) dates the articles whose text gives no date.

Most GNews pages carry no date; the shared corpus's manifests know when each file appeared. Without that date
an undated article's 周一 or 5月23日 resolves to nothing, and its events are dropped from every timeline.
"""
from __future__ import annotations

import shutil
from datetime import date, datetime

import pytest

from conftest import SHARED, need_shared
from diplograph.ingest.manifest import manifest_dates, read_manifest
from diplograph.pipeline import Plan, build_graph
from diplograph.pipeline.build import BuildOptions, build

DEV2 = SHARED / "corpus" / "dev2"
UNDATED = "gnews/gnews-2574524.md"  # a GNews page with no date in its text; dev2's manifest says 2022-05-22
DATED = "epochtimes/n12885495.md"  # an Epoch Times article dated 2021-04-17 in its text


def _manifest(folder, rows, header="local_path\trepo\tdate_if_known"):
    (folder / "MANIFEST.tsv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")


def test_the_nearest_manifest_dates_the_files_it_lists(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    _manifest(tmp_path, ["a/one.md\tr\t2022-05-22", "a/b/two.md\tr\t2021-01-03T08:00", "a/bad.md\tr\tsoon"])
    _manifest(tmp_path / "a" / "b", ["three.md\tr\t2020-02-02"])
    files = [tmp_path / "a" / "one.md", tmp_path / "a" / "bad.md", tmp_path / "a" / "b" / "two.md",
             tmp_path / "a" / "b" / "three.md", tmp_path / "a" / "four.md"]
    # two.md is under a/b, whose own manifest does not list it: the nearest manifest speaks for it
    assert manifest_dates(files) == [date(2022, 5, 22), None, None, date(2020, 2, 2), None]


def test_a_file_without_the_columns_is_not_a_manifest(tmp_path):
    _manifest(tmp_path, ["one.md\t2022-05-22"], header="path\tdate")
    assert read_manifest(tmp_path / "MANIFEST.tsv") == {}
    assert manifest_dates([tmp_path / "one.md"]) == [None]


def test_an_undated_article_takes_its_manifest_date_and_its_events_resolve():
    need_shared(DEV2)
    kg = build_graph([str(DEV2 / UNDATED)])
    assert [a.published for a in kg.articles] == [datetime(2022, 5, 22)]
    # 美国总统拜登将于5月22日至24日访问日本，于5月23日与岸田首相举行美日首脑会谈。
    summit = [(i.type, i.participants, i.date.iso() if i.date else None, i.status)
              for i in kg.interactions if set(i.participants) == {"fumio-kishida", "joe-biden"}]
    assert ("Summit", ("fumio-kishida", "joe-biden"), "2022-05-23", "planned") in summit


def test_the_date_in_the_text_wins_over_the_manifest(tmp_path):
    need_shared(DEV2)
    (tmp_path / "epochtimes").mkdir()
    shutil.copy(DEV2 / DATED, tmp_path / DATED)
    _manifest(tmp_path, [f"{DATED}\tr\t2030-01-01"])
    kg = build_graph([str(tmp_path)])
    assert [a.published.date() for a in kg.articles] == [date(2021, 4, 17)]


def test_a_changed_manifest_date_rebuilds_the_article(tmp_path):
    need_shared(DEV2)
    corpus = tmp_path / "corpus"
    (corpus / "gnews").mkdir(parents=True)
    shutil.copy(DEV2 / UNDATED, corpus / UNDATED)
    _manifest(corpus, [f"{UNDATED}\tr\t2022-05-22"])
    options = BuildOptions(paths=(str(corpus),), out=tmp_path / "out", jobs=1, formats=("ttl",))
    first = build(options)
    assert "2022-05-23" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert build(options).up_to_date
    _manifest(corpus, [f"{UNDATED}\tr\t2023-05-22"])  # the cached extraction was dated by the old date
    again = build(options)
    assert not again.up_to_date and again.report.extracted == 1 and first.report.extracted == 1
    assert "2023-05-23" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


@pytest.mark.parametrize("jobs", [1, 2])
def test_workers_date_articles_as_the_build_does(jobs):
    need_shared(DEV2)
    kg = build_graph([str(DEV2 / "gnews")], plan=Plan(jobs=jobs))
    assert all(a.published is not None for a in kg.articles)
