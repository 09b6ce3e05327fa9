"""Extraction against every gold file, pooled: the floors it must keep, and issue 17's targets for dev-e.

The floors are what the rules measured when they were last changed (less a
hundredth for noise): a change that lowers any gold file below them fails.
The targets are what issue 17 asks of dev-e; those not yet met are marked
`xfail(strict=True)` with the figure measured, so a change that meets one
fails until the mark is taken off and the target becomes a floor.
"""
import json

import pytest

from conftest import CORPUS, DEV, GOLD, SHARED, need_shared
from diplograph.graph.assembly.evaluation import evaluate, pooled

DEV2 = SHARED / "corpus" / "dev2"
SOURCES = {"seeds.json": CORPUS, "dev-c.json": DEV, "dev-d.json": DEV, "dev-e.json": DEV2}
ACCURACIES = {"addressee": "statement addressee", "status": "interaction status", "type": "interaction type"}

# Measured at the commit that set them (make evaluate), less 0.01.
FLOORS = {
    "seeds.json": {"persons": 0.99, "organizations": 0.95, "countries": 0.95, "interactions": 0.96, "statements": 0.98,
                   "addressee": 0.95, "status": 0.95, "type": 0.99},
    "dev-c.json": {"persons": 0.99, "organizations": 0.89, "countries": 0.89, "interactions": 0.80, "statements": 0.92,
                   "addressee": 0.82, "status": 0.99, "type": 0.89},
    "dev-d.json": {"persons": 0.99, "organizations": 0.84, "countries": 0.85, "interactions": 0.79, "statements": 0.93,
                   "addressee": 0.92, "status": 0.91, "type": 0.91},
    "dev-e.json": {"persons": 0.91, "organizations": 0.77, "countries": 0.90, "interactions": 0.62, "statements": 0.85,
                   "addressee": 0.84, "status": 0.91, "type": 0.90},
    "pooled": {"persons": 0.94, "organizations": 0.80, "countries": 0.90, "interactions": 0.72, "statements": 0.89,
               "addressee": 0.86, "status": 0.93, "type": 0.92},
}
TARGETS = {"persons": 0.95, "organizations": 0.85, "countries": 0.92, "interactions": 0.80, "statements": 0.85,
           "addressee": 0.85, "status": 0.90, "type": 0.90}
UNMET = {"persons": 0.927, "organizations": 0.782, "countries": 0.915, "interactions": 0.631}  # dev-e as measured when these marks were last set


@pytest.fixture(scope="module")
def results(extractor):
    from diplograph.pipeline import build_graph

    graphs, out = {}, {}
    for name, folder in SOURCES.items():
        gold = json.loads(need_shared(GOLD / name).read_text("utf-8"))
        if folder not in graphs:
            graphs[folder] = build_graph([need_shared(folder)], extractor=extractor)
        out[name] = evaluate(graphs[folder], gold)
    out["pooled"] = pooled(out.values())
    return out


def measure(result, key: str) -> float:
    return result.accuracies[ACCURACIES[key]].value if key in ACCURACIES else result.scores[key].f1


@pytest.mark.parametrize("gold", list(FLOORS))
def test_no_gold_file_falls_below_its_floor(results, gold):
    low = {k: round(measure(results[gold], k), 3) for k, floor in FLOORS[gold].items()
           if measure(results[gold], k) < floor}
    assert not low, f"{gold} below its floor: {low}"


@pytest.mark.parametrize("key", list(TARGETS))
def test_issue_17_targets_on_dev_e(results, key, request):
    if key in UNMET:
        request.applymarker(pytest.mark.xfail(strict=True, reason=f"target {TARGETS[key]} not met: {UNMET[key]}"))
    assert measure(results["dev-e.json"], key) >= TARGETS[key]


def test_every_seed_cluster_is_one_node(results):
    assert results["seeds.json"].clusters and all(ok for _, ok in results["seeds.json"].clusters)
