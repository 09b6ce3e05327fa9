"""Writing outputs so that an interrupted run never leaves a half-written file."""
from __future__ import annotations

import os
from pathlib import Path

from diplograph.graph.files import atomic_write  # noqa: F401 (the CLI's outputs are written through it)


def ensure_dir(path: Path) -> Path:
    """Create the output folder, or fail with a message a user understands."""
    import click

    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise click.ClickException(f"cannot create output folder {path}: {err.strerror or err}") from None
    if not os.access(path, os.W_OK):
        raise click.ClickException(f"output folder {path} is not writable")
    return path
