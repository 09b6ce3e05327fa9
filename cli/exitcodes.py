"""What `diplograph` exits with: one table, shown by `diplograph --help` and copied into the README.

tests/cli/test_exit_codes.py checks that the README's table is this one and
runs a command for every row.
"""
from __future__ import annotations

import click

DONE, TROUBLE, USAGE, NOTHING, INTERRUPTED = 0, 1, 2, 3, 130

EXIT_CODES: tuple[tuple[int, str], ...] = (
    (DONE, "done; files that are not articles were skipped, each named with its reason in the summary "
           "(and in skipped.tsv)"),
    (TROUBLE, "a file or the system stood in the way: a graph, lexicon, gold or cache file that is not valid or "
              "cannot be read, an output that cannot be written, a port in use; a graph that does not conform "
              "(`validate`)"),
    (USAGE, "a usage error: an unknown command or option, a bad option value, a path that does not exist, "
            "a query name that is not bundled, a SPARQL syntax error"),
    (NOTHING, "nothing to do: no file under the paths given is an article (an empty folder, a folder of images); "
              "the outputs of the last build are kept"),
    (INTERRUPTED, "interrupted (Ctrl-C); every file already written is whole, none is half-written"),
)


def help_text(width: int = 78) -> str:
    """The table as `diplograph --help` prints it (click keeps the lines of a paragraph that starts with \\b)."""
    import textwrap

    lines = ["\b", "Exit codes:"]
    for code, text in EXIT_CODES:
        lines += textwrap.wrap(text, width, initial_indent=f"  {code:>3}  ", subsequent_indent=" " * 7)
    return "\n".join(lines)


def markdown() -> str:
    """The table as the README has it."""
    return "\n".join(["| code | meaning |", "|---|---|"] + [f"| {code} | {text} |" for code, text in EXIT_CODES])


class NotFound(click.ClickException):
    """A path or a query name given on the command line that names nothing: a usage error."""

    exit_code = USAGE


class NothingToDo(click.ClickException):
    """No article in the input."""

    exit_code = NOTHING
