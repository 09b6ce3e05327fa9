"""Fixtures shared by every test: where the shared corpus is, and the seed graph."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from support.paths import BULK, CORPUS, DEV, GOLD, ROOT, SHARED, need_shared  # noqa: F401 (re-exported)


def pytest_configure(config):
    """Hypothesis keeps its files (.hypothesis/) in the temporary folder, not in the checkout."""
    try:
        from hypothesis.configuration import set_hypothesis_home_dir
    except ImportError:
        return
    set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "diplograph-hypothesis")


@pytest.fixture(scope="session")
def seed_graph(built_seeds):
    """The knowledge graph of the five seeds, as the pipeline builds it from corpus/."""
    return built_seeds


@pytest.fixture(scope="session")
def extractor():
    """One extractor (lexicon + jieba) for the whole test run: building it takes about a second."""
    from diplograph.pipeline import make_extractor

    return make_extractor()


@pytest.fixture(scope="session")
def built_seeds(extractor):
    """The knowledge graph the pipeline builds from the bundled corpus."""
    from diplograph.pipeline import build_graph

    return build_graph([CORPUS], extractor=extractor)
