"""`diplograph query QUERY`: run SPARQL on a built graph and print a table, CSV, TSV or JSON."""
from __future__ import annotations

import difflib
import sys
from pathlib import Path

import click

from diplograph.cli.exitcodes import USAGE, NotFound
from diplograph.cli.files import require_graph_file
from diplograph.cli.progress import quiet_option, store_progress
from diplograph.graph.sparql.results import FORMATS


def bundled_queries() -> dict[str, Path]:
    """The queries shipped in diplograph's `queries/` folder, by name (file name without .rq)."""
    from importlib.resources import files

    folder = Path(str(files("diplograph.queries")))
    return {p.stem: p for p in sorted(folder.glob("*.rq"))}


def query_title(path: Path) -> str:
    """The `# title:` line of a query file, or its first comment line."""
    comments = [line[1:].strip() for line in path.read_text("utf-8").splitlines() if line.startswith("#")]
    for line in comments:
        if line.lower().startswith("title:"):
            return line[6:].strip()
    return comments[0] if comments else ""


def read_query(spec: str) -> tuple[str, str | None]:
    """The SPARQL text QUERY stands for: `-` (stdin), a .rq file, the name of a bundled query, or SPARQL
    itself; and where it came from (a file's name, for error messages; None for text given as the argument)."""
    if spec == "-":
        return sys.stdin.read(), "standard input"
    path = Path(spec)
    try:
        is_file = path.is_file()
    except OSError:  # not a possible file name (query text longer than a file name may be)
        is_file = False
    if is_file:
        try:
            return path.read_text("utf-8"), str(path)
        except (OSError, UnicodeDecodeError) as err:
            raise click.ClickException(f"{path}: cannot read the query ({getattr(err, 'strerror', None) or err})")
    bundled = bundled_queries()
    name = path.name[:-3] if path.name.endswith(".rq") else spec
    if name in bundled and "/" not in spec:  # a path that does not exist is an error, not a bundled query
        return bundled[name].read_text("utf-8"), f"{name}.rq"
    if spec.endswith(".rq") or ("\n" not in spec and " " not in spec.strip() and "{" not in spec):
        close = difflib.get_close_matches(name, list(bundled), n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        names = ", ".join(bundled) or "none"
        raise NotFound(f"no query file or bundled query {spec!r}{hint} (bundled: {names})")
    return spec, None


def _list_queries(ctx: click.Context, _param, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    for name, path in bundled_queries().items():
        click.echo(f"{name:28} {query_title(path)}")
    ctx.exit(0)


@click.command(short_help="Run a SPARQL query (text, .rq file or bundled name).")
@click.argument("query", required=False)
@click.option("-g", "--graph", "graph_path", default="out/graph.ttl", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="The graph file to query.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table for people; csv, tsv, json, xml are the SPARQL 1.1 result formats. "
                   "CONSTRUCT and DESCRIBE print Turtle (JSON-LD with json).")
@click.option("--engine", type=click.Choice(("auto", "rdflib", "oxigraph")), default="auto", show_default=True,
              help="auto: oxigraph for large graphs (a store kept beside the graph file), rdflib otherwise.")
@click.option("--max-width", default=60, show_default=True, metavar="N", type=click.IntRange(min=0),
              help="Cut table cells to N columns (0: never).")
@click.option("--list", "list_", is_flag=True, expose_value=False, is_eager=True, callback=_list_queries,
              help="List the bundled queries and exit.")
@quiet_option
def query(query: str | None, graph_path: Path, fmt: str, engine: str, max_width: int, quiet: bool) -> None:
    """Run the SPARQL QUERY on a built graph.

    QUERY is SPARQL text, a .rq file, the name of a bundled query
    (`diplograph query --list`), or - to read standard input. The prefixes
    dg:, actor:, interaction:, statement:, article:, topic:, place:, rdfs:,
    skos:, dcterms:, xsd:, prov:, schema: and sem: need no PREFIX line.

    \b
    Examples:
      diplograph query who-warned-whom
      diplograph query queries/timeline-between.rq --format csv
      diplograph query 'SELECT ?call ?date WHERE { ?call a dg:PhoneCall ; dg:date ?date }'
    """
    from diplograph.graph.rdf.load import GraphFileError
    from diplograph.graph.sparql.query import QuerySyntaxError, open_engine
    from diplograph.graph.sparql.results import render

    if query is None:
        raise click.UsageError("missing QUERY (SPARQL text, a .rq file or a bundled query name; see --list)")
    text, origin = read_query(query)
    require_graph_file(graph_path)
    try:
        with store_progress(quiet, graph_path, engine) as on_read:
            engine_ = open_engine(graph_path, engine, on_read)
    except GraphFileError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        results = engine_.query(text)
    except QuerySyntaxError as exc:
        click.echo(f"Error: {origin + ': ' if origin else ''}SPARQL syntax error: {exc}", err=True)
        raise SystemExit(USAGE) from None
    click.echo(render(results, fmt, text, max_width), nl=False)
