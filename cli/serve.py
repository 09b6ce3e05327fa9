"""`diplograph serve`: a read-only SPARQL 1.1 endpoint on 127.0.0.1 for YASGUI, SPARQLWrapper, Gephi."""
from __future__ import annotations

import errno
import signal
from pathlib import Path

import click

from diplograph.cli.files import require_graph_file
from diplograph.cli.progress import quiet_option, store_progress


@click.command(short_help="Serve a built graph as a SPARQL 1.1 endpoint.")
@click.option("-g", "--graph", "graph_path", default="out/graph.ttl", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="The graph file to serve.")
@click.option("-p", "--port", default=7878, show_default=True, type=click.IntRange(0, 65535),
              help="Port on 127.0.0.1 (0: any free port).")
@click.option("-v", "--verbose", is_flag=True, help="Log every request.")
@quiet_option
def serve(graph_path: Path, port: int, verbose: bool, quiet: bool) -> None:
    """Serve the graph as a SPARQL 1.1 Protocol endpoint at http://127.0.0.1:PORT/sparql.

    GET or POST `query`; answers in SPARQL JSON, XML, CSV or TSV (or Turtle,
    N-Triples, JSON-LD for CONSTRUCT) by the Accept header. Read-only; the
    graph is loaded into an oxigraph store beside the graph file. Ctrl-C stops.
    """
    from diplograph.graph.sparql.endpoint import SparqlServer
    from diplograph.graph.rdf.load import GraphFileError

    require_graph_file(graph_path)
    try:
        with store_progress(quiet, graph_path) as on_read:
            server = SparqlServer(graph_path, port, verbose, on_read)
    except GraphFileError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise click.ClickException(f"port {port} is in use; choose another with --port") from None
        raise click.ClickException(f"cannot serve {graph_path}: {exc.strerror or exc}") from None
    total, ontology = server.triples(), ontology_triples()
    signal.signal(signal.SIGTERM, _stop)  # before the line that tells a supervisor the endpoint is up
    try:
        click.echo(f"SPARQL endpoint: {server.url}  ({graph_path}: {total - ontology} triples, and the ontology's "
                   f"{ontology}; Ctrl-C stops)", nl=True)
        server.serve_forever()
    except (KeyboardInterrupt, _Stopped) as stop:
        click.echo(f"stopped{' (SIGTERM)' if isinstance(stop, _Stopped) else ''}")
    finally:
        server.server_close()


class _Stopped(Exception):
    """SIGTERM (from `kill`, a service manager): stop as Ctrl-C does, saying so."""


def _stop(signum, frame) -> None:
    raise _Stopped()


def ontology_triples() -> int:
    """How many triples the ontology adds to every query's dataset."""
    import pyoxigraph as ox

    from diplograph.ontology.vocab import ontology_path

    return sum(1 for _ in ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE))
