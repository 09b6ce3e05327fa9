"""Assemble graph.html from the page data, the bundled assets and the pyvis shell, and write it atomically."""
from __future__ import annotations

import html
from importlib import resources
from pathlib import Path

from diplograph.graph.files import write_text
from diplograph.graph.model import KnowledgeGraph

from .escape import script_json
from .page_data import build_page_data
from .pyvis_backend import render_shell

FONT = "WenQuanYi Micro Hei, Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"

# vis-network options: trusted constants. Positions come precomputed, so physics is off.
VIS_OPTIONS = {
    "autoResize": True,
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False},
    "interaction": {"hover": True, "tooltipDelay": 120, "multiselect": False, "navigationButtons": False},
    "nodes": {"borderWidth": 1.5, "font": {"face": FONT, "strokeWidth": 4, "strokeColor": "#ffffff"}},
    "edges": {"smooth": False, "selectionWidth": 2, "hoverWidth": 1.5, "arrows": {"to": {"scaleFactor": 0.55}},
              "arrowStrikethrough": False},
}


def _asset(name: str) -> str:
    return resources.files("diplograph.viz").joinpath("assets", name).read_text("utf-8")


def render_page(kg: KnowledgeGraph, title: str = "diplograph · graph") -> str:
    """The whole page as a string: one self-contained HTML document with both views."""
    data = build_page_data(kg)
    # The page's own script and style are trusted files; only `data` carries article text, as inert JSON.
    head = f"<style>\n{_asset('page.css')}\n</style>"
    body = (_asset("body.html")
            + f'\n<script type="application/json" id="dg-data">{script_json(data)}</script>\n'
            + f"<script>\n{_asset('page.js')}\n</script>")
    return render_shell(VIS_OPTIONS, head=head, body=body, title=html.escape(title))


def write_html(kg: KnowledgeGraph, path: Path) -> Path:
    """Write graph.html for `kg` to `path` (UTF-8, via a temp file and rename) and return the path."""
    return write_text(Path(path), render_page(kg))
