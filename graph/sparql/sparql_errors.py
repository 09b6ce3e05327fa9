"""A SPARQL parser's complaint, said for people: where it is, the text there, and what to do.

The parsers answer with their grammar ("expected one of LATERAL, SERVICE…",
six hundred characters of Unicode ranges for an unknown prefix). Here the
query itself is read instead: an undeclared prefix is named with the line
that declares it; any other error is the line, the column and the text
found there, with a hint when the braces or quotes do not balance. Both
engines report through `explain`, with the position Oxigraph's parser gives,
so a query gets the same message whichever engine runs it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_PREFIX_DECL = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.I)
# a prefixed name: `dg:Article`, `foo:bar`, `:x` (not a variable, a blank node `_:b`, or inside a word)
_PREFIXED = re.compile(r"(?<![\w?$:.\-])([A-Za-z][\w-]*(?:\.[\w-]+)*)?:(?=[\w%\\])")
_SNIPPET = 24


def blanked(text: str) -> str:
    """`text` with its strings, IRIs and comments replaced by spaces (positions kept), for scanning."""
    out, i, n = list(text), 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            end = text.find("\n", i)
            end = n if end < 0 else end
        elif ch == "<" and (close := re.match(r"<[^<>\"{}|^`\\\s]*>", text[i:])):
            end = i + len(close.group(0))
        elif ch in "\"'":
            quote = ch * 3 if text.startswith(ch * 3, i) else ch
            end = i + len(quote)
            while end < n and not text.startswith(quote, end) and (len(quote) == 3 or text[end] != "\n"):
                end += 2 if text[end] == "\\" else 1
            end = min(n, end + len(quote))
        else:
            i += 1
            continue
        for k in range(i, end):
            if out[k] != "\n":
                out[k] = " "
        i = end
    return "".join(out)


def position(text: str, offset: int) -> tuple[int, int]:
    """(line, column), both from 1, of character `offset` of `text`."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def undeclared_prefixes(text: str, known: Iterable[str]) -> list[tuple[str, int, int]]:
    """(prefix, line, column) of each prefix used but neither declared in `text` nor in `known`."""
    plain = blanked(text)
    declared = set(known) | {m.group(1) or "" for m in _PREFIX_DECL.finditer(plain)}
    declared_at = {m.end() - 1 for m in _PREFIX_DECL.finditer(plain)}
    found, seen = [], set()
    for m in _PREFIXED.finditer(plain):
        name = m.group(1) or ""
        if m.end() - 1 in declared_at or name in declared or name in seen:
            continue
        seen.add(name)
        found.append((name, *position(text, m.start())))
    return found


def offset_of(text: str, line: int, column: int) -> int:
    """The character offset of (line, column), both from 1 (the end of the text past it)."""
    lines = text.split("\n")
    if line > len(lines):
        return len(text)
    return min(len(text), sum(len(x) + 1 for x in lines[:line - 1]) + max(0, column - 1))


def found_at(text: str, line: int, column: int) -> str:
    """What the query has at (line, column): a few words of it, or its end."""
    rest = text[offset_of(text, line, column):]
    head = rest.split("\n", 1)[0].strip()
    if not rest.strip():
        return "at the end of the query (is something missing before it?)"
    if not head:
        head = rest.strip().split("\n", 1)[0]
    return f"at '{head[:_SNIPPET]}{'…' if len(head) > _SNIPPET else ''}'"


def balance_hint(text: str) -> str:
    """`; 1 more '{' than '}'` when the braces or parentheses of the query do not pair up."""
    plain = blanked(text)
    hints = []
    for open_, close in ("{}", "()"):
        more = plain.count(open_) - plain.count(close)
        if more:
            hints.append(f"{abs(more)} more '{open_ if more > 0 else close}' than '{close if more > 0 else open_}'")
    return "; " + ", ".join(hints) if hints else ""


def explain(text: str, line: int | None, column: int | None, known: Iterable[str]) -> tuple[str, int | None, int | None]:
    """(message, line, column) for a query the parser refused at (line, column)."""
    known = sorted(known)
    missing = undeclared_prefixes(text, known)
    if missing:
        name, at_line, at_column = missing[0]
        builtin = ", ".join(f"{k}:" for k in known)
        return (f"undeclared prefix '{name}:'; declare it with a line `PREFIX {name}: <http://…>` before the "
                f"query (these need none: {builtin})", at_line, at_column)
    if line is None or column is None:
        return "not valid SPARQL" + balance_hint(text), None, None
    return f"not valid SPARQL {found_at(text, line, column)}{balance_hint(text)}", line, column
