"""Writing outputs so that an interrupted run never leaves a half-written file."""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from diplograph.graph.files import atomic_write, remove_leftovers  # noqa: F401 (the CLI writes through it)


def require_graph_file(path: Path) -> Path:
    """`path`, or a usage error (exit 2) when there is no such file."""
    from diplograph.cli.exitcodes import NotFound

    if not Path(path).is_file():
        raise NotFound(f"{path}: no such graph file (build one with `diplograph build`)")
    return path


@contextmanager
def output_folder(path: Path, report):
    """The output folder, created if need be (or a one-line error); if this run created it and wrote no output
    into it (`report.outputs` empty: nothing to build, or an error before any output), it is removed again."""
    created = not path.exists()
    ensure_dir(path)
    remove_leftovers(path)  # of a build killed while writing
    try:
        yield created
    finally:
        if created and not report.outputs:
            shutil.rmtree(path, ignore_errors=True)


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
