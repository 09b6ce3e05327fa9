"""Where the tests find the bundled corpus and the shared corpus and gold files."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
SHARED = Path(os.environ.get("DIPLOGRAPH_SHARED", ROOT.parent / "shared"))
DEV = SHARED / "corpus" / "dev"
BULK = SHARED / "corpus" / "bulk"
GOLD = SHARED / "gold"


def need_shared(path: Path = SHARED) -> Path:
    """Skip the calling test, with the reason, when the shared corpus or gold is absent."""
    if not path.exists():
        pytest.skip(f"needs {path} (the shared corpus and gold files beside the checkout); not found")
    return path
