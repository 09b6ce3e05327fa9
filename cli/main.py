"""The `diplograph` command: one entry point, a subcommand per job.

Subcommands live in their own modules and are imported only when used, so
`diplograph --help` stays fast. The exit codes are the table in cli/exitcodes.py.
"""
from __future__ import annotations

import importlib
import sys
from importlib.metadata import version

import click

from diplograph.cli.exitcodes import INTERRUPTED, help_text

# name -> "module:attribute" of the click command
COMMANDS = {
    "ingest": "diplograph.cli.ingest:ingest",
    "build": "diplograph.cli.build:build",
    "export": "diplograph.cli.export:export",
    "evaluate": "diplograph.cli.evaluate:evaluate",
    "query": "diplograph.cli.query:query",
    "serve": "diplograph.cli.serve:serve",
    "validate": "diplograph.cli.validate:validate",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]}, epilog=help_text())
@click.version_option(version("diplograph"), "-V", "--version", prog_name="diplograph")
def cli() -> None:
    """Turn Chinese-language news into a knowledge graph of political actors:
    who called whom, who met whom, who said what to whom, with the sentence
    every fact came from."""


def main() -> None:
    """Run the command; a usage error is one line (what is wrong, and which --help to read), exit 2."""
    try:
        code = cli.main(prog_name="diplograph", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as err:  # `diplograph` alone: the help, as click shows it
        click.echo(err.format_message(), err=True)
        sys.exit(err.exit_code)
    except click.UsageError as err:
        where = err.ctx.command_path if err.ctx is not None else "diplograph"
        click.echo(f"Error: {err.format_message()} (see '{where} --help')", err=True)
        sys.exit(err.exit_code)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except (click.Abort, KeyboardInterrupt):
        click.echo("Aborted!", err=True)
        sys.exit(INTERRUPTED)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    sys.exit(main())
