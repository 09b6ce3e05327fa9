"""What the reading subcommands share: the input check and the run summary."""
from __future__ import annotations

from pathlib import Path

import click

from diplograph.cli.exitcodes import NothingToDo, NotFound
from diplograph.pipeline import Report, list_files
from diplograph.ingest.limits import MAX_BYTES, MAX_CHARS, MAX_SECONDS, Limits

MAX_LISTED = 20


def input_files(paths: tuple[str, ...]) -> list[tuple[Path, str]]:
    """The article files under `paths`; a missing path is a user error."""
    try:
        files = list_files(paths)
    except FileNotFoundError as err:
        raise NotFound(f"no such file or directory: {err}") from None
    if not files:
        raise NothingToDo(f"no files found under {', '.join(paths)}: nothing to build")
    return files


def limit_options(f):
    """--max-size, --max-chars and --max-seconds (ingest/limits.py); `limits_of` makes them one `Limits`."""
    f = click.option("--max-seconds", default=MAX_SECONDS, show_default=True, type=click.FloatRange(min=0),
                     help="Longest time reading and extracting one file may take; a slower file is skipped, "
                          "saying so (0: no limit).")(f)
    f = click.option("--max-chars", default=MAX_CHARS, show_default=True, type=click.IntRange(min=1),
                     help="Most characters of body text one article may have; a longer one is skipped, saying so.")(f)
    f = click.option("--max-size", default=MAX_BYTES // 1_000_000, show_default=True, type=click.IntRange(min=1),
                     help="Largest article file to read, in MB.")(f)
    return f


def limits_of(max_size: int, max_chars: int, max_seconds: float) -> Limits:
    return Limits(max_size * 1_000_000, max_chars, max_seconds)


def summary(report: Report, verb: str = "read") -> str:
    """The end-of-run summary: counts, what was skipped and why, time per stage."""
    undated = f" ({report.undated} undated: no date in the file)" if report.undated else ""
    lines = [f"{verb} {report.articles} article(s){undated} from {report.files} file(s) in {report.seconds:.1f} s"
             + (f"; skipped {len(report.skipped)}:" if report.skipped else "")]
    for item in report.skipped[:MAX_LISTED]:
        lines.append(f"  skipped {item.source_file}: {item.reason}")
    if len(report.skipped) > MAX_LISTED:
        lines.append(f"  … and {len(report.skipped) - MAX_LISTED} more (see skipped.tsv)")
    if len(report.stages) > 1:
        lines.append("  time: " + ", ".join(f"{name} {secs:.1f} s" for name, secs in report.stages.items()))
    return "\n".join(lines)
