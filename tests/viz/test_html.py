"""graph.html as a file: one self-contained UTF-8 document, nothing remote, untrusted text inert, written atomically."""
from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from diplograph.viz import render_page, write_html
from support.hostile_graph import JS_URL, hostile_graph

URL = re.compile(r"(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s\"'<>)\\]*")


@pytest.fixture(scope="module")
def seed_html(seed_graph, tmp_path_factory):
    path = write_html(seed_graph, tmp_path_factory.mktemp("page") / "graph.html")
    return path.read_text("utf-8")


def _data(html: str) -> dict:
    return json.loads(BeautifulSoup(html, "html.parser").find("script", id="dg-data").string)


def _row(table: dict, node_id: str) -> dict:
    """One row of a column table of the page data, by id."""
    i = table["id"].index(node_id)
    return {column: values[i] for column, values in table.items()}


def test_is_a_utf8_html5_document(seed_html):
    assert seed_html.startswith("<!DOCTYPE html>")
    soup = BeautifulSoup(seed_html, "html.parser")
    assert soup.find("meta", charset=True)["charset"].lower() == "utf-8"
    assert soup.html["lang"] == "zh"
    assert "拉夫罗夫" in _row(_data(seed_html)["actors"], "actor:sergey-lavrov")["label"]


def test_nothing_is_loaded_from_another_host(seed_html, seed_graph):
    soup = BeautifulSoup(seed_html, "html.parser")
    for tag in soup.find_all(True):
        for attr in ("src", "href", "data", "action", "poster", "srcset"):
            value = tag.get(attr)
            if value:
                assert not URL.match(value.strip()), f"<{tag.name} {attr}={value}>"
    for style in soup.find_all("style"):
        for ref in re.findall(r"url\(\s*['\"]?([^'\")]+)", style.string or ""):
            assert ref.startswith("data:"), ref
        assert "@import" not in (style.string or "")
    assert not soup.find_all(["iframe", "img", "link", "object", "embed"])
    for script in soup.find_all("script"):
        assert not script.get("src"), script.get("src")
    # Every URL left in the page is text: an article's link in the data, or a string inside vis-network.
    article_urls = {a.url for a in seed_graph.articles if a.url}
    outside_scripts = "".join(str(t) for t in soup.find_all(string=True) if t.parent.name != "script")
    assert not URL.findall(outside_scripts)
    data_text = soup.find("script", id="dg-data").string
    for url in URL.findall(data_text):
        assert any(url in a or a.startswith(url.rstrip(".")) for a in article_urls), url


def test_keeps_the_vis_network_licence_notice(seed_html):
    start = seed_html.index("/**\n * vis-network\n")
    notice = seed_html[start:seed_html.index("*/", start)]
    for part in ("@license", "Almende B.V", "Apache 2.0 License", "MIT License"):
        assert part in notice


def test_untrusted_text_is_inert_markup(tmp_path):
    html = write_html(hostile_graph(), tmp_path / "graph.html").read_text("utf-8")
    soup = BeautifulSoup(html, "html.parser")
    clean = BeautifulSoup(render_page(hostile_graph().__class__((), (), (), ())), "html.parser")
    assert len(soup.find_all("script")) == len(clean.find_all("script"))  # no injected script elements
    assert not soup.find_all(["img", "svg", "iframe"])
    for needle in ("<script>window", "<img src=x", "<svg onload", "</script><script>window", JS_URL):
        assert needle not in html
    data = _data(html)
    assert _row(data["actors"], "actor:zh-evil-a")["label"] == "恶意<script>window.__pwned='script'</script>"  # kept as text
    assert _row(data["articles"], "article:evil0001")["url"] == ""  # javascript: link dropped


def test_write_html_replaces_atomically(seed_graph, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # pyvis' "local" mode would copy lib/ here: nothing may appear
    target = tmp_path / "out" / "graph.html"
    assert write_html(seed_graph, target) == target
    first = target.read_bytes()
    target.write_text("old", "utf-8")
    write_html(seed_graph, target)
    assert target.read_bytes() == first  # deterministic, and the old file replaced
    assert sorted(p.name for p in target.parent.iterdir()) == ["graph.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_an_empty_graph_still_makes_a_page(tmp_path):
    kg = hostile_graph().__class__((), (), (), ())
    data = _data(write_html(kg, tmp_path / "g.html").read_text("utf-8"))
    assert data["actors"]["id"] == [] and data["interactions"]["id"] == [] and data["span"] == {}
