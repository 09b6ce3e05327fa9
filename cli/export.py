"""`diplograph export`: write a built graph as GEXF, GraphML or CSV for Gephi and other tools."""
from __future__ import annotations

from pathlib import Path

import click

from diplograph.cli.progress import file_progress, progress, quiet_option
from diplograph.graph.assembly.model import KnowledgeGraph
from diplograph.pipeline.formats import NETWORK

VIEW_CHOICES = {"actors": ("actors",), "full": ("full",), "both": ("actors", "full")}


def load_graph(path: Path, quiet: bool = True) -> KnowledgeGraph:
    """The KnowledgeGraph in the graph file `path`, or one readable error line; progress bars unless `quiet`."""
    from diplograph.cli.files import require_graph_file
    from diplograph.graph.rdf.load import GraphFileError, knowledge_graph_of, read_index

    require_graph_file(path)
    try:
        with file_progress(quiet, path) as on_read:
            triples = read_index(path, on_read)
        with progress(quiet, "rebuilding the graph") as bar:
            return knowledge_graph_of(triples, path, bar)
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
@click.option("--format", "formats", type=click.Choice(NETWORK), multiple=True,
              required=True, help="Output format; repeat for several.")
@click.option("--view", type=click.Choice(sorted(VIEW_CHOICES)), default="both", show_default=True,
              help="actors: actors and what passes between them; full: every node of the graph.")
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False),
              help="Folder for the files. [default: the folder of the graph file]")
@quiet_option
def export(graph: Path | None, from_build: Path | None, formats: tuple[str, ...], view: str,
           out: Path | None, quiet: bool) -> None:
    """Write the graph as GEXF (dynamic, for Gephi's timeline), GraphML or CSV node and edge tables."""
    from diplograph.pipeline.formats import export as write_all

    source = _source(graph, from_build)
    kg = load_graph(source, quiet)
    out_dir = out if out is not None else source.parent
    views = VIEW_CHOICES[view]
    try:
        with progress(quiet, "writing", len(views)) as bar:
            written = write_all(kg, out_dir, formats, views, bar)
    except OSError as err:
        raise click.ClickException(f"{out_dir}: cannot write ({err.strerror or err})")
    for path in written:
        click.echo(str(path))
