"""Fixtures shared by every test: where the shared corpus is, and the seed graph."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = Path(os.environ.get("DIPLOGRAPH_SHARED", ROOT.parent / "shared"))
DEV = SHARED / "corpus" / "dev"
GOLD = SHARED / "gold"


def need_shared(path: Path = SHARED) -> Path:
    """Skip the calling test, with the reason, when the shared corpus or gold is absent."""
    if not path.exists():
        pytest.skip(f"needs {path} (the shared corpus and gold files beside the checkout); not found")
    return path


@pytest.fixture(scope="session")
def seed_graph():
    """The knowledge graph of the five seeds (interim: from the gold file)."""
    from support.gold_graph import gold_graph

    return gold_graph(need_shared(GOLD / "seeds.json"))
