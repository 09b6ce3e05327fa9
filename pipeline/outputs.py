"""A build's output files: the output folder, skipped.tsv, the store push and the output stages side by side."""
from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from diplograph.util.files import atomic_write, remove_leftovers
from diplograph.util.progress import Progress, no_progress
from diplograph.pipeline.run import Report

if TYPE_CHECKING:
    from diplograph.pipeline.formats import Output, Sources

# label, length -> a context giving a `Progress` (the CLI's progress bars; `no_bars` draws none)
Bars = Callable[[str, "int | None"], AbstractContextManager[Progress]]

# Rough relative costs of the output stages (dev corpus, one process each: viz 2.5 s, rdf 1.5 s, export
# 0.9 s), so that with two cores the viz runs alone and the others share the second core.
STAGE_WEIGHTS = {"viz": 2.5, "rdf": 1.5, "export": 0.9}


class BuildError(Exception):
    """A build that cannot go on (a lexicon, scheduler, cache, store or output problem), said in one line."""


@contextmanager
def no_bars(label: str, length: int | None = None):
    """No progress bar."""
    yield no_progress


@contextmanager
def output_folder(path: Path, report: Report):
    """The output folder, created if need be (or a one-line BuildError); if this run created it and wrote no
    output into it (`report.outputs` empty: nothing to build, or an error before any output), it is removed again."""
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
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise BuildError(f"cannot create output folder {path}: {err.strerror or err}") from None
    if not os.access(path, os.W_OK):
        raise BuildError(f"output folder {path} is not writable")
    return path


def load_writers(skips) -> None:
    """Import the output stages now, while worker processes extract: after extraction both cores would wait.

    A module that cannot be imported (a broken install) is left to its stage, which reports it in one line.
    """
    try:
        from diplograph.graph.export import views  # noqa: F401
        from diplograph.graph.rdf import serialize  # noqa: F401
        from diplograph.pipeline import formats, stages  # noqa: F401

        if "html" not in skips:
            from diplograph.viz import preload

            preload()
    except ImportError:
        pass


def push(kg, store: str, report: Report, bars: Bars = no_bars) -> None:
    """Every article's named graph (and the shared default graph) to the store at `store`."""
    from diplograph.graph.rdf.store import StoreError, push_graph

    try:
        with report.stage("store"), bars("pushing", len(kg.articles) + 1) as bar:
            pushed = push_graph(kg, store, bar)
    except StoreError as err:
        raise BuildError(str(err)) from None
    report.outputs[f"store ({pushed} graphs)"] = store


def write_outputs(kg, out: Path, report: Report, outputs: Iterable[Output], skips=(), jobs: int = 1,
                  bars: Bars = no_bars, cache_dir: Path | None = None) -> None:
    """The files of `outputs` (from pipeline/formats.py), each written whole or not at all; their stages side by
    side when `jobs` > 1. With a `cache_dir`, graph.html keeps its actors' positions there (page-layout.json)."""
    from diplograph.pipeline.formats import Sources
    from diplograph.pipeline.stages import run_stages

    # Without the page, graph.ttl is the longest output stage (100x corpus: 216 s, the GEXF files 92 s),
    # so with more than one job it sorts and writes half of its triples in a second process.
    parts = 2 if jobs > 1 and "html" in skips else 1
    sources = Sources(kg, turtle_parts=parts, layout=cache_dir / "page-layout.json" if cache_dir is not None else None,
                      reuse=reuse_of(cache_dir, out))
    by_stage: dict[str, list[Output]] = {}
    for output in outputs:
        by_stage.setdefault(output.stage, []).append(output)
    stages = [(name, partial(_write_stage, members, sources, out)) for name, members in by_stage.items()]
    with bars("writing", len(stages)) as bar:
        run_stages(stages, jobs, report, bar, STAGE_WEIGHTS)


def reuse_of(cache_dir: Path | None, out: Path):
    """With a cache, where the graph.ttl written into `out` is indexed for the next build to reuse (one index per
    output folder), and the fingerprint of the code that writes it; None without a cache."""
    if cache_dir is None:
        return None
    from importlib.metadata import version

    from diplograph.pipeline.formats import Reuse
    from diplograph.pipeline.uptodate import folder_key, package_fingerprint

    return Reuse(Path(cache_dir) / f"graph-ttl-{folder_key(out)}.index",
                 f"{package_fingerprint()} pyoxigraph {version('pyoxigraph')}")


def _write_stage(outputs: list[Output], sources: Sources, out: Path) -> dict[str, Path]:
    written: dict[str, Path] = {}
    for output in outputs:
        written.update(output.write(sources, out))
    return written


def write_skipped(report: Report, out: Path) -> None:
    """`skipped.tsv`: every file that did not become an article, and why."""
    with atomic_write(out / "skipped.tsv") as handle:
        handle.write("source_file\treason\n")
        for item in report.skipped:
            handle.write(f"{item.source_file}\t{item.reason}\n")
    report.outputs["skipped"] = out / "skipped.tsv"
