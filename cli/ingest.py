"""`diplograph ingest`: files to one JSON line per article."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from diplograph.cli.exitcodes import NOTHING
from diplograph.cli.common import input_files, limit_options, limits_of, summary
from diplograph.cli.progress import progress, quiet_option
from diplograph.cli.files import atomic_write
from diplograph.pipeline import Report, read_articles
from diplograph.ingest.jsonl import dumps


@click.command(short_help="Read article files into JSON lines (no extraction).")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the JSON lines here (default: standard output).")
@limit_options
@quiet_option
def ingest(paths: tuple[str, ...], out: Path | None, max_size: int, max_chars: int, max_seconds: float,
           quiet: bool) -> None:
    """Read article files or folders (Epoch Times, Al Jazeera, GNews, any HTML
    or text) and write one JSON line per article: id, source_file, outlet,
    title, published, url, language and blocks with their sentences.

    Files that are not articles are skipped with the reason, and the run goes on.
    """
    files = input_files(paths)
    report = Report()
    if out is not None and not out.parent.exists():
        raise click.ClickException(f"output folder {out.parent} does not exist")
    with progress(quiet or out is None, "ingest", len(files)) as bar:
        articles = read_articles(files, report, bar, limits_of(max_size, max_chars, max_seconds))
        if out is None:
            for article in articles:
                sys.stdout.write(dumps(article) + "\n")
        else:
            try:
                with atomic_write(out) as handle:
                    for article in articles:
                        handle.write(dumps(article) + "\n")
                    if report.articles == 0:
                        raise _NothingWritten()  # no empty file, and an earlier one stays as it was
            except _NothingWritten:
                pass
            except OSError as err:
                raise click.ClickException(f"cannot write {out}: {err.strerror or err}") from None
    click.echo(summary(report), err=True)
    if report.articles == 0:
        sys.exit(NOTHING)


class _NothingWritten(Exception):
    """Not one article: the output file is not written."""
