"""`diplograph validate [GRAPH]`: check a built graph against the SHACL shapes; exit 1 when it does not conform."""
from __future__ import annotations

from pathlib import Path

import click

from diplograph.cli.progress import file_progress, progress, quiet_option


@click.command(short_help="Check a graph against the diplograph SHACL shapes.")
@click.argument("graph", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-g", "--graph", "graph_option", type=click.Path(dir_okay=False, path_type=Path),
              help="The graph file, as `query` and `export` take it. [default: out/graph.ttl]")
@click.option("--limit", default=50, show_default=True, metavar="N", type=click.IntRange(min=0),
              help="Show at most N problems (0: all).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes that check the graph's chunks side by side (default: all cores).")
@quiet_option
def validate(graph: Path | None, graph_option: Path | None, limit: int, jobs: int | None, quiet: bool) -> None:
    """Check GRAPH (graph.ttl, .nt, .jsonld or .trig; default out/graph.ttl) against diplograph's SHACL shapes.

    Prints one line per problem (severity, node, property, what is wrong) and
    exits with 1 when the graph does not conform. The graph is checked 2,000
    nodes at a time, in all cores, so a large graph takes time but no more
    memory than its triples.
    """
    from diplograph.cli.files import require_graph_file
    from diplograph.pipeline import default_jobs
    from diplograph.graph.rdf.load import GraphFileError, read_index, require_articles
    from diplograph.util.forked import can_fork
    from diplograph.graph.rdf.validate import CHUNK, validate_graph

    if graph and graph_option:
        raise click.UsageError("give the graph as GRAPH or as --graph, not both")
    graph = require_graph_file(graph or graph_option or Path("out") / "graph.ttl")
    try:
        with file_progress(quiet, graph) as on_read:
            data = read_index(graph, on_read)
        require_articles(data, graph)
    except GraphFileError as exc:
        raise click.ClickException(str(exc)) from None
    chunks = -(-len(data.nodes()) // CHUNK)
    jobs = min(jobs or default_jobs(), chunks) if can_fork() else 1
    label = "validating" + (f" ({jobs} processes; this bar is one's share)" if jobs > 1 else "")
    try:
        with progress(quiet, label) as bar:
            result = validate_graph(data, jobs=jobs, progress=bar)
    except RuntimeError as exc:  # a checking process that died (out of memory, say)
        raise click.ClickException(f"{graph}: validation stopped: {exc}") from None
    if result.conforms:
        click.echo(f"{graph}: conforms to the diplograph shapes ({result.triples} triples; `query` and `serve` "
                   "also see the ontology's)")
        return
    shown = result.problems if limit <= 0 else result.problems[:limit]
    for problem in shown:
        click.echo(problem.line())
    more = len(result.problems) - len(shown)
    if more:
        click.echo(f"… and {more} more (--limit 0 shows all)")
    violations = sum(1 for p in result.problems if p.severity == "Violation")
    click.echo(f"{graph}: does not conform: {violations} violation(s), {len(result.problems)} problem(s)", err=True)
    raise SystemExit(1)
