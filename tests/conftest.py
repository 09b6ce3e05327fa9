"""Fixtures shared by every test: where the shared corpus is, and the seed graph."""
from __future__ import annotations

import pytest

from support.paths import BULK, CORPUS, DEV, GOLD, ROOT, SHARED, need_shared  # noqa: F401 (re-exported)


@pytest.fixture(scope="session")
def seed_graph():
    """The knowledge graph of the five seeds (interim: from the gold file)."""
    from support.gold_graph import gold_graph

    return gold_graph(need_shared(GOLD / "seeds.json"))
