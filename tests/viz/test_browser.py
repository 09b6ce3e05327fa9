"""graph.html of the seed corpus in headless Chromium: it draws offline, shows the graph's links and facts, runs nothing injected.

The analyst's features (time window, focus, path, filters, counts, the address) are tested on the dev
corpus in test_analyst.py.
"""
from __future__ import annotations

import time

import pytest

from bs4 import BeautifulSoup

from diplograph.graph.assembly.model import KnowledgeGraph
from diplograph.viz import render_page, write_html
from support.hostile_graph import SCRIPT, hostile_graph
from support.synthetic import synthetic_graph

# Schemes that never leave the machine (chrome: is the browser's own UI, e.g. its new-tab page).
LOCAL = ("file:", "data:", "blob:", "about:", "chrome:", "chrome-untrusted:", "devtools:")


@pytest.fixture(scope="module")
def seed_page(seed_graph, tmp_path_factory):
    return write_html(seed_graph, tmp_path_factory.mktemp("seed") / "graph.html")


def _by(page, css):
    from selenium.webdriver.common.by import By
    return page.driver.find_element(By.CSS_SELECTOR, css)


def _keys():
    from selenium.webdriver.common.keys import Keys
    return Keys


def _check_clean(page):
    severe = [entry for entry in page.console() if entry["level"] == "SEVERE"]
    assert not severe, severe
    urls = page.requests()
    assert page.url in urls  # the log works: it saw the page itself being loaded
    remote = [url for url in urls if not url.startswith(LOCAL)]
    assert not remote, remote


def _inked(page) -> int:
    """How many canvas pixels are not background: proof that the network was drawn."""
    return page.js("var c = document.querySelector('#mynetwork canvas'); var d = c.getContext('2d')"
                   ".getImageData(0, 0, c.width, c.height).data; var n = 0;"
                   "for (var i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235)) n++;"
                   "return n;")


def _click_node(page, node_id):
    """Centre the view on a node, then click the middle of the canvas with the mouse."""
    from selenium.webdriver.common.action_chains import ActionChains
    page.js("var p = network.getPositions([arguments[0]])[arguments[0]];"
            "network.moveTo({position: p, scale: 1.4, animation: false});", node_id)
    time.sleep(0.15)
    canvas = _by(page, "#mynetwork canvas")
    ActionChains(page.driver).move_to_element(canvas).pause(0.4).click().perform()
    time.sleep(0.2)


def _seed_links(kg, page) -> dict[tuple[str, str, str], set[str]]:
    """One link per pair and kind of relation, with its facts: all but those dated far off the axis (the 2018 summit)."""
    from support import page_facts as pf
    span = page.js("return JSON.parse(document.getElementById('dg-data').textContent).span")
    return pf.links([f for f in pf.facts(kg) if not pf.is_far(f, span)])


def test_page_draws_offline_one_link_per_pair_and_kind(page, seed_page, seed_graph):
    took = page.open(seed_page)
    expected = _seed_links(seed_graph, page)
    shown = page.js("return diplograph.visible().links")
    assert {(min(l["from"], l["to"]), max(l["from"], l["to"]), l["kind"]): set(l["facts"]) for l in shown} == expected
    linked = {a for key in expected for a in key[:2]}
    assert set(page.js("return diplograph.visible().nodes")) == linked  # fewer than the overview's 60: all of them
    assert page.js("return [nodes.length, edges.length]") == [len(linked), len(expected)]
    assert page.js("return network.physics.options.enabled") is False
    assert _inked(page) > 2000  # the canvas really has a drawing on it
    page.shot("actors")
    # A node dragged away goes back on "Re-arrange", and the view fits the canvas again.
    some = sorted(linked)[0]
    page.js("network.moveNode(arguments[0], 5000, 5000)", some)
    _by(page, "#dg-rearrange").click()
    back = page.js("return network.getPositions([arguments[0]])[arguments[0]]", some)
    assert abs(back["x"]) < 2000 and abs(back["y"]) < 2000
    _by(page, '.views button[data-view="facts"]').click()
    ids = set(page.js("return nodes.getIds()"))
    facts = {f"interaction:{i.id}" for i in seed_graph.interactions} | {f"statement:{s.id}" for s in seed_graph.statements}
    assert ids & facts and ids <= facts | {f"actor:{a.key}" for a in seed_graph.actors} | \
        {f"article:{a.id}" for a in seed_graph.articles} | {f"topic:{t.key}" for t in seed_graph.topics}
    time.sleep(0.3)
    page.shot("facts")
    _check_clean(page)
    print(f"seed page ready in {took:.2f}s")


def test_clicking_a_node_and_its_timeline_shows_the_facts(page, seed_page, seed_graph):
    page.open(seed_page)
    busy = {}
    for i in seed_graph.interactions:
        for p in i.participants:
            busy[p] = busy.get(p, 0) + 1
    actor = seed_graph.actor(max(sorted(busy), key=busy.get))
    node = f"actor:{actor.key}"
    _click_node(page, node)
    panel = _by(page, "#dg-facts")
    assert panel.find_element("css selector", "h3").text.startswith(actor.label_zh)
    timeline = {i.get_attribute("data-fact") for i in panel.find_elements("css selector", ".tl-item")}
    assert timeline == {f"interaction:{i.id}" for i in seed_graph.interactions if actor.key in i.participants} | \
        {f"statement:{s.id}" for s in seed_graph.statements if actor.key in (s.speaker, s.addressee)}
    page.shot("clicked-node")
    # The rest of the graph fades while a node is selected, and comes back on a click on empty canvas.
    faded = page.js("return nodes.get().filter(function (n) { return n.opacity < 1; }).length")
    linked = set(page.js("return network.getConnectedNodes(arguments[0])", node))
    assert faded == page.js("return nodes.length") - 1 - len(linked)
    from selenium.webdriver.common.action_chains import ActionChains
    page.js("network.moveTo({position: {x: 1e6, y: 1e6}, scale: 1, animation: false});")
    ActionChains(page.driver).move_to_element(_by(page, "#mynetwork canvas")).click().perform()
    time.sleep(0.2)
    assert page.js("return nodes.get().filter(function (n) { return n.opacity < 1; }).length") == 0
    # Click an interaction in the actor's timeline: every report's sentence and source.
    page.js("diplograph.select(arguments[0])", node)
    item = next(el for el in _by(page, "#dg-facts").find_elements("css selector", ".tl-item")
                if el.get_attribute("data-fact").startswith("interaction:"))
    item.click()
    time.sleep(0.3)
    shown = page.js("return diplograph.state.selected")
    chosen = next(i for i in seed_graph.interactions if f"interaction:{i.id}" == shown)
    quotes = [q.text for q in _by(page, "#dg-facts").find_elements("css selector", ".report blockquote")]
    assert quotes == [r.evidence.text for r in chosen.reports]
    hrefs = [a.get_attribute("href") for a in _by(page, "#dg-facts").find_elements("css selector", ".report a.src")]
    assert hrefs == [u for u in (seed_graph.article(r.article_id).url for r in chosen.reports) if u]
    page.shot("clicked-interaction")
    _check_clean(page)


def test_untrusted_text_shows_literally_and_runs_nothing(page, tmp_path):
    path = write_html(hostile_graph(), tmp_path / "hostile.html")
    page.open(path)
    _click_node(page, "actor:zh-evil-a")
    panel = _by(page, "#dg-facts")
    assert SCRIPT in panel.text  # shown as text
    page.shot("hostile-actor")
    for fid in ("statement:evilsaid", "interaction:evilcall", "pair:actor:zh-evil-a|actor:zh-evil-b"):
        page.js("diplograph.select(arguments[0])", fid)
    assert "sentence <script>" in _by(page, "#dg-facts").text
    page.shot("hostile-interaction")
    box = _by(page, "#dg-search")
    box.send_keys("恶意")
    box.send_keys(_keys().ENTER)
    _by(page, '.views button[data-view="facts"]').click()
    for fid in ("article:evil0001", "article:evil0002", "topic:evil-topic", "statement:evilsaid"):
        page.js("diplograph.select(arguments[0])", fid)
    _click_node(page, "article:evil0001")
    page.shot("hostile-full")
    # Hover tooltips are text too (nothing selected, so nothing faded).
    page.js("diplograph.select('')")
    page.js("network.moveTo({position: network.getPositions(['actor:zh-evil-a'])['actor:zh-evil-a'], scale: 1.5, animation: false})")
    from selenium.webdriver.common.action_chains import ActionChains
    ActionChains(page.driver).move_to_element(_by(page, "#dg-left h2")).move_to_element(_by(page, "#mynetwork canvas")).pause(0.4).perform()
    assert SCRIPT in _by(page, "#dg-tip").text
    assert page.js("return typeof window.__pwned") == "undefined"
    assert not [url for url in page.requests() if url.rstrip("/").endswith("/x")]  # <img src=x> never loaded
    assert page.js("return document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
    clean = BeautifulSoup(render_page(KnowledgeGraph((), (), (), ())), "html.parser")
    assert page.js("return document.querySelectorAll('script').length") == len(clean.find_all("script"))
    assert page.js("return Array.from(document.links).filter(function (a) { return !/^https?:/.test(a.href); }).length") == 0
    _check_clean(page)


def test_an_empty_graph_says_so(page, tmp_path):
    page.open(write_html(KnowledgeGraph((), (), (), ()), tmp_path / "empty.html"))
    assert "empty" in _by(page, "#dg-empty").text
    _check_clean(page)


def test_a_large_graph_opens_with_physics_off(page, tmp_path):
    kg = synthetic_graph(articles=150, actors=400, interactions=600, statements=900)
    t0 = time.monotonic()
    path = write_html(kg, tmp_path / "large.html")
    built = time.monotonic() - t0
    took = page.open(path, timeout=60)
    assert page.js("return network.physics.options.enabled") is False
    assert page.js("return nodes.length") == 60  # the overview: the 60 actors with most facts, and "show more"
    more = next(b for b in page.driver.find_elements("css selector", "#dg-bar button") if b.text.startswith("Show more"))
    more.click()
    assert page.js("return nodes.length") == 120
    t1 = time.monotonic()
    page.js("diplograph.setView('facts')")
    switched = time.monotonic() - t1
    t2 = time.monotonic()
    page.js("diplograph.setDates(diplograph.dayOf('2022-02-01'), diplograph.dayOf('2022-02-24'))")
    filtered = time.monotonic() - t2
    page.shot("large-facts")
    _check_clean(page)
    print(f"large page: built {built:.1f}s, opened {took:.1f}s, facts view {switched:.1f}s, date filter {filtered:.2f}s")


def test_an_undated_article_shows_as_undated_and_breaks_nothing(page, tmp_path, extractor):
    """Seed 001 without its dateline or URL (tests/support/undated.py): the page opens clean, the article's
    facts are listed, and where a date would be it says `undated`."""
    from diplograph.pipeline import build_graph
    from support.undated import corpus_with_an_undated_article

    kg = build_graph([corpus_with_an_undated_article(tmp_path / "corpus")], extractor=extractor)
    (undated,) = [a for a in kg.articles if a.published is None]
    page.open(write_html(kg, tmp_path / "graph.html"))
    statement = next(s for s in kg.statements if s.article_id == undated.id)
    page.js("diplograph.select(arguments[0])", f"statement:{statement.id}")
    time.sleep(0.3)
    facts = _by(page, "#dg-facts").text
    assert statement.evidence.text[:20] in facts and "undated" in facts and "NaN" not in facts
    _check_clean(page)
