"""The extraction quality bars on the five seeds, and the dev gold scores (reported, no bar)."""
import json

import pytest

from conftest import DEV, GOLD, need_shared
from diplograph.graph.assembly.evaluation import evaluate

BARS = {"persons": 0.95, "organizations": 0.85, "countries": 0.90, "interactions": 0.85, "statements": 0.85}


@pytest.fixture(scope="module")
def seed_scores(built_seeds):
    return evaluate(built_seeds, json.loads(need_shared(GOLD / "seeds.json").read_text("utf-8")))


@pytest.mark.parametrize("category", BARS)
def test_f1_bar(seed_scores, category):
    assert seed_scores.scores[category].f1 >= BARS[category]


def test_accuracy_bars(seed_scores):
    assert seed_scores.accuracies["statement addressee"].value >= 0.80
    assert seed_scores.accuracies["interaction status"].value >= 0.85


def test_every_same_event_cluster_is_one_node(seed_scores):
    assert seed_scores.clusters and all(ok for _, ok in seed_scores.clusters)


@pytest.fixture(scope="module")
def dev_graph(extractor):
    from diplograph.pipeline import Report, build_graph

    report = Report()
    return build_graph([need_shared(DEV)], report, extractor=extractor), report


def test_the_dev_corpus_builds_without_a_crash(dev_graph):
    kg, report = dev_graph
    assert report.articles + len(report.skipped) == 222
    assert len(kg.interactions) > 100 and len(kg.statements) > 1000


@pytest.mark.parametrize("name", ["dev-c.json", "dev-d.json"])
def test_dev_gold_scores_are_reported(dev_graph, name, record_property):
    result = evaluate(dev_graph[0], json.loads(need_shared(GOLD / name).read_text("utf-8")))
    assert not result.missing_articles
    for category, s in result.scores.items():
        record_property(f"{name}:{category}:f1", round(s.f1, 3))
    assert result.scores["persons"].f1 > 0.5  # a sanity floor: the lexicon reaches articles nobody tuned it on
