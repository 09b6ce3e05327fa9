"""`diplograph build`: the main job, from article files to the graph files (pipeline/build.py does the work)."""
from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

import click

from diplograph.cli.common import input_files, limit_options, limits_of, summary
from diplograph.cli.exitcodes import NOTHING
from diplograph.cli.progress import progress, quiet_option
from diplograph.pipeline.build import BuildOptions, Built, build as run_build
from diplograph.pipeline.formats import RDF, SKIPPABLE
from diplograph.pipeline.outputs import BuildError


@click.command(short_help="Build the graph of a corpus: Turtle, browser page, GEXF.")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--out", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the outputs.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A folder of extra lexicon files (same names as ingest/lexicons/); repeatable.")
@click.option("-f", "--format", "formats", multiple=True, type=click.Choice(RDF),
              help="RDF formats besides Turtle (graph.jsonld, graph.nt, graph.trig with a named graph per article); "
                   "with --store, the only RDF files written (ttl: graph.ttl); repeatable.")
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
@click.option("--skip", "skips", multiple=True, type=click.Choice(SKIPPABLE),
              help="Leave out graph.html or the GEXF files (graph.html is slow to lay out and to open past a "
                   "few thousand articles: see README, Scale); repeatable.")
@click.option("--stats", type=click.Path(dir_okay=False, path_type=Path), default=None, hidden=True,
              help="Write the run's counts, stage times and peak memory as JSON (for bench/bench.py).")
@quiet_option
def build(max_size: int, max_chars: int, max_seconds: float, quiet: bool, **given) -> None:
    """Build the knowledge graph of the articles under PATHS into --out:
    graph.ttl (RDF), graph.html (the interactive network), actors.gexf and
    graph.gexf (Gephi, with a timeline) and skipped.tsv."""
    _check(given["scheduler"], given["store"])
    options = BuildOptions(**given, limits=limits_of(max_size, max_chars, max_seconds))
    try:
        built = run_build(options, input_files(options.paths), partial(progress, quiet))
    except BuildError as err:
        raise click.ClickException(str(err)) from None
    say(built, options)
    if built.report.articles == 0:
        sys.exit(NOTHING)


def _check(scheduler: str | None, store: str | None) -> None:
    """A usage error for a --scheduler or --store value that cannot be one."""
    if scheduler is not None and scheduler != "local" and "://" not in scheduler:
        raise click.BadParameter(f"must be 'local' or an address like tcp://host:8786, not {scheduler!r}",
                                 ctx=click.get_current_context(), param_hint="'--scheduler'")
    if store is not None and not store.startswith(("http://", "https://")):
        raise click.BadParameter(f"must be an http:// or https:// URL, not {store!r}",
                                 ctx=click.get_current_context(), param_hint="'--store'")


def say(built: Built, options: BuildOptions) -> None:
    """The build's summary: counts, skips, stage times, the graph's size and every output."""
    report = built.report
    if built.up_to_date:
        click.echo(summary(report, "up to date (nothing changed since the last build):"))
    elif report.articles == 0:
        click.echo(summary(report, "built from"))
        kept = "nothing was written" if built.created else f"the outputs in {options.out} are unchanged"
        click.echo(f"  nothing to build: no file under {', '.join(options.paths)} is an article; {kept}")
        return
    else:
        click.echo(summary(report, "built from"))
        if report.workers > 1 or report.cached:
            click.echo(f"  extraction: {report.extracted} file(s) extracted, {report.cached} from the cache"
                       + (f"; stage times are summed over {report.workers} workers" if report.workers > 1 else ""))
    actors, interactions, statements = built.graph
    click.echo(f"  graph: {actors} actors, {interactions} interactions, {statements} statements")
    for name, path in report.outputs.items():
        click.echo(f"  {name}: {path}")
