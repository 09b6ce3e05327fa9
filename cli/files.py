"""Files of the commands: outputs written whole (atomic_write), and a graph file that must exist."""
from __future__ import annotations

from pathlib import Path

from diplograph.util.files import atomic_write  # noqa: F401 (the CLI writes through it)


def require_graph_file(path: Path) -> Path:
    """`path`, or a usage error (exit 2) when there is no such file."""
    from diplograph.cli.exitcodes import NotFound

    if not Path(path).is_file():
        raise NotFound(f"{path}: no such graph file (build one with `diplograph build`)")
    return path
