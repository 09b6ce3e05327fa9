"""Writing outputs so that an interrupted run never leaves a half-written file."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


@contextmanager
def atomic_write(path: Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Write to a temporary file beside `path`, then rename it over `path` (only if the block succeeds)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=encoding if "b" not in mode else None) as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
