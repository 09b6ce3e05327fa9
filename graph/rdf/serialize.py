"""The RDF files of a graph (Turtle streamed to graph.ttl; N-Triples, JSON-LD, TriG as text), written atomically.

pipeline/formats.py, the registry of outputs, names the files and calls these writers.

Each file is written to a temporary file in the output folder and renamed
into place, so a reader never sees half a graph. The output is byte-stable:
the same `KnowledgeGraph` gives the same bytes (triples are sorted before
writing, TriG graphs come in IRI order, JSON-LD arrays are sorted). Turtle,
N-Triples and TriG are written by pyoxigraph, which is some twenty times
faster than rdflib's serializers on large graphs.
"""
from __future__ import annotations

import bisect
import itertools
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

from rdflib import Graph, Literal, URIRef

from diplograph.util.files import write_atomic
from diplograph.util.forked import beside
from diplograph.graph.assembly.model import KnowledgeGraph
from diplograph.graph.rdf.mapping import PREFIXES, article_graph, triples
from diplograph.ontology.vocab import context_path

def _text_writer(text: str) -> Callable[[Path], None]:
    return lambda tmp: tmp.write_text(text, encoding="utf-8", newline="\n")


def _ox(term):
    """An rdflib term as a pyoxigraph term."""
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    return ox.BlankNode(str(term))


def _key(term) -> tuple[str, str, str]:
    """A sort key of plain strings (rdflib's own term ordering is slow and type-dependent)."""
    if isinstance(term, Literal):
        return ("2", str(term), term.language or str(term.datatype or ""))
    return ("0" if isinstance(term, URIRef) else "1", str(term), "")


def _triple_key(triple) -> tuple:
    return tuple(_key(t) for t in triple)


# The prefixes as Oxigraph's serializers take them, and the header every diplograph file starts with (sorted).
_OX_PREFIXES = {name: str(iri) for name, iri in PREFIXES.items()}
_HEADER = "\n".join(f"@prefix {name}: <{iri}> ." for name, iri in sorted(PREFIXES.items()))


def _with_header(body: bytes) -> str:
    """Oxigraph's output with its @prefix lines replaced by all diplograph prefixes, sorted."""
    lines = body.decode("utf-8").split("\n")
    head = 0
    while head < len(lines) and lines[head].startswith("@prefix "):
        head += 1
    return _HEADER + "\n\n" + "\n".join(_spaced(lines[head:]))


def _spaced(lines: list[str]) -> list[str]:
    """A blank line between subjects and around graph blocks (literals never span lines in this output)."""
    out: list[str] = []
    depth = 0
    for line in lines:
        indent = len(line) - len(line.lstrip("\t"))
        if out and out[-1] and (
                (out[-1].endswith(" .") and line != "}" and indent <= depth) or out[-1] == "}"):
            out.append("")
        out.append(line)
        if line.endswith("{"):
            depth = 1
        elif line == "}":
            depth = 0
    return out


def _terms() -> Callable:
    """A converter from rdflib terms to (sort key, pyoxigraph term), memoised: most terms recur many times."""
    seen: dict = {}

    def convert(term):
        hit = seen.get(term)
        if hit is None:
            hit = seen[term] = (_key(term), _ox(term))
        return hit

    return convert


def _ordered(triples: Iterable) -> list:
    """pyoxigraph triples of `triples`, without repeats, in the order of `_triple_key`."""
    import pyoxigraph as ox

    convert = _terms()
    rows = []
    for s, p, o in set(triples):
        (ks, xs), (kp, xp), (ko, xo) = convert(s), convert(p), convert(o)
        rows.append(((ks, kp, ko), xs, xp, xo))
    rows.sort(key=lambda row: row[0])
    return [ox.Triple(xs, xp, xo) for _, xs, xp, xo in rows]


@dataclass(frozen=True)
class ToFile:
    """`turtle(ToFile(triples, path))` streams the Turtle of `triples` into `path` instead of returning it.

    `more` are further parts of the same graph, sorted in processes of their own (see `write_turtle`).
    """

    triples: Iterable
    path: Path
    more: Sequence[Iterable] = ()


def turtle(triples: Iterable | ToFile) -> str | None:
    """Turtle text of `triples`, subjects sorted, grouped with `;` and `,` (written by pyoxigraph: fast).

    Given a `ToFile`, the same bytes go to its path, in bounded memory, and nothing is returned.
    """
    import pyoxigraph as ox

    if isinstance(triples, ToFile):
        try:
            return write_turtle(triples.triples, triples.path, triples.more)
        except _NoNul:
            text = turtle(itertools.chain(triples.triples, *triples.more))
            triples.path.write_text(text, encoding="utf-8", newline="\n")
            return None

    body = ox.serialize(_ordered(triples), format=ox.RdfFormat.TURTLE,
                        prefixes=_OX_PREFIXES)
    return _with_header(body)


# --- Turtle for graphs of any size -------------------------------------------
# The same bytes as `turtle`, in bounded memory: each triple becomes one string
# whose order is `_triple_key`'s (its nine key fields joined by NUL, which no
# field holds); runs of SORT_RUN of them are sorted and spilled to a temporary
# file, the runs are merged, and the merged stream goes through pyoxigraph's
# serializer and the header/spacing pass line by line.

SORT_RUN = 300_000  # triples sorted in memory at once


class _NoNul(ValueError):
    """A term holds a NUL character: the streaming writer cannot order it; the in-memory one is used."""


def _flat(triple, cache: dict) -> str:
    parts = []
    for term in triple:
        key = cache.get(term)
        if key is None:
            kind, text, extra = _key(term)
            if "\x00" in text:
                raise _NoNul(text[:40])
            key = cache[term] = f"{kind}\x00{text}\x00{extra}"
        parts.append(key)
    return "\x00".join(parts)


def _term(kind: str, text: str, extra: str, named: dict):
    import pyoxigraph as ox

    if kind == "0":
        node = named.get(text)
        if node is None:
            node = named[text] = ox.NamedNode(text)
        return node
    if kind == "1":
        return ox.BlankNode(text)
    if not extra:
        return ox.Literal(text)
    if ":" in extra:  # a datatype IRI (a language tag has no colon)
        return ox.Literal(text, datatype=_term("0", extra, "", named))
    return ox.Literal(text, language=extra)


def _runs(triples: Iterable, folder: Path) -> list:
    """Sorted runs of the flattened triples: the last in memory, the others in files (one escaped line each)."""
    runs: list = []
    run: set[str] = set()
    cache: dict = {}
    for triple in triples:
        run.add(_flat(triple, cache))
        if len(cache) > SORT_RUN:
            cache.clear()
        if len(run) >= SORT_RUN:
            runs.append(_spill(sorted(run), folder))
            run = set()
    runs.append(sorted(run))
    return runs


def _spill(lines: list[str], folder: Path) -> Path:
    fd, name = tempfile.mkstemp(dir=folder, prefix=".sort-", suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        for line in lines:
            handle.write(line.encode("unicode_escape") + b"\n")
    return Path(name)


def _read_run(path: Path):
    with open(path, "rb") as handle:
        for line in handle:
            yield line[:-1].decode("unicode_escape")


def _merged(runs: list, low: str | None = None, high: str | None = None) -> Iterable:
    """The lines of `runs` in order, each once; only those from `low` (inclusive) to `high` when given."""
    import heapq

    streams = [_between(_read_run(r), low, high) if isinstance(r, Path) else iter(_slice(r, low, high))
               for r in runs]
    last = None
    for line in heapq.merge(*streams) if len(streams) > 1 else streams[0]:
        if line != last:
            yield line
            last = line


def _slice(run: list[str], low: str | None, high: str | None) -> list[str]:
    return run[bisect.bisect_left(run, low) if low else 0:bisect.bisect_left(run, high) if high else len(run)]


def _between(lines: Iterable[str], low: str | None, high: str | None) -> Iterable[str]:
    for line in lines:
        if low and line < low:
            continue
        if high and line >= high:
            return
        yield line


def _stream_triples(lines: Iterable[str]):
    import pyoxigraph as ox

    named: dict = {}
    last, subject = None, None
    for line in lines:
        f = line.split("\x00")
        if (f[0], f[1]) != last:  # the lines come sorted by subject: each subject is made once
            last, subject = (f[0], f[1]), _term(f[0], f[1], f[2], named)
        yield ox.Triple(subject, _term(f[3], f[4], f[5], named), _term(f[6], f[7], f[8], named))
        if len(named) > SORT_RUN:
            named.clear()


def _spaced_stream(lines: Iterable[str]):
    """`_spaced` one line at a time."""
    previous = None
    depth = 0
    for line in lines:
        indent = len(line) - len(line.lstrip("\t"))
        if previous and ((previous.endswith(" .") and line != "}" and indent <= depth) or previous == "}"):
            yield ""
        yield line
        previous = line
        if line.endswith("{"):
            depth = 1
        elif line == "}":
            depth = 0


def _split_lines(handle):
    """The lines of a binary file exactly as `text.split("\\n")` gives them (a final "" after a last newline)."""
    ended = True
    for raw in handle:
        ended = raw.endswith(b"\n")
        yield (raw[:-1] if ended else raw).decode("utf-8")
    if ended:
        yield ""


# --- two processes for one graph.ttl ----------------------------------------------
# A line starts with its subject's three fields, and NUL sorts below every character the fields hold, so
# SUBJECT + NUL splits the sorted lines exactly between subjects: one process serializes the subjects
# below it, another those from it on, and the two bodies, joined, are the one body.

def _subject_marker(line: str) -> str:
    return "\x00".join(line.split("\x00", 3)[:3]) + "\x00"


def _sample(run, count: int = 16) -> list[tuple[str, float]]:
    """`count` lines spread evenly over the bytes of a sorted run, each with the bytes it stands for."""
    if isinstance(run, list):
        if not run:
            return []
        ends = list(itertools.accumulate(len(line) + 1 for line in run))
        step = ends[-1] / count
        picks = [min(len(run) - 1, bisect.bisect_left(ends, i * step)) for i in range(count)]
        return [(run[i], step) for i in picks]
    size, picked = run.stat().st_size, []
    with open(run, "rb") as handle:
        for i in range(count):
            handle.seek(size * i // count)
            if i:
                handle.readline()  # the rest of the line the offset fell in
            raw = handle.readline()
            if raw:
                picked.append(raw[:-1].decode("unicode_escape"))
    return [(line, size / len(picked)) for line in picked]


def _middle_subject(runs: list) -> str | None:
    """A subject marker with about half of the bytes of all runs below it, from a sample of every run.

    Bytes, not lines: the time to serialize a range follows its text (an article's triples are long).
    """
    weighted = sorted(pair for run in runs for pair in _sample(run))
    half, seen = sum(w for _, w in weighted) / 2, 0.0
    for line, weight in weighted:
        seen += weight
        if seen >= half:
            return _subject_marker(line)
    return None


def write_turtle(triples: Iterable, path: Path, more: Sequence[Iterable] = ()) -> None:
    """Write the Turtle of `triples` to `path`: the bytes `turtle` gives, in memory bounded by SORT_RUN.

    `more` are further parts of the same graph: each is sorted into runs in a forked process of its own
    (where forking is safe, else here) beside this one; the runs are then merged and serialized as two
    ranges of subjects, one of them in a forked process, and the two joined into the one file.
    """
    folder = path.parent
    pending: list[Callable] = [beside(_spilled_runs, part, folder) for part in more]
    made: list[Path] = []  # every temporary file, removed at the end
    try:
        runs = _runs(triples, folder)
        made += [run for run in runs if isinstance(run, Path)]
        while pending:
            got = pending.pop(0)()
            runs += got
            made += got
        middle = _middle_subject(runs) if more else None
        if middle is None:
            bodies = [_body(runs, None, None, folder)]
            made += bodies
        else:
            pending.append(beside(_body, runs, middle, None, folder))
            first = _body(runs, None, middle, folder)
            made.append(first)
            second = pending.pop()()
            made.append(second)
            bodies = [first, second]
        with open(path, "wb") as out:
            out.write(_HEADER.encode("utf-8") + b"\n\n")
            lines = itertools.chain.from_iterable(_body_lines(body, body is bodies[-1]) for body in bodies)
            for n, text in enumerate(_spaced_stream(lines)):
                out.write((b"\n" if n else b"") + text.encode("utf-8"))
    finally:
        for wait in pending:  # after a failure: let the other processes finish, then drop their files
            try:
                got = wait()
                made += got if isinstance(got, list) else [got]
            except Exception:  # noqa: BLE001 - the first failure is the one raised
                pass
        for temporary in made:
            temporary.unlink(missing_ok=True)


def _body(runs: list, low: str | None, high: str | None, folder: Path) -> Path:
    """A temporary file with pyoxigraph's Turtle of the merged lines of `runs` from `low` to `high`."""
    import pyoxigraph as ox

    fd, name = tempfile.mkstemp(dir=folder, prefix=".body-", suffix=".tmp")
    os.close(fd)
    body = Path(name)
    try:
        ox.serialize(_stream_triples(_merged(runs, low, high)), output=str(body), format=ox.RdfFormat.TURTLE,
                     prefixes=_OX_PREFIXES)
    except BaseException:
        body.unlink(missing_ok=True)
        raise
    return body


def _body_lines(body: Path, last: bool) -> Iterable[str]:
    """The lines of a body after its @prefix lines; the empty line after its final newline only if `last`."""
    with open(body, "rb") as source:
        lines = _split_lines(source)
        line = next(lines, None)
        while line is not None and line.startswith("@prefix "):
            line = next(lines, None)
        rest = itertools.chain([line], lines) if line is not None else iter(())
        previous = None
        for line in rest:
            if previous is not None:
                yield previous
            previous = line
        if previous is not None and (last or previous != ""):
            yield previous


def _spilled_runs(triples: Iterable, folder: Path) -> list[Path]:
    """`_runs`, every run in a file (for a process that hands its runs on)."""
    return [run if isinstance(run, Path) else _spill(run, folder) for run in _runs(triples, folder) if run]


def ntriples(triples: Iterable) -> str:
    """N-Triples text of `triples`, one sorted line per triple."""
    import pyoxigraph as ox

    body = ox.serialize((ox.Triple(*map(_ox, t)) for t in set(triples)), format=ox.RdfFormat.N_TRIPLES)
    lines = sorted(line for line in body.decode("utf-8").splitlines() if line.strip())
    return "\n".join(lines) + "\n"


def _sorted_json(value):
    if isinstance(value, dict):
        return {k: _sorted_json(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def jsonld(triples: Iterable) -> str:
    """Compact JSON-LD of `triples` with the diplograph context embedded (ontology/context.jsonld)."""
    graph = Graph()
    for triple in set(triples):
        graph.add(triple)
    context = json.loads(context_path().read_text("utf-8"))["@context"]
    data = json.loads(graph.serialize(format="json-ld", context=context))
    body = {k: _sorted_json(v) for k, v in data.items() if k != "@context"}
    return json.dumps({"@context": context, **body}, ensure_ascii=False, indent=2) + "\n"


def trig(quads: Iterable[tuple[str | None, tuple]]) -> str:
    """TriG text: the shared triples in the default graph, then one named graph per article, in IRI order.

    `quads` are (article id or None, triple) pairs as `mapping.triples` yields them.
    """
    import pyoxigraph as ox

    unique = {(article_id, triple) for article_id, triple in quads}
    ordered = sorted(unique, key=lambda q: ("" if q[0] is None else "1" + str(article_graph(q[0])),
                                            _triple_key(q[1])))
    body = ox.serialize(
        (ox.Quad(*map(_ox, triple), ox.DefaultGraph() if aid is None else ox.NamedNode(str(article_graph(aid))))
         for aid, triple in ordered),
        format=ox.RdfFormat.TRIG, prefixes=_OX_PREFIXES)
    return _with_header(body)


def _turtle_writer(kg: KnowledgeGraph, parts: int = 1) -> Callable[[Path], None]:
    first, more = _Triples(kg, (0, parts)), [_Triples(kg, (k, parts)) for k in range(1, parts)]
    return lambda tmp: turtle(ToFile(first, tmp, more))


class _Triples:
    """The triples of `kg` (or of its `part`, see `mapping.triples`), iterable more than once."""

    def __init__(self, kg: KnowledgeGraph, part: tuple[int, int] = (0, 1)) -> None:
        self.kg, self.part = kg, part

    def __iter__(self):
        return (triple for _, triple in triples(self.kg, self.part))


def write_graph_ttl(kg: KnowledgeGraph, path: Path, turtle_parts: int = 1) -> Path:
    """Write the Turtle of `kg` to `path`, streamed (memory bounded however large the graph), its triples sorted
    in `turtle_parts` processes side by side."""
    return write_atomic(Path(path), _turtle_writer(kg, turtle_parts))


def write_text(path: Path, text: str) -> Path:
    """Write `text` (a graph serialized in memory) to `path`."""
    return write_atomic(Path(path), _text_writer(text))
