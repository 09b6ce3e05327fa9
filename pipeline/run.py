"""The pipeline: files → articles → extractions → knowledge graph → output files.

Each stage is a function of the previous stage's records; this module only
chains them, times them and collects what was skipped. It knows nothing of
the command line: the CLI passes options in and prints the `Report`.

Reading and extraction are per file and independent, so `build_graph` can
run them in this process, in a pool of worker processes (`jobs`), or on a
Dask cluster (`scheduler`), and can skip files whose extraction is in the
incremental cache (`cache_dir`). However they are computed, the extractions
reach the `Assembler` in file order, so every way gives the same graph.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from diplograph.util.progress import Progress, no_progress
from diplograph.ingest.limits import Limits

if TYPE_CHECKING:  # imported where used: a build that is up to date never assembles a graph
    from diplograph.graph.assembly.model import KnowledgeGraph
    from diplograph.ingest.records import Article, Skipped
    from diplograph.pipeline.work import Input, Outcome

@dataclass
class Report:
    """What a run did: counts, what was skipped and why, and the time of each stage."""

    files: int = 0
    articles: int = 0
    undated: int = 0  # articles kept without a publication date (none found in the file)
    skipped: list[Skipped] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)
    outputs: dict[str, Path] = field(default_factory=dict)
    elapsed: float | None = None  # wall-clock seconds of the whole run, when the caller measured it
    workers: int = 1  # processes that shared reading and extraction (their stage times are summed)
    cached: int = 0  # files whose extraction came from the cache
    extracted: int = 0  # files read and extracted in this run
    peaks: dict[str, float] = field(default_factory=dict)  # peak RSS in MB: of this process, of one worker, at a stage's end

    @contextmanager
    def stage(self, name: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - start

    def note_peak(self, when: str) -> None:
        """Record the peak RSS so far of this process and of its largest finished worker (Unix only)."""
        try:
            import resource
        except ImportError:
            return
        self.peaks[f"{when}: this process"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.peaks[f"{when}: largest worker"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    def add_times(self, times) -> None:
        for name, seconds in times:
            self.stages[name] = self.stages.get(name, 0.0) + seconds

    @property
    def seconds(self) -> float:
        """The run's wall-clock time where measured, else the sum of its stages."""
        return self.elapsed if self.elapsed is not None else sum(self.stages.values())


def list_files(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Every article file under `paths` (FileNotFoundError names a missing one)."""
    from diplograph.ingest.corpus import find_files

    return list(find_files(paths))


def read_articles(files: list[tuple[Path, str]], report: Report, progress: Progress = no_progress,
                  limits: Limits = Limits()) -> Iterator[Article]:
    """Articles of `files`, in order; skipped files and duplicates (same URL or content) go to the report."""
    from diplograph.ingest.records import Skipped
    from diplograph.pipeline.work import read_one, unread_inputs

    seen: dict[str, str] = {}
    report.files += len(files)
    for item in progress(unread_inputs(files)):
        with report.stage("ingest"):
            result = read_one(item.path, item.source, limits, item.fallback)
        if isinstance(result, Skipped):
            report.skipped.append(result)
            continue
        if result.id in seen:
            report.skipped.append(Skipped(item.source, f"duplicate of {seen[result.id]} (same source URL or text)"))
            continue
        seen[result.id] = item.source
        report.articles += 1
        report.undated += result.published is None
        yield result


def make_extractor(lexicon_dirs: Iterable[Path] = (), lexicon=None):
    """The extractor of this process: the lexicon and a jieba tokenizer that knows it (under half a second)."""
    from diplograph.pipeline.work import build_extractor

    return build_extractor(lexicon if lexicon is not None else load(lexicon_dirs))


def load(lexicon_dirs: Iterable[Path] = ()):
    """The lexicon of a run (bundled files extended by `lexicon_dirs`)."""
    from diplograph.ingest.lexicon import load_lexicon

    return load_lexicon(lexicon_dirs)


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Plan:
    """How a build computes its extractions."""

    jobs: int = 1  # worker processes (1: in this process)
    scheduler: str | None = None  # "local" (a Dask LocalCluster of `jobs` workers) or a Dask scheduler address
    cache_dir: Path | None = None  # folder of the incremental cache; None: no cache
    window: int = 0  # Dask tasks in flight at once (0: four per worker thread)


def outcomes(files: list[tuple[Path, str]], plan: Plan, lexicon, limits: Limits, report: Report,
             extractor=None, inputs: list[Input] | None = None) -> Iterator[Outcome]:
    """What became of each file, in file order: from the cache, this process, a pool or Dask.

    `inputs`: the files as the build already read them (`work.read_inputs`), so that with a cache each file is
    read and hashed once, for the up-to-date stamp and the cache look-up alike; read here when not given.
    """
    from diplograph.pipeline.work import Outcome, read_inputs, unread_inputs

    cache = _open_cache(plan.cache_dir, lexicon, limits)
    try:
        if cache is None:
            inputs = inputs if inputs is not None else unread_inputs(files)
            hits: list[str | None] = [None] * len(inputs)  # per file: the content key of a cache hit, else None
            keep: set[tuple[str, str]] = set()
        else:
            with report.stage("cache"):
                if inputs is None:
                    inputs = read_inputs(files, limits, wanted=lambda source, key: not cache.has(source, key))
                hits, keep = _look_up(inputs, cache)
        todo = [item for item, key in zip(inputs, hits) if key is None and item.skipped is None]
        computed = _compute(todo, plan, lexicon, limits, report, extractor, encode=cache is not None)
        for item, key in zip(inputs, hits):
            if key is not None:
                with report.stage("cache"):
                    record = cache.get(item.source, key)
                report.cached += 1
                yield Outcome(item.source, key, record)
                continue
            out = Outcome(item.source, None, item.skipped) if item.skipped is not None else next(computed)
            report.extracted += 1
            report.add_times(out.times)
            if cache is not None and out.content is not None:
                with report.stage("cache"):
                    cache.put(item.source, out.content, out.record, out.blob)
                keep.add((item.source, out.content))
            yield out
        if cache is not None:
            with report.stage("cache"):
                cache.keep_only(keep)
    finally:
        if cache is not None:
            cache.close()


def _open_cache(folder: Path | None, lexicon, limits: Limits):
    if folder is None:
        return None
    from diplograph.pipeline.cache import FILE, Cache, settings_fingerprint

    return Cache(Path(folder) / FILE, settings_fingerprint(lexicon.fingerprint, limits))


def _look_up(inputs: list[Input], cache):
    """Per file, the content key of its cache entry (or None); the entries still in use. A hit's bytes are let go."""
    hits: list[str | None] = []
    keep: set[tuple[str, str]] = set()
    for item in inputs:
        if item.key is not None and cache.has(item.source, item.key):
            hits.append(item.key)
            keep.add((item.source, item.key))
            item.data = None
        else:
            hits.append(None)
    return hits, keep


def _compute(todo: list[Input], plan: Plan, lexicon, limits: Limits, report: Report, extractor=None,
             encode: bool = False) -> Iterator[Outcome]:
    """The outcomes of the files in `todo`, in order, computed the way `plan` says."""
    if not todo:
        return
    if plan.scheduler is not None:
        yield from _on_dask(todo, plan, lexicon, limits, report, encode)
    elif plan.jobs > 1 and len(todo) > 1:
        yield from _in_pool(todo, min(plan.jobs, len(todo)), lexicon, limits, report, encode)
    else:
        from diplograph.pipeline.work import process

        if extractor is None:
            with report.stage("setup"):
                extractor = make_extractor(lexicon=lexicon)
        for path, source, data, key, fallback in _handed_over(todo):
            yield process(extractor, source, data, limits, path, key=key, fallback=fallback)


def _handed_over(todo: list[Input]) -> Iterator[tuple[Path, str, bytes | None, str | None, date | None]]:
    """Each file's path, source name, bytes (None: to be read where it is extracted), content key and manifest
    date, in order; the build lets go of the bytes as it hands them on."""
    for item in todo:
        data, item.data = item.data, None
        yield item.path, item.source, data, item.key, item.fallback


def _in_pool(todo, jobs: int, lexicon, limits: Limits, report: Report, encode: bool) -> Iterator[Outcome]:
    """Worker processes, each with its own extractor; results come back in order (`imap`)."""
    import multiprocessing

    from diplograph.pipeline.work import pool_init, pool_task

    context = multiprocessing.get_context(_start_method())
    report.workers = jobs
    chunk = max(1, min(16, len(todo) // (jobs * 32)))  # small enough that no worker idles long at the end
    with context.Pool(jobs, initializer=pool_init, initargs=(lexicon, limits, encode)) as pool:
        yield from pool.imap(pool_task, ((str(path), *rest) for path, *rest in _handed_over(todo)), chunksize=chunk)


def _start_method() -> str:
    """fork where it is safe (no other threads: the CLI), as workers then need no imports; else forkserver or spawn."""
    import multiprocessing
    import threading

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _on_dask(todo, plan: Plan, lexicon, limits: Limits, report: Report, encode: bool) -> Iterator[Outcome]:
    """Tasks on a Dask cluster, a bounded number in flight; results handed on in file order."""
    from diplograph.pipeline.cluster import client_for, ordered_results
    from diplograph.pipeline.work import dask_task, read_path

    with client_for(plan.scheduler, plan.jobs) as client:
        report.workers = max(1, sum(client.nthreads().values()))
        window = plan.window or 4 * report.workers
        held = client.scatter(lexicon, broadcast=True)

        def submit(item):
            path, source, data, key, fallback = item
            if data is None:
                data, skipped = read_path(path, source, limits)
                if skipped is not None:
                    from diplograph.pipeline.work import Outcome

                    return Outcome(source, None, skipped)
                key = None  # read again here: the worker hashes what it is sent
            return client.submit(dask_task, held, source, data, limits, encode, key, fallback, pure=False)

        yield from ordered_results(_handed_over(todo), submit, window)


def build_graph(paths: Iterable[str | Path], report: Report | None = None, progress: Progress = no_progress,
                lexicon_dirs: Iterable[Path] = (), extractor=None, limits: Limits = Limits(),
                plan: Plan = Plan(), files: list[tuple[Path, str]] | None = None, lexicon=None,
                inputs: list[Input] | None = None) -> KnowledgeGraph:
    """Files to knowledge graph: read, extract, resolve identities and merge events.

    A caller that has already listed `paths` (`files`), loaded the lexicon (`lexicon`) or read the files
    (`inputs`, from `work.read_inputs`) passes them, so that none of it is done twice.
    """
    from diplograph.graph.assembly.assemble import Assembler
    from diplograph.ingest.records import Skipped

    report = report if report is not None else Report()
    files = files if files is not None else list_files(paths)
    report.files += len(files)
    if lexicon is None:
        with report.stage("setup"):
            lexicon = extractor.lexicon if extractor is not None else load(lexicon_dirs)
    assembler = Assembler()
    seen: dict[str, str] = {}
    for out in progress(outcomes(files, plan, lexicon, limits, report, extractor, inputs)):
        record = out.record
        if isinstance(record, Skipped):
            report.skipped.append(record)
            continue
        article_id = record.article.id
        if article_id in seen:
            report.skipped.append(Skipped(out.source, f"duplicate of {seen[article_id]} (same source URL or text)"))
            continue
        seen[article_id] = out.source
        report.articles += 1
        report.undated += record.article.published is None
        with report.stage("assembly"):
            assembler.add(record)
    report.note_peak("extraction")
    with report.stage("identity/merge"):
        return assembler.graph()
