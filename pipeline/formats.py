"""The registry of outputs: every file a build or `diplograph export` can write, by the name options give it.

`build -f` offers the RDF outputs, `--store` stands in for the RDF outputs
a build writes by default (graph.ttl), `--skip` offers the other default
outputs, and `export --format` the network outputs (one file or two per view).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from diplograph.util.progress import Progress, no_progress


@dataclass(frozen=True)
class Reuse:
    """Where the last build's graph.ttl is indexed (graph/rdf/reuse.py), and the code it must have been written by."""

    index: Path
    fingerprint: str


class Sources:
    """What the writers of one run share, each made once: the graph's quads, its network views and their surveys."""

    def __init__(self, kg, views: Iterable[str] = ("actors", "full"), turtle_parts: int = 1,
                 layout: Path | None = None, reuse: Reuse | None = None) -> None:
        self.kg, self.views, self.turtle_parts, self.layout = kg, tuple(views), turtle_parts, layout
        self.reuse = reuse
        self._surveyed: dict = {}

    @cached_property
    def quads(self) -> list:
        from diplograph.graph.rdf.mapping import triples

        return list(triples(self.kg))

    @cached_property
    def unique(self) -> set:
        return {triple for _, triple in self.quads}

    def view(self, name: str):
        """The `Parts` of view `name` and their survey (one pass for all the formats)."""
        if name not in self._surveyed:
            from diplograph.graph.export.views import VIEWS
            from diplograph.graph.export.prepare import survey

            parts = VIEWS[name][1](self.kg)
            self._surveyed[name] = (parts, survey(parts))
        return self._surveyed[name]


Writer = Callable[[Sources, list[Path], "str | None"], None]  # (sources, the files to write, the view or None)


@dataclass(frozen=True)
class Output:
    """One output: its name, its files, the stage that writes it and how a summary names each file."""

    name: str  # as -f, --skip and export --format name it
    files: tuple[str, ...]  # file names in the output folder; "{stem}": each network view's stem (actors, graph)
    label: str  # a file's name in a build's summary ("{stem}" as above)
    rdf: bool  # an RDF serialization of the graph (--store stands in for the default one)
    default: bool  # every build writes it unless --skip (or, for RDF, --store) leaves it out
    stage: str  # the output stage that writes it; the stages run side by side
    writer: Writer

    @property
    def per_view(self) -> bool:
        return "{stem}" in self.files[0]

    def write(self, sources: Sources, out: Path) -> dict[str, Path]:
        """Write its files into `out` (each whole or not at all); summary label -> path, in order."""
        from diplograph.graph.export.views import VIEWS

        written: dict[str, Path] = {}
        for view in sources.views if self.per_view else (None,):
            stem = VIEWS[view][0] if view else ""
            paths = [out / name.format(stem=stem) for name in self.files]
            self.writer(sources, paths, view)
            for path in paths:
                written[self.label.format(stem=stem, file=path.name)] = path
        return written


def _turtle(src: Sources, paths: list[Path], view: str | None) -> None:
    if src.reuse is not None:
        from diplograph.graph.rdf.reuse import write_reusing

        write_reusing(src.kg, paths[0], src.reuse.index, src.reuse.fingerprint, src.turtle_parts)
        return
    from diplograph.graph.rdf.serialize import write_graph_ttl

    write_graph_ttl(src.kg, paths[0], src.turtle_parts)


def _text(render: Callable[[Sources], str]) -> Writer:
    def write(src: Sources, paths: list[Path], view: str | None) -> None:
        from diplograph.graph.rdf.serialize import write_text

        write_text(paths[0], render(src))
    return write


def _nt(src: Sources) -> str:
    from diplograph.graph.rdf.serialize import ntriples

    return ntriples(src.unique)


def _jsonld(src: Sources) -> str:
    from diplograph.graph.rdf.serialize import jsonld

    return jsonld(src.unique)


def _trig(src: Sources) -> str:
    from diplograph.graph.rdf.serialize import trig

    return trig(src.quads)


def _html(src: Sources, paths: list[Path], view: str | None) -> None:
    from diplograph.viz import write_html

    write_html(src.kg, paths[0], layout_cache=src.layout)


def _gexf(src: Sources, paths: list[Path], view: str | None) -> None:
    from diplograph.graph.export.gexf import write_gexf

    parts, summary = src.view(view)
    write_gexf(parts, paths[0], summary)


def _graphml(src: Sources, paths: list[Path], view: str | None) -> None:
    from diplograph.graph.export.views import write_graphml

    parts, summary = src.view(view)
    write_graphml(parts, paths[0], summary)


def _csv(src: Sources, paths: list[Path], view: str | None) -> None:
    from diplograph.graph.export.tables import write_csv

    parts, summary = src.view(view)
    write_csv(parts, paths[0], paths[1], summary)


OUTPUTS: dict[str, Output] = {o.name: o for o in (
    Output("ttl", ("graph.ttl",), "rdf (turtle)", rdf=True, default=True, stage="rdf", writer=_turtle),
    Output("jsonld", ("graph.jsonld",), "rdf (json-ld)", rdf=True, default=False, stage="rdf", writer=_text(_jsonld)),
    Output("nt", ("graph.nt",), "rdf (nt)", rdf=True, default=False, stage="rdf", writer=_text(_nt)),
    Output("trig", ("graph.trig",), "rdf (trig)", rdf=True, default=False, stage="rdf", writer=_text(_trig)),
    Output("html", ("graph.html",), "browser", rdf=False, default=True, stage="viz", writer=_html),
    Output("gexf", ("{stem}.gexf",), "gephi ({stem})", rdf=False, default=True, stage="export", writer=_gexf),
    Output("graphml", ("{stem}.graphml",), "graphml ({stem})", rdf=False, default=False, stage="export",
           writer=_graphml),
    Output("csv", ("{stem}-nodes.csv", "{stem}-edges.csv"), "csv ({file})", rdf=False, default=False,
           stage="export", writer=_csv),
)}

RDF = tuple(name for name, o in OUTPUTS.items() if o.rdf)  # what `build -f` offers
SKIPPABLE = tuple(name for name, o in OUTPUTS.items() if o.default and not o.rdf)  # what `build --skip` offers
NETWORK = tuple(name for name, o in OUTPUTS.items() if o.per_view)  # what `export --format` offers
ALIASES = {"turtle": "ttl", "json-ld": "jsonld", "ntriples": "nt", "n-triples": "nt"}


def find(name: str) -> Output:
    """The output called `name` (any case; `turtle` for `ttl`...); ValueError for an unknown one."""
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in OUTPUTS:
        raise ValueError(f"unknown output format {name!r}; choose from {', '.join(OUTPUTS)}")
    return OUTPUTS[key]


def chosen(formats: Iterable[str] = (), skips: Iterable[str] = (), store: bool = False) -> list[Output]:
    """What a build writes, in registry order: the default outputs but those skipped (and the default RDF
    with a store), and the outputs asked for (`formats`)."""
    asked = {find(name).name for name in formats}
    left = {find(name).name for name in skips}
    return [o for o in OUTPUTS.values()
            if o.name in asked or (o.default and o.name not in left and not (o.rdf and store))]


def write(kg, out_dir: Path, names: Iterable[str], **sources) -> dict[str, Path]:
    """Write the outputs `names` of `kg` into `out_dir` (created if need be), in registry order; label -> path.

    `sources`: the views, turtle_parts and layout cache of `Sources`."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    src = Sources(kg, **sources)
    wanted = {find(name).name for name in names}
    written: dict[str, Path] = {}
    for output in OUTPUTS.values():
        if output.name in wanted:
            written.update(output.write(src, out))
    return written


def export(kg, out_dir: Path, formats: Iterable[str], views: Iterable[str] = ("actors", "full"),
           progress: Progress = no_progress) -> list[Path]:
    """Write each view of `kg` in each network format into `out_dir`; the files written, view by view.

    `progress` wraps the views as they are written (a progress bar, one step per view)."""
    from diplograph.graph.export.views import VIEWS

    formats = _check(formats, NETWORK, "format")
    views = _check(views, VIEWS, "view")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for view in progress(views):
        src = Sources(kg, views=(view,))
        for name in formats:
            written.extend(OUTPUTS[name].write(src, out).values())
    return written


def _check(names: Iterable[str], known: Iterable[str], what: str) -> list[str]:
    names, known = list(names), list(known)
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"unknown {what} {unknown[0]!r}; choose from {', '.join(known)}")
    return list(dict.fromkeys(names))
