"""`diplograph build`: the main job, from article files to the graph files."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from diplograph.cli.common import input_files, progress, quiet_option, summary
from diplograph.cli.files import atomic_write, ensure_dir
from diplograph.cli.pipeline import Report, read_articles
from diplograph.ingest.decode import MAX_BYTES
from diplograph.ingest.jsonl import dumps


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--out", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the outputs.")
@click.option("--max-size", default=MAX_BYTES // 1_000_000, show_default=True, type=click.IntRange(min=1),
              help="Largest article file to read, in MB.")
@quiet_option
def build(paths: tuple[str, ...], out: Path, max_size: int, quiet: bool) -> None:
    """Build the knowledge graph of the articles under PATHS into --out."""
    files = input_files(paths)
    ensure_dir(out)
    report = Report()
    with progress(quiet, "reading", len(files)) as bar, atomic_write(out / "articles.jsonl") as handle:
        for article in read_articles(files, report, bar, max_size * 1_000_000):
            handle.write(dumps(article) + "\n")
    report.outputs["articles"] = out / "articles.jsonl"
    write_skipped(report, out)
    click.echo(summary(report, "built from"))
    for name, path in report.outputs.items():
        click.echo(f"  {name}: {path}")
    if report.articles == 0:
        sys.exit(3)


def write_skipped(report: Report, out: Path) -> None:
    """`skipped.tsv`: every file that did not become an article, and why."""
    with atomic_write(out / "skipped.tsv") as handle:
        handle.write("source_file\treason\n")
        for item in report.skipped:
            handle.write(f"{item.source_file}\t{item.reason}\n")
    report.outputs["skipped"] = out / "skipped.tsv"
