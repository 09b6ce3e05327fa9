"""The scorer itself: full marks for the gold's own facts, and exactly the loss of what is taken away."""
import json
from dataclasses import replace

import pytest

from conftest import GOLD, need_shared
from diplograph.graph.assembly.evaluation import canonical, evaluate
from support.gold_graph import gold_graph


@pytest.fixture(scope="module")
def gold():
    return json.loads(need_shared(GOLD / "seeds.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def perfect(gold):
    return gold_graph(GOLD / "seeds.json")


def test_the_gold_scores_full_marks(gold, perfect):
    result = evaluate(perfect, gold)
    assert all(s.f1 == 1.0 for s in result.scores.values())
    assert all(a.value == 1.0 for a in result.accuracies.values())
    assert all(ok for _, ok in result.clusters) and not result.misses and not result.false_positives


def test_a_missing_statement_costs_exactly_one(gold, perfect):
    required = {s["evidence"] for a in gold["articles"] for s in a["statements"] if s.get("required", True)}
    dropped = next(s for s in perfect.statements if s.evidence.text in required)
    result = evaluate(replace(perfect, statements=tuple(s for s in perfect.statements if s is not dropped)), gold)
    score = result.scores["statements"]
    assert (score.fn, score.fp) == (1, 0) and len(result.misses) == 1


def test_a_wrong_speaker_is_a_miss_and_a_false_positive(gold, perfect):
    required = {s["evidence"] for a in gold["articles"] for s in a["statements"] if s.get("required", True)}
    victim = next(s for s in perfect.statements if s.evidence.text in required and s.speaker != "joe-biden")
    changed = tuple(replace(s, speaker="joe-biden") if s is victim else s for s in perfect.statements)
    score = evaluate(replace(perfect, statements=changed), gold).scores["statements"]
    assert (score.fn, score.fp) == (1, 1)


def test_names_compare_without_dots_spaces_case_or_script():
    assert canonical("乔‧拜登") == canonical("乔·拜登") == canonical("乔・拜登") == "乔拜登"
    assert canonical("Joe  Biden") == canonical("joe biden")
    assert canonical("澤倫斯基") == canonical("泽伦斯基")


def test_actor_misses_and_false_positives_read_as_words(gold, perfect):
    """`country ?belarus`, not `countrie ?belarus`; ? marks a key the gold file does not list."""
    without = replace(perfect, actors=tuple(a for a in perfect.actors if a.key != "austria"))
    result = evaluate(without, gold)
    assert [m.split(": ", 1)[1] for m in result.misses] == ["country austria"]
