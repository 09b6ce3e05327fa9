"""A build: the article files under some paths to the files of an output folder, or "up to date" at once."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from diplograph.ingest.limits import Limits
from diplograph.pipeline.cache import CacheError, stored
from diplograph.pipeline.cluster import SchedulerError
from diplograph.pipeline.formats import chosen
from diplograph.pipeline.outputs import (Bars, BuildError, load_writers, no_bars, output_folder, push, write_outputs,
                                         write_skipped)
from diplograph.pipeline.run import Plan, Report, build_graph, default_jobs, list_files
from diplograph.pipeline.uptodate import build_stamp, folders_fingerprint, previous, remember
from diplograph.pipeline.work import Input, read_inputs


@dataclass(frozen=True)
class BuildOptions:
    """What to build and how: the options of `diplograph build`, one field each."""

    paths: tuple[str, ...]
    out: Path = Path("out")
    lexicons: tuple[Path, ...] = ()  # folders of extra lexicon files
    formats: tuple[str, ...] = ()  # RDF outputs besides graph.ttl (with a store: the only RDF files written)
    limits: Limits = Limits()
    jobs: int | None = None  # None: all cores
    scheduler: str | None = None  # "local" or a Dask scheduler address
    cache: bool = True
    cache_dir: Path | None = None  # None: OUT/.cache
    store: str | None = None  # a Graph Store Protocol URL to push to instead of writing graph.ttl
    skips: tuple[str, ...] = ()  # outputs left out ("html", "gexf")
    stats: Path | None = None  # where to write the run's numbers as JSON

    def plan(self) -> Plan:
        return Plan(jobs=self.jobs or default_jobs(), scheduler=self.scheduler,
                    cache_dir=(self.cache_dir or self.out / ".cache") if self.cache else None)


@dataclass
class Built:
    """What a build did: its report (outputs included) and the size of its graph."""

    report: Report
    graph: tuple[int, int, int] = (0, 0, 0)  # actors, interactions, statements
    up_to_date: bool = False  # nothing changed since the last build: its outputs stand
    created: bool = False  # the output folder did not exist before this build


def build(options: BuildOptions, files: list[tuple[Path, str]] | None = None, bars: Bars = no_bars) -> Built:
    """Build the graph of `options.paths` into `options.out` (`files`: those paths' files, when already listed).

    A build with no article writes nothing (`report.articles` is 0); a failure is one `BuildError` line.
    """
    started = time.perf_counter()
    files = files if files is not None else list_files(options.paths)  # the tree, listed once
    plan = options.plan()
    report = Report()
    with output_folder(options.out, report) as created:  # a folder this run made and wrote nothing into is removed again
        stamp = inputs = None
        if plan.cache_dir is not None:
            with report.stage("cache"):
                known = stored(plan.cache_dir)  # what the cache has: those files' bytes are not kept for extraction
                # each file read and hashed once, for the stamp and the cache
                inputs = read_inputs(files, options.limits, wanted=lambda source, key: (source, key) not in known)
                known.clear()
                stamp = _stamp(inputs, options)
            record = previous(plan.cache_dir, options.out, stamp)
            if record is not None:
                return _up_to_date(record, report, started, options.stats)
        from diplograph.ingest.lexicon import LexiconError

        with report.stage("setup"):
            lexicon = _lexicon(options)  # loaded once, and only when there is something to build
        try:
            with bars("reading", len(files)) as bar:
                reading = _then(bar, lambda: load_writers(options.skips))
                kg = build_graph(options.paths, report, reading, limits=options.limits, plan=plan, files=files,
                                 lexicon=lexicon, inputs=inputs)
        except (LexiconError, SchedulerError, CacheError) as err:
            raise BuildError(str(err)) from None
        if report.articles == 0:  # keep the outputs of the last good build, skipped.tsv included
            return Built(report, created=created)
        _write(kg, options, plan, report, bars)
    report.elapsed = time.perf_counter() - started
    if options.stats is not None:
        write_stats(report, options.stats)
    graph = (len(kg.actors), len(kg.interactions), len(kg.statements))
    if stamp is not None:
        remember(plan.cache_dir, options.out, stamp, report.outputs, {
            "files": report.files, "articles": report.articles, "undated": report.undated,
            "skipped": [[item.source_file, item.reason] for item in report.skipped], "graph": list(graph)})
    return Built(report, graph, created=created)


def _write(kg, options: BuildOptions, plan: Plan, report: Report, bars: Bars) -> None:
    """skipped.tsv, the store push and the output files; a failure is one BuildError line."""
    from diplograph.pipeline.stages import StageBroken, StageWriteError, cannot_write

    try:
        write_skipped(report, options.out)
        if options.store is not None:
            push(kg, options.store, report, bars)
        outputs = chosen(options.formats, options.skips, store=options.store is not None)
        write_outputs(kg, options.out, report, outputs, options.skips, plan.jobs, bars, plan.cache_dir)
    except (StageWriteError, StageBroken) as err:
        raise BuildError(str(err)) from None
    except OSError as err:
        raise BuildError(cannot_write(err)) from None


def _lexicon(options: BuildOptions):
    """The lexicon of this build (the bundled files and `--lexicon` folders); a bad file is a BuildError."""
    from diplograph.ingest.lexicon import LexiconError
    from diplograph.pipeline.run import load

    try:
        return load(options.lexicons)
    except LexiconError as err:
        raise BuildError(str(err)) from None


def _stamp(inputs: list[Input], options: BuildOptions) -> str:
    """What this build depends on (see pipeline/uptodate.py). The lexicon enters as its files (the bundled ones are
    part of the package fingerprint, the --lexicon folders are digested here), so the check does not load it."""
    from diplograph.pipeline.cache import settings_fingerprint

    return build_stamp([(item.source, item.stamp()) for item in inputs],
                       settings_fingerprint(folders_fingerprint(options.lexicons), options.limits),
                       {"formats": sorted(options.formats), "skips": sorted(options.skips), "store": options.store,
                        "out": str(options.out.resolve())})


def _up_to_date(record: dict, report: Report, started: float, stats: Path | None) -> Built:
    """The last build's summary and outputs, as this build's: nothing changed since."""
    from diplograph.ingest.records import Skipped

    last = record["summary"]
    report.files, report.articles, report.undated = last["files"], last["articles"], last.get("undated", 0)
    report.skipped = [Skipped(source, reason) for source, reason in last["skipped"]]
    report.cached = last["files"]
    report.elapsed = time.perf_counter() - started
    if stats is not None:
        write_stats(report, stats)
    report.outputs = {name: Path(path) for name, (path, _) in record["outputs"].items()}
    return Built(report, tuple(last["graph"]), up_to_date=True)


def write_stats(report: Report, path: Path) -> None:
    """The run's numbers as JSON."""
    import json

    from diplograph.util.files import atomic_write

    report.note_peak("end")
    data = {"files": report.files, "articles": report.articles, "undated": report.undated, "skipped": len(report.skipped),
            "elapsed": report.elapsed, "workers": report.workers, "cached": report.cached,
            "extracted": report.extracted, "stages": report.stages, "peak_rss_mb": report.peaks}
    with atomic_write(path) as handle:
        json.dump(data, handle, indent=2)


def _then(progress, after_first):
    """`progress` that calls `after_first()` once the first file is done (while the workers go on)."""
    def wrapped(items):
        walk = iter(progress(items))
        for item in walk:
            yield item
            break
        after_first()
        yield from walk
    return wrapped
