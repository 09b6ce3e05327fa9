"""Draw the graph: the interactive, offline HTML network page (`write_html`)."""
from __future__ import annotations

from .page import render_page, write_html

__all__ = ["render_page", "write_html"]
