"""The `diplograph` command: one entry point, a subcommand per job."""
from __future__ import annotations

import sys
from importlib.metadata import version

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version("diplograph"), prog_name="diplograph")
def cli() -> None:
    """Turn Chinese-language news into a knowledge graph of political actors."""


def main() -> None:
    cli(prog_name="diplograph")


if __name__ == "__main__":
    sys.exit(main())
