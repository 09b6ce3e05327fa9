"""`diplograph build`: the main job, from article files to the graph files."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from diplograph.cli.common import input_files, progress, quiet_option, summary
from diplograph.cli.files import atomic_write, ensure_dir
from diplograph.cli.pipeline import Report, build_graph
from diplograph.ingest.decode import MAX_BYTES
from diplograph.ingest.lexicon import LexiconError

RDF_FORMATS = ("jsonld", "nt", "trig")


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--out", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the outputs.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="A folder of extra lexicon files (same names as ingest/lexicons/); repeatable.")
@click.option("-f", "--format", "formats", multiple=True, type=click.Choice(RDF_FORMATS),
              help="RDF formats besides Turtle (graph.jsonld, graph.nt, graph.trig with a named graph per article); repeatable.")
@click.option("--max-size", default=MAX_BYTES // 1_000_000, show_default=True, type=click.IntRange(min=1),
              help="Largest article file to read, in MB.")
@quiet_option
def build(paths: tuple[str, ...], out: Path, lexicons: tuple[Path, ...], formats: tuple[str, ...], max_size: int,
          quiet: bool) -> None:
    """Build the knowledge graph of the articles under PATHS into --out:
    graph.ttl (RDF), graph.html (the interactive network), actors.gexf and
    graph.gexf (Gephi, with a timeline) and skipped.tsv."""
    files = input_files(paths)
    ensure_dir(out)
    report = Report()
    try:
        with progress(quiet, "reading", len(files)) as bar:
            kg = build_graph(paths, report, bar, lexicons, max_bytes=max_size * 1_000_000)
    except LexiconError as err:
        raise click.ClickException(str(err)) from None
    write_skipped(report, out)
    if report.articles == 0:  # keep the outputs of the last good build
        click.echo(summary(report, "built from"))
        click.echo(f"  nothing to build: no file under {', '.join(paths)} is an article; the outputs in {out} are unchanged")
        sys.exit(3)
    write_outputs(kg, out, report, ("turtle", *formats))
    click.echo(summary(report, "built from"))
    click.echo(f"  graph: {len(kg.actors)} actors, {len(kg.interactions)} interactions, {len(kg.statements)} statements")
    for name, path in report.outputs.items():
        click.echo(f"  {name}: {path}")
    if report.articles == 0:
        sys.exit(3)


def write_outputs(kg, out: Path, report: Report, formats=("turtle",)) -> None:
    """Every output file of a build, each written whole or not at all."""
    from diplograph.graph.export import export
    from diplograph.graph.serialize import write_outputs as write_rdf
    from diplograph.viz import write_html

    with report.stage("rdf"):
        for name, path in write_rdf(kg, out, formats).items():
            report.outputs[f"rdf ({name})"] = path
    with report.stage("viz"):
        report.outputs["browser"] = write_html(kg, out / "graph.html")
    with report.stage("export"):
        for path in export(kg, out, ["gexf"]):
            report.outputs["gephi (" + path.stem + ")"] = path


def write_skipped(report: Report, out: Path) -> None:
    """`skipped.tsv`: every file that did not become an article, and why."""
    with atomic_write(out / "skipped.tsv") as handle:
        handle.write("source_file\treason\n")
        for item in report.skipped:
            handle.write(f"{item.source_file}\t{item.reason}\n")
    report.outputs["skipped"] = out / "skipped.tsv"
