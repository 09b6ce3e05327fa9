"""Stable IRIs for the nodes of the graph, derived only from keys and ids.

An IRI depends on nothing but the key (`joe-biden`, `zh-库莱巴`) or id, so the
same corpus gives the same IRIs on every run and machine. Keys may hold
Chinese characters: those stay as they are (IRIs are Unicode, RFC 3987);
anything that is not an unreserved IRI character (`/`, `#`, `%`, spaces …)
is percent-encoded, so every segment decodes back to its key exactly.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote

from rdflib import URIRef

from diplograph.ontology.namespace import ID as BASE  # the id space the ontology states (void:uriSpace)

_ASCII_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PLAIN = re.compile(r"[A-Za-z0-9._~-]+")  # keys that are their own segment (hex ids, ASCII slugs): the common case
_KINDS = ("actor", "interaction", "statement", "article", "topic", "place", "graph")


def _keep(ch: str) -> bool:
    """True for the characters an IRI segment may carry unencoded."""
    if ch in _ASCII_UNRESERVED:
        return True
    if ord(ch) < 0x80:
        return False
    # RFC 3987 ucschar ranges, and of those only letters, marks, numbers,
    # punctuation and symbols (no spaces, controls, format characters).
    code = ord(ch)
    in_ucschar = (0xA0 <= code <= 0xD7FF or 0xF900 <= code <= 0xFDCF or 0xFDF0 <= code <= 0xFFEF
                  or (code >= 0x10000 and (code & 0xFFFF) <= 0xFFFD and code <= 0xEFFFD))
    return in_ucschar and unicodedata.category(ch)[0] in "LMNPS"


def segment(key: str) -> str:
    """`key` as one IRI path segment: Unicode letters kept, everything unsafe percent-encoded."""
    if not key:
        raise ValueError("an IRI segment needs a non-empty key")
    if _PLAIN.fullmatch(key):
        return key
    return "".join(ch if _keep(ch) else "".join(f"%{b:02X}" for b in ch.encode("utf-8")) for ch in key)


@lru_cache(maxsize=65536)  # an actor or article IRI recurs in thousands of triples; each takes microseconds
def iri(kind: str, key: str) -> URIRef:
    """The IRI of the node of `kind` (actor, interaction, statement, article, topic, place, graph) with `key`."""
    if kind not in _KINDS:
        raise ValueError(f"unknown node kind {kind!r}")
    return BASE[f"{kind}/{segment(key)}"]


def key_of(node: URIRef, kind: str) -> str:
    """The key that `iri(kind, key)` was made from; ValueError when `node` is not such an IRI."""
    prefix = f"{BASE}{kind}/"
    text = str(node)
    if not text.startswith(prefix) or "/" in text[len(prefix):]:
        raise ValueError(f"{node} is not a diplograph {kind} IRI")
    return unquote(text[len(prefix):])


def report_iri(owner: URIRef, article_id: str, block: int, sentence: int, start: int, end: int,
               n: int = 1) -> URIRef:
    """The IRI of one article's report of the interaction or statement `owner`, named by its position."""
    suffix = "" if n == 1 else f"~{n}"
    return URIRef(f"{owner}/report/{segment(article_id)}/{block}.{sentence}.{start}-{end}{suffix}")
