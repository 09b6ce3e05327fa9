"""The short texts drawn on the canvas and shown in hover tooltips (plain text: vis-network shows it with innerText)."""
from __future__ import annotations


def short(text: str, limit: int) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def label_width(text: str, font: float) -> float:
    """Rough rendered width of a label: CJK characters are square, Latin ones about half as wide."""
    return font * sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text)


def node_label(attrs: dict, node_id: str = "") -> str:
    """An actor's full label; short ones for the full graph's other nodes (the tooltip and panel have the rest)."""
    kind = attrs.get("kind")
    if kind == "actor":
        return attrs.get("label", node_id)
    if kind == "interaction":
        return f"{attrs.get('edge_kind', '')} {attrs.get('date', '')}".strip()
    if kind == "statement":
        return ""
    return short(attrs.get("label", node_id), 12)


def node_tooltip(node_id: str, attrs: dict, degree: int) -> str:
    """What hovering a node shows."""
    kind = attrs.get("kind")
    if kind == "actor":
        lines = [attrs.get("label", node_id), attrs.get("type", "") + (f" · {attrs['role']}" if attrs.get("role") else ""),
                 f"{degree} links · {attrs.get('articles', 0)} articles"]
    elif kind == "interaction":
        lines = [f"{attrs.get('edge_kind', '')} · {attrs.get('date') or 'undated'} · {attrs.get('status', '')}"]
        if attrs.get("place"):
            lines.append(f"@ {attrs['place']}")
        lines.append(short(attrs.get("evidence", ""), 120))
    elif kind == "statement":
        lines = [f"{attrs.get('edge_kind', '')} · {attrs.get('date') or 'undated'}",
                 short(attrs.get("quote") or attrs.get("evidence", ""), 160)]
    elif kind == "article":
        lines = [attrs.get("label", ""), f"{attrs.get('outlet', '')} · {attrs.get('date', '')}"]
    else:
        lines = [attrs.get("label", node_id)]
    lines.append("click for details")
    return "\n".join(line for line in lines if line)


def edge_tooltip(attrs: dict, u: str, v: str, names: dict[str, str]) -> str:
    """What hovering a link shows: kind, date, status, ends and the quote or report count."""
    kind = attrs.get("kind")
    if kind == "interaction":
        lines = [f"{attrs.get('edge_kind', '')} · {attrs.get('date') or 'undated'} · {attrs.get('status', '')}",
                 f"{names.get(u, u)} — {names.get(v, v)}"]
        if attrs.get("place"):
            lines.append(f"@ {attrs['place']}")
        lines.append(f"{attrs.get('reports', 0)} report(s)")
    elif kind == "statement":
        lines = [f"{attrs.get('edge_kind', '')} · {attrs.get('date') or 'undated'}", f"{names.get(u, u)} → {names.get(v, v)}",
                 short(attrs.get("quote") or attrs.get("evidence", ""), 160)]
    else:
        lines = [f"{names.get(u, u)} {attrs.get('label', kind)} {names.get(v, v)}"]
    return "\n".join(line for line in lines if line)
