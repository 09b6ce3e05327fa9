"""`diplograph build`: the main job, from article files to the graph files."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from diplograph.pipeline.cache import CacheError
from diplograph.pipeline.cluster import SchedulerError
from diplograph.cli.common import input_files, limit_options, limits_of, summary
from diplograph.cli.progress import progress, quiet_option
from diplograph.cli.exitcodes import NOTHING
from diplograph.cli.files import atomic_write, output_folder
from diplograph.pipeline import Plan, Report, build_graph, default_jobs
from diplograph.pipeline.stages import StageBroken, StageWriteError, cannot_write
from diplograph.pipeline.uptodate import build_stamp, previous, remember
from diplograph.ingest.lexicon import LexiconError

RDF_FORMATS = ("jsonld", "nt", "trig")


@click.command(short_help="Build the graph of a corpus: Turtle, browser page, GEXF.")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--out", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the outputs.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A folder of extra lexicon files (same names as ingest/lexicons/); repeatable.")
@click.option("-f", "--format", "formats", multiple=True, type=click.Choice(RDF_FORMATS),
              help="RDF formats besides Turtle (graph.jsonld, graph.nt, graph.trig with a named graph per article); repeatable.")
@limit_options
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes for reading and extraction (default: all cores); with --scheduler local, Dask workers.")
@click.option("--scheduler", default=None, metavar="local|tcp://HOST:PORT",
              help="Run extraction on Dask: 'local' starts a LocalCluster, an address joins a running scheduler.")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Reuse each unchanged file's extraction from the previous build (kept in --cache-dir).")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the incremental cache [default: OUT/.cache].")
@click.option("--store", default=None, metavar="URL",
              help="Push the graph to a SPARQL 1.1 Graph Store Protocol endpoint (one PUT per article graph) "
                   "instead of writing graph.ttl.")
@click.option("--skip", "skips", multiple=True, type=click.Choice(("html", "gexf")),
              help="Leave out graph.html or the GEXF files (graph.html is slow to lay out and to open past a "
                   "few thousand articles: see README, Scale); repeatable.")
@click.option("--stats", type=click.Path(dir_okay=False, path_type=Path), default=None, hidden=True,
              help="Write the run's counts, stage times and peak memory as JSON (for bench/bench.py).")
@quiet_option
def build(paths: tuple[str, ...], out: Path, lexicons: tuple[Path, ...], formats: tuple[str, ...], max_size: int,
          max_chars: int, max_seconds: float, jobs: int | None, scheduler: str | None, cache: bool, cache_dir: Path | None, store: str | None,
          skips: tuple[str, ...], stats: Path | None, quiet: bool) -> None:
    """Build the knowledge graph of the articles under PATHS into --out:
    graph.ttl (RDF), graph.html (the interactive network), actors.gexf and
    graph.gexf (Gephi, with a timeline) and skipped.tsv."""
    started = time.perf_counter()
    limits = limits_of(max_size, max_chars, max_seconds)
    if scheduler is not None and scheduler != "local" and "://" not in scheduler:
        raise click.BadParameter(f"must be 'local' or an address like tcp://host:8786, not {scheduler!r}",
                                 ctx=click.get_current_context(), param_hint="'--scheduler'")
    if store is not None and not store.startswith(("http://", "https://")):
        raise click.BadParameter(f"must be an http:// or https:// URL, not {store!r}",
                                 ctx=click.get_current_context(), param_hint="'--store'")
    files = input_files(paths)
    plan = Plan(jobs=jobs or default_jobs(), scheduler=scheduler,
                cache_dir=(cache_dir or out / ".cache") if cache else None)
    report = Report()
    with output_folder(out, report) as created:  # a folder this run made and wrote nothing into is removed again
        stamp = None
        if plan.cache_dir is not None:
            stamp = _stamp(files, lexicons, limits, {"formats": sorted(formats), "skips": sorted(skips),
                                                     "store": store, "out": str(out.resolve())})
            record = previous(plan.cache_dir, stamp)
            if record is not None:
                _up_to_date(record, report, started, stats)
                return
        try:
            with progress(quiet, "reading", len(files)) as bar:
                reading = _then(bar, lambda: _load_writers(skips))
                kg = build_graph(paths, report, reading, lexicons, limits=limits, plan=plan)
        except (LexiconError, SchedulerError, CacheError) as err:
            raise click.ClickException(str(err)) from None
        if report.articles == 0:  # keep the outputs of the last good build, skipped.tsv included
            click.echo(summary(report, "built from"))
            kept = "nothing was written" if created else f"the outputs in {out} are unchanged"
            click.echo(f"  nothing to build: no file under {', '.join(paths)} is an article; {kept}")
            sys.exit(NOTHING)
        try:
            write_skipped(report, out)
            if store is not None:
                push(kg, store, report, quiet)
            write_outputs(kg, out, report, ("turtle", *formats) if store is None else formats, skips, plan.jobs,
                          quiet, plan.cache_dir)
        except (StageWriteError, StageBroken) as err:
            raise click.ClickException(str(err)) from None
        except OSError as err:
            raise click.ClickException(cannot_write(err)) from None
    report.elapsed = time.perf_counter() - started
    if stats is not None:
        write_stats(report, stats)
    if stamp is not None:
        remember(plan.cache_dir, stamp, report.outputs, {
            "files": report.files, "articles": report.articles, "undated": report.undated,
            "skipped": [[item.source_file, item.reason] for item in report.skipped],
            "graph": [len(kg.actors), len(kg.interactions), len(kg.statements)]})
    click.echo(summary(report, "built from"))
    if report.workers > 1 or report.cached:
        click.echo(f"  extraction: {report.extracted} file(s) extracted, {report.cached} from the cache"
                   + (f"; stage times are summed over {report.workers} workers" if report.workers > 1 else ""))
    click.echo(f"  graph: {len(kg.actors)} actors, {len(kg.interactions)} interactions, {len(kg.statements)} statements")
    for name, path in report.outputs.items():
        click.echo(f"  {name}: {path}")


def _stamp(files, lexicons, limits, options: dict) -> str:
    """What this build depends on (see pipeline/uptodate.py)."""
    from diplograph.pipeline.cache import settings_fingerprint
    from diplograph.pipeline import load

    try:
        lexicon = load(lexicons)
    except LexiconError as err:
        raise click.ClickException(str(err)) from None
    return build_stamp(files, settings_fingerprint(lexicon.fingerprint, limits), options)


def _up_to_date(record: dict, report: Report, started: float, stats: Path | None) -> None:
    """Say that nothing changed since the last build, with that build's summary."""
    from diplograph.ingest.records import Skipped

    last = record["summary"]
    report.files, report.articles, report.undated = last["files"], last["articles"], last.get("undated", 0)
    report.skipped = [Skipped(source, reason) for source, reason in last["skipped"]]
    report.cached = last["files"]
    report.elapsed = time.perf_counter() - started
    if stats is not None:
        write_stats(report, stats)
    click.echo(summary(report, "up to date (nothing changed since the last build):"))
    actors, interactions, statements = last["graph"]
    click.echo(f"  graph: {actors} actors, {interactions} interactions, {statements} statements")
    for name, (path, _) in record["outputs"].items():
        click.echo(f"  {name}: {path}")
    if report.articles == 0:
        sys.exit(NOTHING)


def push(kg, store: str, report: Report, quiet: bool) -> None:
    """Every article's named graph (and the shared default graph) to the store at `store`."""
    from diplograph.graph.store import StoreError, push_graph

    try:
        with report.stage("store"), progress(quiet, "pushing", len(kg.articles) + 1) as bar:
            pushed = push_graph(kg, store, bar)
    except StoreError as err:
        raise click.ClickException(str(err)) from None
    report.outputs[f"store ({pushed} graphs)"] = store


def write_stats(report: Report, path: Path) -> None:
    """The run's numbers as JSON."""
    import json

    report.note_peak("end")
    data = {"files": report.files, "articles": report.articles, "undated": report.undated, "skipped": len(report.skipped),
            "elapsed": report.elapsed, "workers": report.workers, "cached": report.cached,
            "extracted": report.extracted, "stages": report.stages, "peak_rss_mb": report.peaks}
    with atomic_write(path) as handle:
        json.dump(data, handle, indent=2)


# Rough relative costs of the output stages (dev corpus, one process each: viz 2.5 s, rdf 1.5 s, export
# 0.9 s), so that with two cores the viz runs alone and the others share the second core.
STAGE_WEIGHTS = {"viz": 2.5, "rdf": 1.5, "export": 0.9}


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


def _load_writers(skips) -> None:
    """Import the output stages now, while worker processes extract: after extraction both cores would wait.

    A module that cannot be imported (a broken install) is left to its stage, which reports it in one line.
    """
    try:
        from diplograph.pipeline import stages  # noqa: F401
        from diplograph.graph import export, serialize  # noqa: F401

        if "html" not in skips:
            from diplograph.viz import preload

            preload()
    except ImportError:
        pass


def write_outputs(kg, out: Path, report: Report, formats=("turtle",), skips=(), jobs: int = 1,
                  quiet: bool = True, cache_dir: Path | None = None) -> None:
    """Every output file of a build, each written whole or not at all (side by side when `jobs` > 1).

    With a `cache_dir`, graph.html keeps its actors' positions there between builds (page-layout.json).
    """
    from diplograph.pipeline.stages import run_stages
    from diplograph.graph.export import export
    from diplograph.graph.serialize import write_outputs as write_rdf
    from diplograph.viz import write_html

    # Without the page, graph.ttl is the longest output stage (100x corpus: 216 s, the GEXF files 92 s),
    # so with more than one job it sorts and writes half of its triples in a second process.
    parts = 2 if jobs > 1 and "html" in skips else 1
    stages = []
    if formats:
        stages.append(("rdf", lambda: {f"rdf ({name})": path
                                       for name, path in write_rdf(kg, out, formats, parts).items()}))
    if "html" not in skips:
        layout = cache_dir / "page-layout.json" if cache_dir is not None else None
        stages.append(("viz", lambda: {"browser": write_html(kg, out / "graph.html", layout_cache=layout)}))
    if "gexf" not in skips:
        stages.append(("export", lambda: {"gephi (" + p.stem + ")": p for p in export(kg, out, ["gexf"])}))
    with progress(quiet, "writing", len(stages)) as bar:
        run_stages(stages, jobs, report, bar, STAGE_WEIGHTS)


def write_skipped(report: Report, out: Path) -> None:
    """`skipped.tsv`: every file that did not become an article, and why."""
    with atomic_write(out / "skipped.tsv") as handle:
        handle.write("source_file\treason\n")
        for item in report.skipped:
            handle.write(f"{item.source_file}\t{item.reason}\n")
    report.outputs["skipped"] = out / "skipped.tsv"
