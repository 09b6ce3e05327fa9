"""The only module that touches pyvis: it renders the page shell with vis-network inlined.

pyvis 0.3.2 is used for its template only (in_line mode: vis-network's JS and
CSS and pyvis' utils.js inlined, and the `network`, `nodes` and `edges`
globals). The data is not passed through pyvis, which is quadratic in
add_node/add_edge and switches its tooltips to innerHTML when a title
contains "href"; the page script fills the DataSets from its own JSON. What
pyvis' template still gets wrong is fixed here: the Bootstrap tags loaded
from a CDN are removed, the empty headings dropped, a doctype and language
added. Replacing pyvis means rewriting this module alone.
"""
from __future__ import annotations

import json
import re

_REMOTE_TAG = re.compile(
    r"<link\b[^>]*\bhref=\"https?://[^\"]*\"[^>]*/?>|<script\b[^>]*\bsrc=\"https?://[^\"]*\"[^>]*>\s*</script>",
    re.IGNORECASE | re.DOTALL,
)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.IGNORECASE)
_COMMENTED_ASSETS = re.compile(r"<!--\s*<link[^>]*node_modules.*?-->", re.DOTALL)


class ShellError(RuntimeError):
    """The pyvis output does not look as this module expects (a pyvis upgrade changed its template)."""


def preload() -> None:
    """Import pyvis now (it pulls in IPython and jinja2), so that making the first page does not wait for it."""
    import pyvis.network  # noqa: F401


def render_shell(options: dict, *, head: str, body: str, title: str) -> str:
    """A full HTML document: pyvis' in_line page with `head` added to <head> and `body` before </body>.

    `options` are vis-network options (trusted constants, not user text);
    `title` must already be HTML-escaped.
    """
    from pyvis.network import Network  # pyvis imports IPython: load it only when a page is made

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    net.options = json.loads(json.dumps(options))
    html = net.generate_html(notebook=False)
    if "innerHTML = nodeData" in html:
        raise ShellError("pyvis chose its innerHTML tooltip template")
    html = _REMOTE_TAG.sub("", html)
    html = _EMPTY_HEADING.sub("", html)
    html = _COMMENTED_ASSETS.sub("", html)
    if "new vis.Network(" not in html or "</head>" not in html or "</body>" not in html:
        raise ShellError("pyvis output lacks the vis.Network call, </head> or </body>")
    html = re.sub(r"^\s*<html>", '<!DOCTYPE html>\n<html lang="zh">', html, count=1)
    if not html.startswith("<!DOCTYPE html>"):
        raise ShellError("pyvis output does not start with <html>")
    html = html.replace("<head>", f'<head>\n<meta name="viewport" content="width=device-width, initial-scale=1">'
                        f"\n<title>{title}</title>", 1)
    head_at = html.rindex("</head>")
    html = html[:head_at] + head + "\n" + html[head_at:]
    body_at = html.rindex("</body>")
    return html[:body_at] + body + "\n" + html[body_at:]
