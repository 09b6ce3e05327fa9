"""Progress bars on stderr for the subcommands, and the -q option that turns them off.

Bars only show on a terminal; piped or with -q, the wrapped work runs the same, silently.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

import click

from diplograph.util.progress import no_progress


def quiet_option(f):
    return click.option("-q", "--quiet", is_flag=True, help="No progress bars (errors and results still print).")(f)


@contextmanager
def progress(quiet: bool, label: str, length: int | None = None):
    """A function that wraps an iterable in a progress bar on stderr (or passes it through when quiet)."""
    if quiet or not sys.stderr.isatty():
        yield no_progress
        return
    running = []

    def wrap(items: Iterable):
        def bar_over():
            with click.progressbar(items, length=length, label=label, file=sys.stderr,
                                   show_pos=True, show_eta=True) as bar:
                yield from bar
        running.append(walk := bar_over())
        return walk

    try:
        yield wrap
    finally:  # a loop that stopped early (an error) still ends its bar's line before the error prints
        for walk in running:
            walk.close()


@contextmanager
def byte_progress(quiet: bool, label: str, total: int):
    """An `on_read(n)` that moves a progress bar of `total` bytes on stderr; None when quiet or not a terminal."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr, show_eta=True) as bar:
        yield bar.update


@contextmanager
def file_progress(quiet: bool, path: Path):
    """`on_read` for reading the file at `path`: a bar of its bytes (None when quiet, or when it is missing or empty)."""
    size = path.stat().st_size if path.is_file() else 0
    with byte_progress(quiet or not size, f"reading {path.name}", size) as on_read:
        yield on_read


@contextmanager
def store_progress(quiet: bool, graph_path: Path, engine: str = "oxigraph"):
    """`on_read` for opening `graph_path` with `engine`: a bar only when the Oxigraph store must be (re)loaded."""
    from diplograph.graph.sparql.query import choose_engine, store_is_current

    if not graph_path.is_file() or choose_engine(graph_path, engine) != "oxigraph" or store_is_current(graph_path):
        yield None
        return
    if os.access(graph_path.parent, os.W_OK):
        label = f"loading {graph_path.name} into its Oxigraph store (once; then compacting)"
    else:  # the engine falls back to a store in memory, loaded on every run
        label = f"loading {graph_path.name} into Oxigraph in memory (its folder is read-only)"
    with byte_progress(quiet, label, graph_path.stat().st_size) as on_read:
        yield on_read
