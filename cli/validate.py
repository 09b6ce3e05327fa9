"""`diplograph validate [GRAPH]`: check a built graph against the SHACL shapes; exit 1 when it does not conform."""
from __future__ import annotations

from pathlib import Path

import click


@click.command(short_help="Check a graph against the diplograph SHACL shapes.")
@click.argument("graph", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-g", "--graph", "graph_option", type=click.Path(dir_okay=False, path_type=Path),
              help="The graph file, as `query` and `export` take it. [default: out/graph.ttl]")
@click.option("--limit", default=50, show_default=True, metavar="N", type=click.IntRange(min=0),
              help="Show at most N problems (0: all).")
def validate(graph: Path | None, graph_option: Path | None, limit: int) -> None:
    """Check GRAPH (graph.ttl, .nt, .jsonld or .trig; default out/graph.ttl) against diplograph's SHACL shapes.

    Prints one line per problem (severity, node, property, what is wrong) and
    exits with 1 when the graph does not conform.
    """
    from rdflib import RDF

    from diplograph.graph.load import GraphFileError, read_graph
    from diplograph.graph.validate import validate_graph
    from diplograph.ontology.namespace import DG

    if graph and graph_option:
        raise click.UsageError("give the graph as GRAPH or as --graph, not both")
    graph = graph or graph_option or Path("out") / "graph.ttl"
    try:
        data = read_graph(graph)
    except GraphFileError as exc:
        raise click.ClickException(str(exc)) from None
    if next(data.subjects(RDF.type, DG.Article), None) is None:  # an empty or foreign graph conforms vacuously
        raise click.ClickException(f"{graph}: no diplograph articles in this graph "
                                   "(is it a graph `diplograph build` wrote?)")
    result = validate_graph(data)
    if result.conforms:
        click.echo(f"{graph}: conforms to the diplograph shapes ({result.triples} triples)")
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
