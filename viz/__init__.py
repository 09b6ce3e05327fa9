"""Draw the graph: the interactive, offline HTML network page (`write_html`)."""
from __future__ import annotations

from .page import render_page, write_html
from .pyvis_backend import preload

__all__ = ["preload", "render_page", "write_html"]
