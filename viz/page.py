"""Assemble graph.html from the page data, the bundled assets and the pyvis shell, and write it atomically."""
from __future__ import annotations

import html
from importlib import resources
from pathlib import Path

from diplograph.util.files import write_text
from diplograph.graph.assembly.model import KnowledgeGraph

from .escape import script_json
from .page_data import build_page_data
from .positions import actor_positions
from .pyvis_backend import render_shell

FONT = "WenQuanYi Micro Hei, Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"

# vis-network options: trusted constants. Positions come from the page script, so physics is off; the page
# shows its own tooltips (plain text, gone with the pointer), so vis-network's are never asked for.
VIS_OPTIONS = {
    "autoResize": True,
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False},
    "interaction": {"hover": True, "tooltipDelay": 120, "multiselect": False, "navigationButtons": False,
                    "keyboard": {"enabled": False}},
    "nodes": {"borderWidth": 1.5, "font": {"face": FONT, "strokeWidth": 4, "strokeColor": "#ffffff"}},
    "edges": {"smooth": False, "selectionWidth": 2, "hoverWidth": 1.5, "arrows": {"to": {"scaleFactor": 0.55}},
              "arrowStrikethrough": False},
}

# The page script, in the order its parts build on each other; they share one function scope.
SCRIPTS = ("core.js", "time.js", "filters.js", "arrange.js", "views.js", "panel.js", "controls.js", "share.js", "main.js")


def _asset(name: str) -> str:
    return resources.files("diplograph.viz").joinpath("assets", name).read_text("utf-8")


def page_script() -> str:
    """The page's behaviour: the script files in one strict function scope."""
    return "(function () {\n\"use strict\";\n" + "\n".join(_asset(name) for name in SCRIPTS) + "\n})();"


def render_page(kg: KnowledgeGraph, title: str = "diplograph · graph", layout_cache: Path | None = None) -> str:
    """The whole page as a string: one self-contained HTML document.

    `layout_cache` is a file keeping the actors' seed positions between builds (see positions.py).
    """
    data = build_page_data(kg, actor_positions(kg, layout_cache))
    # The page's own script and style are trusted files; only `data` carries article text, as inert JSON.
    head = f"<style>\n{_asset('page.css')}\n</style>"
    body = (_asset("body.html")
            + f'\n<script type="application/json" id="dg-data">{script_json(data)}</script>\n'
            + f"<script>\n{page_script()}\n</script>")
    return render_shell(VIS_OPTIONS, head=head, body=body, title=html.escape(title))


def write_html(kg: KnowledgeGraph, path: Path, layout_cache: Path | None = None) -> Path:
    """Write graph.html for `kg` to `path` (UTF-8, via a temp file and rename) and return the path."""
    return write_text(Path(path), render_page(kg, layout_cache=layout_cache))
