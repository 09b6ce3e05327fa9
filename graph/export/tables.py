"""Node and edge tables as CSV, in the shape Gephi's spreadsheet import and pandas both read.

Nodes: `Id, Label, Timeset, Start, End, <attributes…>`; edges: `Source, Target,
Type, Id, Label, Timeset, Start, End, <attributes…>`. `Type` is `Directed`
or `Undirected` per row, `Timeset` is Gephi's interval set
(`<[2022-02-24, 2022-02-24]>`), `Start`/`End` the same dates as plain ISO
columns for pandas; all three are empty for undated rows and for nodes that
are always visible. Files are UTF-8 *without* a byte-order mark: Gephi
0.9.2 reads a BOM as part of the first header, and then finds no `Id` or
`Source` column; pandas reads either.

Attribute names that Gephi would take for one of its own columns (it
matches them case-insensitively) are renamed: an edge's `type` becomes
`fact_type`, anything else clashing gets an `attr_` prefix.
"""
from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import networkx as nx

from diplograph.graph.export.gexf import EVENT_KINDS, date_span
from diplograph.util.files import write_atomic
from diplograph.graph.export.prepare import Parts, Survey, parts_of, prepared_edges, prepared_nodes, survey

NODE_HEAD = ("Id", "Label", "Timeset", "Start", "End")
EDGE_HEAD = ("Source", "Target", "Type", "Id", "Label", "Timeset", "Start", "End")
# Edge attributes given a clearer name than the generic prefix.
CSV_EDGE_RENAMES = {"type": "fact_type"}
# Gephi spreadsheet columns with a meaning of their own, beyond the heads above.
GEPHI_SPECIAL = frozenset({"weight", "interval", "intervals", "time interval", "timestamp", "timestamps"})


def _cell(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _column_names(names: list[str], head: tuple[str, ...], renames: dict[str, str]) -> dict[str, str]:
    """Attribute name -> CSV column name, clear of the head columns and of each other."""
    taken = {h.lower() for h in head} | GEPHI_SPECIAL
    out: dict[str, str] = {}
    for name in names:
        column = renames.get(name, name)
        while column.lower() in taken:
            column = f"attr_{column}"
        taken.add(column.lower())
        out[name] = column
    return out


def _timeset(data: dict) -> tuple[str, str, str]:
    span = date_span(data.get("date", ""))
    if not span:
        return "", "", ""
    return f"<[{span[0]}, {span[1]}]>", span[0], span[1]


def _attribute_names(types: dict[str, type]) -> list[str]:
    return [name for name in types if name != "label"]


def _write(path: Path, header: list[str], rows) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


def node_rows(parts: Parts, summary: Survey) -> tuple[list[str], Iterator[list[str]]]:
    """Header and rows (generated as they are written) of the node table."""
    names = _attribute_names(summary.node_types)
    columns = _column_names(names, NODE_HEAD, {})

    def rows() -> Iterator[list[str]]:
        for node, data in prepared_nodes(parts):
            timing = _timeset(data) if data.get("kind") in EVENT_KINDS else ("", "", "")
            row = [node, _cell(data.get("label", node)), *timing]
            row += [_cell(data[n]) if n in data else "" for n in names]
            yield row

    return [*NODE_HEAD, *columns.values()], rows()


def edge_rows(parts: Parts, summary: Survey) -> tuple[list[str], Iterator[list[str]]]:
    """Header and rows (generated as they are written) of the edge table."""
    names = _attribute_names(summary.edge_types)
    columns = _column_names(names, EDGE_HEAD, CSV_EDGE_RENAMES)

    def rows() -> Iterator[list[str]]:
        for u, v, key, data in prepared_edges(parts, summary.keys_are_ids):
            kind = "Directed" if data.get("directed", 1) else "Undirected"
            row = [u, v, kind, key, _cell(data.get("label", "")), *_timeset(data)]
            row += [_cell(data[n]) if n in data else "" for n in names]
            yield row

    return [*EDGE_HEAD, *columns.values()], rows()


def write_csv(g: nx.MultiDiGraph | Parts, nodes_path: Path, edges_path: Path,
              summary: Survey | None = None) -> tuple[Path, Path]:
    """Write the node table and the edge table of `g` (each via a temporary file), row by row.

    `summary`, when given, is `survey(g)` already made.
    """
    parts = parts_of(g)
    summary = summary if summary is not None else survey(parts)
    for path, table in ((nodes_path, node_rows), (edges_path, edge_rows)):
        write_atomic(Path(path), lambda tmp, table=table: _write(tmp, *table(parts, summary)))
    return Path(nodes_path), Path(edges_path)
