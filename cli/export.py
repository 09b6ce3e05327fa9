"""`diplograph export`: write a built graph as GEXF, GraphML or CSV for Gephi and other tools."""
from __future__ import annotations

from pathlib import Path

import click

from diplograph.graph.model import KnowledgeGraph

VIEW_CHOICES = {"actors": ("actors",), "full": ("full",), "both": ("actors", "full")}


def load_graph(path: Path) -> KnowledgeGraph:
    """The KnowledgeGraph in the graph file `path`, or one readable error line."""
    from diplograph.graph.load import GraphFileError, read_knowledge_graph

    try:
        return read_knowledge_graph(path)
    except GraphFileError as err:
        raise click.ClickException(str(err)) from None


def _source(graph: Path | None, from_build: Path | None) -> Path:
    if graph and from_build:
        raise click.UsageError("give --graph or --from-build, not both")
    if from_build:
        return Path(from_build) / "graph.ttl"
    return Path(graph) if graph else Path("out") / "graph.ttl"


@click.command(short_help="Write a built graph as GEXF, GraphML or CSV tables.")
@click.option("-g", "--graph", "graph", type=click.Path(path_type=Path, dir_okay=False),
              help="The Turtle file `diplograph build` wrote. [default: out/graph.ttl]")
@click.option("--from-build", "from_build", type=click.Path(path_type=Path, file_okay=False),
              help="A folder `diplograph build` wrote; reads its graph.ttl.")
@click.option("--format", "formats", type=click.Choice(["gexf", "graphml", "csv"]), multiple=True,
              required=True, help="Output format; repeat for several.")
@click.option("--view", type=click.Choice(sorted(VIEW_CHOICES)), default="both", show_default=True,
              help="actors: actors and what passes between them; full: every node of the graph.")
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False),
              help="Folder for the files. [default: the folder of the graph file]")
def export(graph: Path | None, from_build: Path | None, formats: tuple[str, ...], view: str,
           out: Path | None) -> None:
    """Write the graph as GEXF (dynamic, for Gephi's timeline), GraphML or CSV node and edge tables."""
    from diplograph.graph.export import export as write_all

    source = _source(graph, from_build)
    kg = load_graph(source)
    out_dir = out if out is not None else source.parent
    try:
        written = write_all(kg, out_dir, formats, VIEW_CHOICES[view])
    except OSError as err:
        raise click.ClickException(f"{out_dir}: cannot write ({err.strerror or err})")
    for path in written:
        click.echo(str(path))
