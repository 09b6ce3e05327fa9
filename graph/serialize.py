"""Write the graph files of a build (graph.ttl, and on request graph.jsonld, graph.nt, graph.trig), atomically.

Each file is written to a temporary file in the output folder and renamed
into place, so a reader never sees half a graph. The output is byte-stable:
the same `KnowledgeGraph` gives the same bytes (N-Triples lines are sorted,
TriG graphs are written in IRI order, JSON-LD arrays are sorted).
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from diplograph.graph.model import KnowledgeGraph
from diplograph.graph.rdf import bind_prefixes, to_dataset, to_graph
from diplograph.ontology.vocab import context_path

# canonical format name -> file name
FILES = {"turtle": "graph.ttl", "json-ld": "graph.jsonld", "nt": "graph.nt", "trig": "graph.trig"}
ALIASES = {"ttl": "turtle", "jsonld": "json-ld", "ntriples": "nt", "n-triples": "nt"}
FORMATS = tuple(FILES)


def format_name(name: str) -> str:
    """The canonical name of output format `name` (`ttl` -> `turtle`); ValueError for an unknown one."""
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in FILES:
        raise ValueError(f"unknown graph format {name!r}; choose from {', '.join(FORMATS)}")
    return key


def write_atomic(path: Path, write: Callable[[Path], None]) -> Path:
    """Call `write(tmp)` on a temp file beside `path`, then rename it to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def _text_writer(text: str) -> Callable[[Path], None]:
    return lambda tmp: tmp.write_text(text, encoding="utf-8", newline="\n")


def turtle(graph: Graph) -> str:
    """Turtle text of `graph` (rdflib sorts subjects and objects, so it is stable)."""
    return graph.serialize(format="turtle")


def ntriples(graph: Graph) -> str:
    """N-Triples text of `graph`, one sorted line per triple."""
    lines = sorted(line for line in graph.serialize(format="nt").splitlines() if line.strip())
    return "\n".join(lines) + "\n"


def _sorted_json(value):
    if isinstance(value, dict):
        return {k: _sorted_json(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def jsonld(graph: Graph) -> str:
    """Compact JSON-LD of `graph` with the diplograph context embedded (ontology/context.jsonld)."""
    context = json.loads(context_path().read_text("utf-8"))["@context"]
    data = json.loads(graph.serialize(format="json-ld", context=context))
    body = {k: _sorted_json(v) for k, v in data.items() if k != "@context"}
    return json.dumps({"@context": context, **body}, ensure_ascii=False, indent=2) + "\n"


def trig(dataset: Dataset) -> str:
    """TriG text of `dataset`: the shared default graph first, then one block per named graph in IRI order."""
    prefixes: set[str] = set()
    blocks: list[str] = []
    graphs = sorted(dataset.graphs(), key=lambda g: (g.identifier != DATASET_DEFAULT_GRAPH_ID, str(g.identifier)))
    for graph in graphs:
        if len(graph) == 0:
            continue
        lines = turtle(bind_prefixes(Graph(store=graph.store, identifier=graph.identifier))).split("\n")
        head = 0  # the prefix lines lead the text; the rest is left as is (literals may span lines)
        while head < len(lines) and lines[head].startswith("@prefix "):
            prefixes.add(lines[head])
            head += 1
        name = "" if graph.identifier == DATASET_DEFAULT_GRAPH_ID else f"<{graph.identifier}> "
        blocks.append(name + "{\n" + "\n".join(lines[head:]).strip("\n") + "\n}\n")
    return "\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)


def write_outputs(kg: KnowledgeGraph, out_dir: Path | str, formats: Iterable[str] = ("turtle",)) -> dict[str, Path]:
    """Write graph.ttl (always) and the other requested formats into `out_dir`; format name -> path written."""
    out = Path(out_dir)
    wanted = {"turtle"} | {format_name(f) for f in formats}
    graph = to_graph(kg)
    written: dict[str, Path] = {}
    for name in FORMATS:
        if name not in wanted:
            continue
        if name == "turtle":
            text = turtle(graph)
        elif name == "nt":
            text = ntriples(graph)
        elif name == "json-ld":
            text = jsonld(graph)
        else:
            text = trig(to_dataset(kg))
        written[name] = write_atomic(out / FILES[name], _text_writer(text))
    return written
