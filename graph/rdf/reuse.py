"""graph.ttl again after a change, rewriting only the subjects of the nodes that changed.

graph.ttl is its header and then one block per subject, in IRI order, each
block followed by a blank line, and a subject's block depends on that
subject's triples alone. Every subject but the places and topics belongs to
one node of the graph (`mapping.owned_subjects`: an article, actor,
interaction or statement, with its reports), so a node that is the same as
in the last build has the same blocks, and those are copied from the last
graph.ttl byte for byte. The `Index` kept in the cache folder says, for the
graph.ttl it was made with, where each subject's block lies and a digest of
each node; a build renders the blocks of new and changed nodes, and of the
places and topics (a few hundred, rendered every time), and merges them with
the old ones in IRI order. The file is the one a cold build writes
(tests/rdf/test_reuse.py), and is written whole or not at all.

When there is no index that fits the graph.ttl in the folder (a first build,
another version of diplograph, a file changed by hand), graph.ttl is written
from scratch (`serialize.write_graph_ttl`) and indexed by reading it back.
"""
from __future__ import annotations

import hashlib
import mmap
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from diplograph.graph.assembly.model import KnowledgeGraph
from diplograph.graph.rdf.mapping import PREFIXES, Owner, owned_subjects, owned_triples, owners, shared_triples
from diplograph.graph.rdf.serialize import _HEADER, write_graph_ttl
from diplograph.util.files import write_atomic

LAYOUT = 1  # bump when the index or the block layout changes
_HEAD = (_HEADER + "\n\n").encode("utf-8")
_GAP = b"\n\n"  # ends every block: its last line's newline and the blank line after it


@dataclass(frozen=True)
class Index:
    """Where each subject's block lies in one graph.ttl, and what each node was when it was written."""

    fingerprint: str  # the code and versions the file was written with (the caller's)
    state: tuple[int, int]  # size and modification time (ns) of the graph.ttl described
    owners: dict[str, tuple[bytes, tuple[str, ...]]]  # node key -> (digest of the node, its subjects)
    blocks: dict[str, tuple[int, int]]  # subject IRI -> (offset, length) of its block, blank line included


def node_key(node: Owner) -> str:
    """A node's key in the index: its kind and id."""
    return f"{type(node).__name__}:{getattr(node, 'key', None) or node.id}"


def digest(node: Owner) -> bytes:
    """A digest of everything the node's triples are made from: its fields, nested records included (its repr,
    the fastest of repr, pickle and hash here: some 10-25 us a node)."""
    return hashlib.blake2b(repr(node).encode("utf-8"), digest_size=16).digest()


def write_reusing(kg: KnowledgeGraph, path: Path, index_path: Path, fingerprint: str, parts: int = 1) -> Path:
    """Write graph.ttl of `kg` to `path`, reusing the blocks of the last one where `index_path` says it may;
    keep the new file's index there. `fingerprint` names the code the blocks were made with."""
    path, index_path = Path(path), Path(index_path)
    old = load_index(index_path, path, fingerprint)
    index = _rewrite(kg, path, old) if old is not None else None
    if index is None:
        write_graph_ttl(kg, path, parts)
        index = index_of(kg, path)
    if index is None:
        index_path.unlink(missing_ok=True)
    else:
        save_index(index_path, Index(fingerprint, _state(path), index.owners, index.blocks))
    return path


def _state(path: Path) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns


def load_index(index_path: Path, path: Path, fingerprint: str) -> Index | None:
    """The index kept at `index_path` if it describes the graph.ttl now at `path`, written by this code; else None."""
    try:
        with open(index_path, "rb") as handle:
            layout, index = pickle.load(handle)
        if layout != LAYOUT or index.fingerprint != fingerprint or index.state != _state(path):
            return None
    except (OSError, EOFError, ValueError, TypeError, AttributeError, pickle.UnpicklingError):
        return None
    return index


def save_index(index_path: Path, index: Index) -> None:
    write_atomic(index_path, lambda tmp: tmp.write_bytes(pickle.dumps((LAYOUT, index), protocol=5)))


def _rewrite(kg: KnowledgeGraph, path: Path, old: Index) -> Index | None:
    """Write graph.ttl from the old file's blocks and the new nodes' (None if the old blocks do not add up)."""
    kept: list[tuple[str, tuple[int, int]]] = []
    owners_now: dict[str, tuple[bytes, tuple[str, ...]]] = {}
    changed: list[Owner] = []
    for node in owners(kg):
        key, mark = node_key(node), digest(node)
        before = old.owners.get(key)
        if before is not None and before[0] == mark:
            owners_now[key] = before
            if not all(subject in old.blocks for subject in before[1]):
                return None  # an index that does not add up: write the file anew
            kept.extend((subject, old.blocks[subject]) for subject in before[1])
        else:
            owners_now[key] = (mark, tuple(str(s) for s in owned_subjects(node)))
            changed.append(node)
    fresh = _render([t for node in changed for t in owned_triples(node)] + list(shared_triples(kg)))
    if fresh is None:
        return None
    entries = sorted(kept + fresh, key=lambda entry: entry[0])
    if any(a[0] == b[0] for a, b in zip(entries, entries[1:])):
        return None  # a subject twice: not what the index was made for
    blocks: dict[str, tuple[int, int]] = {}

    def write(tmp: Path) -> None:  # the last graph.ttl is read while the new one is written beside it
        with open(path, "rb") as source, mmap.mmap(source.fileno(), 0, access=mmap.ACCESS_READ) as last, \
                open(tmp, "wb") as out:
            out.write(_HEAD)
            offset = len(_HEAD)
            run = (0, 0)  # a range of the last file still to copy: consecutive old blocks are copied at once
            for subject, block in entries:
                if isinstance(block, bytes):
                    out.write(last[run[0]:run[1]])
                    out.write(block)
                    run, length = (0, 0), len(block)
                else:
                    start, length = block
                    if start != run[1]:
                        out.write(last[run[0]:run[1]])
                        run = (start, start)
                    run = (run[0], start + length)
                blocks[subject] = (offset, length)
                offset += length
            out.write(last[run[0]:run[1]])

    write_atomic(path, write)
    return Index("", (0, 0), owners_now, blocks)


def _render(triples: list) -> list[tuple[str, bytes]] | None:
    """(subject IRI, block) of every subject of `triples`, in IRI order, as graph.ttl has them; None if the Turtle
    is not one block per subject (then graph.ttl is written from scratch)."""
    from diplograph.graph.rdf.serialize import turtle

    if not triples:
        return []
    subjects = sorted({str(t[0]) for t in triples})
    body = turtle(triples).encode("utf-8")[len(_HEAD):]
    blocks = body.split(_GAP)
    if blocks[-1] != b"" or len(blocks) - 1 != len(subjects):
        return None
    return [(subject, block + _GAP) for subject, block in zip(subjects, blocks)]


def index_of(kg: KnowledgeGraph, path: Path) -> Index | None:
    """The index of the graph.ttl of `kg` at `path` (written from scratch), read back block by block; None when
    its blocks are not the subjects the graph has, one each in IRI order (then the next build writes it anew)."""
    owners_now: dict[str, tuple[bytes, tuple[str, ...]]] = {}
    for node in owners(kg):
        owners_now[node_key(node)] = (digest(node), tuple(str(s) for s in owned_subjects(node)))
    subjects = sorted({s for _, owned in owners_now.values() for s in owned} | {str(t[0]) for t in shared_triples(kg)})
    labels = sorted(((str(iri), name) for name, iri in PREFIXES.items()), key=lambda p: -len(p[0]))
    blocks: dict[str, tuple[int, int]] = {}
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if data[:len(_HEAD)] != _HEAD:
            return None
        offset = len(_HEAD)
        for subject in subjects:
            end = data.find(_GAP, offset)
            if end < 0 or not data[offset:offset + 256].startswith((_written(subject, labels), b"<")):
                return None
            blocks[subject] = (offset, end + len(_GAP) - offset)
            offset = end + len(_GAP)
        if offset != len(data):
            return None
    return Index("", (0, 0), owners_now, blocks)


def _written(subject: str, labels: list[tuple[str, str]]) -> bytes:
    """How a block of `subject` starts: its prefix (`actor:`) or, outside every prefix, `<`."""
    for namespace, name in labels:
        if subject.startswith(namespace):
            return f"{name}:".encode("utf-8")
    return b"<"
