"""SPARQL over a built graph with one of two engines: rdflib (in memory) or an embedded pyoxigraph store.

Both engines see graph.ttl plus the ontology (so queries can join CAMEO
codes, labels of speech acts, subclass paths), know the diplograph prefixes
without PREFIX lines, and return the same `Results`. The oxigraph store is
persisted beside the Turtle file (`graph.ttl` -> `graph.oxigraph/`) and rebuilt
when the Turtle file or the ontology changed since it was loaded.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal as Kind

from rdflib.term import Node

from diplograph.graph.rdf.load import GraphFileError, not_valid, oxigraph_format, oxigraph_source, parser_for, read_graph
from diplograph.graph.rdf.oxterms import converter
from diplograph.graph.rdf.mapping import PREFIXES
from diplograph.graph.sparql.sparql_errors import explain
from diplograph.ontology.vocab import ontology_path

ENGINES = ("rdflib", "oxigraph")
# Above this size of graph file (about 20,000 triples) `auto` picks oxigraph: measured faster from there
# on, opening included (see queries/README.md). Smaller graphs stay in memory and leave no store behind.
AUTO_OXIGRAPH_BYTES = 1_000_000
DEFAULT_PREFIXES = {name: str(ns) for name, ns in PREFIXES.items()}


class QuerySyntaxError(Exception):
    """A query the engine could not parse; `line` and `column` are 1-based when the engine gives them."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column

    def __str__(self) -> str:
        where = f"line {self.line}, column {self.column}: " if self.line is not None else ""
        return f"{where}{self.message}"


@dataclass(frozen=True)
class Results:
    """What a query returned: rows of a SELECT, the answer of an ASK, or the triples of a CONSTRUCT/DESCRIBE."""

    kind: Kind["select", "ask", "graph"]
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[tuple[Node, Node, Node], ...] = ()

    def column(self, name: str) -> list[str | None]:
        """The values of variable `name` as strings (None where unbound), for tests and scripts."""
        index = self.variables.index(name)
        return [None if row[index] is None else str(row[index]) for row in self.rows]

    def records(self) -> list[dict[str, str | None]]:
        """Each row as {variable: string value or None}."""
        return [{v: (None if t is None else str(t)) for v, t in zip(self.variables, row, strict=True)}
                for row in self.rows]


# --- rdflib ----------------------------------------------------------------------

class RdflibEngine:
    """Queries an in-memory rdflib graph of the file and the ontology (fine up to a few hundred thousand triples)."""

    name = "rdflib"

    def __init__(self, graph_path: Path):
        self.graph = read_graph(graph_path)
        self.graph.parse(ontology_path(), format="turtle")

    def query(self, text: str) -> Results:
        from pyparsing import ParseException
        from rdflib.plugins.sparql import prepareQuery

        try:
            prepared = prepareQuery(text, initNs=DEFAULT_PREFIXES)
        except ParseException as exc:
            raise syntax_error(text, exc.lineno, exc.col) from None
        except Exception:  # noqa: BLE001 - unknown prefix and other translation errors
            raise syntax_error(text, None, None) from None
        result = self.graph.query(prepared)
        if result.type == "ASK":
            return Results("ask", boolean=bool(result.askAnswer))
        if result.type == "SELECT":
            variables = tuple(str(v) for v in result.vars)
            rows = tuple(tuple(row[v] if v in row.labels else None for v in variables) for row in result)
            return Results("select", variables=variables, rows=rows)
        return Results("graph", triples=tuple(sorted(result.graph)))


# --- oxigraph --------------------------------------------------------------------

def store_dir(graph_path: Path) -> Path:
    """Where the oxigraph store of `graph_path` lives: `graph.ttl` -> `graph.oxigraph/`."""
    return graph_path.with_name(graph_path.stem + ".oxigraph")


# Bumped when the way a store is built changes (2: compacted after loading), so older stores are rebuilt.
STORE_LAYOUT = 2


def _stamp(graph_path: Path) -> dict:
    stat = graph_path.stat()
    onto = hashlib.sha256(ontology_path().read_bytes()).hexdigest()[:16]
    return {"source": graph_path.name, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "ontology": onto,
            "layout": STORE_LAYOUT}


def _is_fresh(directory: Path, graph_path: Path) -> bool:
    try:
        return json.loads((directory / "source.json").read_text("utf-8")) == _stamp(graph_path)
    except (OSError, ValueError):
        return False


def store_is_current(graph_path: Path) -> bool:
    """Is the oxigraph store beside `graph_path` up to date (so opening it loads nothing)?"""
    return _is_fresh(store_dir(Path(graph_path)), Path(graph_path))


def ensure_store(graph_path: Path, on_read: Callable[[int], None] | None = None) -> Path:
    """The directory of an up-to-date oxigraph store of `graph_path` (built or rebuilt when stale);
    `on_read` is told the size of each chunk of the graph file loaded."""
    import pyoxigraph as ox

    graph_path = Path(graph_path)
    if not graph_path.is_file():
        raise GraphFileError(f"{graph_path}: no such graph file (build one with `diplograph build`)")
    target = store_dir(graph_path)
    if _is_fresh(target, graph_path):
        return target
    stamp = _stamp(graph_path)
    for leftover in graph_path.parent.glob(f".{target.name}.*-*"):  # of a load that was killed
        shutil.rmtree(leftover, ignore_errors=True)
    fresh = Path(tempfile.mkdtemp(dir=graph_path.parent, prefix=f".{target.name}.new-"))
    try:
        store = _loaded(ox.Store(str(fresh / "store")), graph_path, on_read)
        # Compacting once after the bulk load makes every later query several times faster
        # (100x dev corpus: who-warned-whom 8.6 s -> 2.1 s) for about 40% more load time.
        store.optimize()
        store.flush()
        del store
        (fresh / "source.json").write_text(json.dumps(stamp), encoding="utf-8")
        old = None
        if target.exists():
            old = target.with_name(f".{target.name}.old-{os.getpid()}")
            os.replace(target, old)
        os.replace(fresh, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return target


def syntax_error(text: str, line: int | None, column: int | None) -> QuerySyntaxError:
    """The error for query `text` refused at (line, column), in words (graph/sparql/sparql_errors.py)."""
    return QuerySyntaxError(*explain(text, line, column, DEFAULT_PREFIXES))


def _position_in(exc: SyntaxError) -> tuple[int, int] | None:
    """Oxigraph says `error at 3:18: expected …`: the position."""
    import re

    match = re.match(r"error at (\d+):(\d+)", str(exc))
    return (int(match.group(1)), int(match.group(2))) if match else None


def _rdflib_position(text: str) -> tuple[int, int] | None:
    """Where rdflib's grammar refuses `text`, None if it does not. Its position is the start of the part that
    failed (Oxigraph's is the furthest it read, often past the mistake), so both engines point there."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(text)
    except ParseException as exc:
        return exc.lineno, exc.col
    except Exception:  # noqa: BLE001 - no position to give
        return None
    return None


def oxigraph_results(result, variables_hint=None) -> Results:
    """Convert what `Store.query` returned into `Results`."""
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return Results("ask", boolean=bool(result))
    term = converter()
    if isinstance(result, ox.QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        rows = tuple(tuple(term(solution[v]) for v in variables) for solution in result)
        return Results("select", variables=variables, rows=rows)
    triples = tuple(sorted((term(t.subject), term(t.predicate), term(t.object)) for t in result))
    return Results("graph", triples=triples)


def memory_store(graph_path: Path, on_read: Callable[[int], None] | None = None):
    """An in-memory oxigraph store of the file and the ontology (when no store can be written beside it)."""
    import pyoxigraph as ox

    return _loaded(ox.Store(), graph_path, on_read)


def _loaded(store, graph_path: Path, on_read: Callable[[int], None] | None):
    """`store` with the graph file (its bytes counted by `on_read`) and the ontology loaded into it."""
    import pyoxigraph as ox

    try:
        with oxigraph_source(graph_path, on_read) as source:
            store.bulk_load(**source, format=oxigraph_format(graph_path))
    except SyntaxError as exc:
        raise not_valid(graph_path, exc) from None
    store.bulk_load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE)
    return store


class OxigraphEngine:
    """Queries a persisted pyoxigraph store of the file and the ontology (fast to open, fast on large graphs).

    Where the folder of the graph file is not writable the store is built in memory instead.
    """

    name = "oxigraph"

    def __init__(self, graph_path: Path, on_read: Callable[[int], None] | None = None):
        import pyoxigraph as ox

        try:
            self.store = ox.Store.read_only(str(ensure_store(Path(graph_path), on_read) / "store"))
        except PermissionError:
            self.store = memory_store(Path(graph_path), on_read)  # the same bar, then, moves as it loads
        # A TriG or N-Quads file keeps its named graphs: the default graph is then their union.
        self.union = parser_for(Path(graph_path)) in ("trig", "nquads")

    def named_graphs(self) -> list[str]:
        """IRIs of the named graphs in the store (one per article when serving graph.trig)."""
        return sorted(g.value for g in self.store.named_graphs() if hasattr(g, "value"))

    def query(self, text: str, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None) -> Results:
        """Run `text`; `default_graphs`/`named_graphs` select the dataset (SPARQL protocol parameters)."""
        import pyoxigraph as ox

        options: dict = {"prefixes": DEFAULT_PREFIXES}
        if default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        else:
            options["use_default_graph_as_union"] = self.union
        if named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            result = self.store.query(text, **options)
        except SyntaxError as exc:
            raise syntax_error(text, *(_rdflib_position(text) or _position_in(exc) or (None, None))) from None
        except ValueError as exc:  # an invalid graph IRI
            raise QuerySyntaxError(" ".join(str(exc).split())) from None
        return oxigraph_results(result)


def choose_engine(graph_path: Path, engine: str = "auto") -> str:
    """`engine` itself, or for `auto`: oxigraph for large files or when a fresh store exists, else rdflib."""
    if engine in ENGINES:
        return engine
    if engine != "auto":
        raise ValueError(f"unknown engine {engine!r}; choose auto, {', '.join(ENGINES)}")
    path = Path(graph_path)
    if not path.is_file():
        return "rdflib"
    if path.stat().st_size >= AUTO_OXIGRAPH_BYTES or _is_fresh(store_dir(path), path):
        return "oxigraph"
    return "rdflib"


def open_engine(graph_path: Path | str, engine: str = "auto",
                on_read: Callable[[int], None] | None = None) -> RdflibEngine | OxigraphEngine:
    """An engine over the graph file, chosen by `choose_engine` (`on_read`: see `ensure_store`)."""
    name = choose_engine(Path(graph_path), engine)
    return RdflibEngine(Path(graph_path)) if name == "rdflib" else OxigraphEngine(Path(graph_path), on_read)
