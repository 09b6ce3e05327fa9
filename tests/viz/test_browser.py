"""graph.html in headless Chromium: it draws offline, counts match, filters, search and clicks work, nothing injected runs."""
from __future__ import annotations

import time
from collections import Counter
from datetime import date, timedelta

import pytest

from bs4 import BeautifulSoup

from diplograph.graph.model import KnowledgeGraph
from diplograph.graph.network import actor_network, full_graph
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


def _span(iso: str) -> tuple[date, date] | None:
    """The days an ISO date of day, month or year precision covers (computed here, not by the page)."""
    if not iso:
        return None
    if len(iso) == 10:
        d = date.fromisoformat(iso)
        return d, d
    if len(iso) == 7:
        first = date.fromisoformat(iso + "-01")
        nxt = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
        return first, nxt - timedelta(days=1)
    return date(int(iso), 1, 1), date(int(iso), 12, 31)


def _check_clean(page):
    severe = [entry for entry in page.console() if entry["level"] == "SEVERE"]
    assert not severe, severe
    urls = page.requests()
    assert page.url in urls  # the log works: it saw the page itself being loaded
    remote = [url for url in urls if not url.startswith(LOCAL)]
    assert not remote, remote


def _visible_edges(page) -> list[dict]:
    return page.js("var v = diplograph.visible().edges; return edges.get(v).map(function (e) {"
                   " return {from: e.from, to: e.to, fact: e.fact, d0: e.d0 === undefined ? null : e.d0}; });")


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


def test_page_draws_offline_with_the_graphs_counts(page, seed_page, seed_graph):
    took = page.open(seed_page)
    actors = actor_network(seed_graph)
    assert page.js("return [nodes.length, edges.length]") == [actors.number_of_nodes(), actors.number_of_edges()]
    drawn = page.js("return [network.body.data.nodes.length, network.body.data.edges.length]")
    linked = sum(1 for n in actors.nodes if actors.degree(n) > 0)
    assert drawn == [linked, actors.number_of_edges()]  # actors without links hidden, as the page says
    assert page.js("return network.physics.options.enabled") is False
    assert _inked(page) > 2000  # the canvas really has a drawing on it
    page.shot("actors")
    # A node moved away (as by dragging) goes back where the layout put it on "Reset layout".
    some = page.js("return diplograph.visible().nodes[0]")
    home = page.js("return network.getPositions([arguments[0]])[arguments[0]]", some)
    page.js("network.moveNode(arguments[0], 5000, 5000)", some)
    _by(page, "#dg-reset").click()
    back = page.js("return network.getPositions([arguments[0]])[arguments[0]]", some)
    assert abs(back["x"] - home["x"]) <= 1 and abs(back["y"] - home["y"]) <= 1
    _by(page, '.views button[data-view="full"]').click()
    full = full_graph(seed_graph)
    assert page.js("return [nodes.length, edges.length]") == [full.number_of_nodes(), full.number_of_edges()]
    assert page.js("return network.body.data.edges.length") == full.number_of_edges()
    time.sleep(0.3)
    page.shot("full")
    _check_clean(page)
    print(f"seed page ready in {took:.2f}s")


def test_date_slider_hides_edges_outside_its_window(page, seed_page, seed_graph):
    page.open(seed_page)
    days = page.js("return JSON.parse(document.getElementById('dg-data').textContent).days")
    if len(days) < 3:
        pytest.skip("the graph has fewer than three distinct dates")
    keys = _keys()
    epoch = date(1970, 1, 1)
    # Move the handles with the keyboard, as a user would: end to the last day up to 2022-02-24, start three dates before.
    target = max(i for i, d in enumerate(days) if i == 0 or epoch + timedelta(days=d) <= date(2022, 2, 24))
    hi = _by(page, "#dg-hi")
    hi.send_keys(keys.HOME)
    for _ in range(target):
        hi.send_keys(keys.ARROW_RIGHT)
    start = max(0, target - 3)
    lo = _by(page, "#dg-lo")
    for _ in range(start):
        lo.send_keys(keys.ARROW_RIGHT)
    first, last = epoch + timedelta(days=days[start]), epoch + timedelta(days=days[target])
    assert page.js("return [diplograph.state.lo, diplograph.state.hi]") == [days[start], days[target]]
    assert _by(page, "#dg-from").get_attribute("value") == first.isoformat()

    g = actor_network(seed_graph)
    def expected(undated: bool) -> Counter:
        out = Counter()
        for u, v, a in g.edges(data=True):
            span = _span(a.get("date", ""))
            if (span is None and undated) or (span and span[1] >= first and span[0] <= last):
                out[(u, v)] += 1
        return out
    shown = _visible_edges(page)
    assert Counter((e["from"], e["to"]) for e in shown) == expected(True)
    assert page.js("return network.body.data.edges.length") == len(shown)
    if sum(expected(True).values()) < g.number_of_edges():
        assert len(shown) < g.number_of_edges()  # the window really hid something
    page.shot("window")
    _by(page, "#dg-undated").click()
    shown = _visible_edges(page)
    assert Counter((e["from"], e["to"]) for e in shown) == expected(False)
    assert all(e["d0"] is not None for e in shown)
    page.shot("window-dated-only")
    # A fact outside the window can still be opened from the panel; it says why the graph does not show it.
    outside = [f"{a['kind']}:{a['id']}" for _, _, a in g.edges(data=True)
               if _span(a.get("date", "")) and _span(a["date"])[1] < first]
    if outside:
        page.js("diplograph.selectFact(arguments[0])", outside[0])
        assert "Hidden in the graph by the current filters" in _by(page, "#dg-facts").text
    # Play starts from the first date and moves the window's end forward; a second click pauses it.
    _by(page, "#dg-all-dates").click()
    _by(page, "#dg-play").click()
    time.sleep(1.2)
    playing_hi = page.js("return diplograph.state.hi")
    assert days[0] < playing_hi <= days[-1]
    _by(page, "#dg-play").click()
    paused_hi = page.js("return diplograph.state.hi")
    time.sleep(0.6)
    assert page.js("return diplograph.state.hi") == paused_hi
    assert _by(page, "#dg-play").text == "Play"
    # The run-up button shows the eight weeks to 24 February 2022 (when the data reaches that far).
    runup = _by(page, "#dg-runup")
    if runup.is_displayed():
        runup.click()
        mark = (date(2022, 2, 24) - epoch).days
        assert page.js("return [diplograph.state.lo, diplograph.state.hi]") == [mark - 55, mark]
        assert _by(page, "#dg-to").get_attribute("value") == "2022-02-24"
    _check_clean(page)


def test_search_finds_lavrov_and_shows_his_counterparts(page, seed_page, seed_graph):
    page.open(seed_page)
    lavrov = next(a for a in seed_graph.actors if "拉夫罗夫" in a.label_zh or "拉夫罗夫" in a.aliases)
    node = f"actor:{lavrov.key}"
    box = _by(page, "#dg-search")
    box.click()
    box.send_keys("拉夫罗夫")
    time.sleep(0.2)
    first = _by(page, "#dg-matches div")
    assert "拉夫罗夫" in first.text
    page.shot("search-list")
    box.send_keys(_keys().ENTER)
    time.sleep(0.5)
    g = actor_network(seed_graph)
    counterparts = {m for m in list(g.successors(node)) + list(g.predecessors(node))}
    assert set(page.js("return diplograph.visible().nodes")) == {node} | counterparts
    assert page.js("return network.getSelectedNodes()") == [node]
    panel = _by(page, "#dg-facts").text
    assert "拉夫罗夫" in panel.splitlines()[1]
    expected_timeline = sum(1 for i in seed_graph.interactions if lavrov.key in i.participants) + \
        sum(1 for s in seed_graph.statements if lavrov.key in (s.speaker, s.addressee))
    assert page.js("return document.querySelectorAll('#dg-facts .tl-item').length") == expected_timeline
    page.shot("search-lavrov")
    # In the full graph the search reaches the same counterparts through interaction and statement nodes.
    _by(page, '.views button[data-view="full"]').click()
    time.sleep(0.3)
    shown = {n for n in page.js("return diplograph.visible().nodes") if n.startswith("actor:")}
    others = {p for i in seed_graph.interactions if lavrov.key in i.participants for p in i.participants}
    others |= {k for st in seed_graph.statements if lavrov.key in (st.speaker, st.addressee)
               for k in (st.speaker, st.addressee) if k}
    assert shown == {f"actor:{k}" for k in others | {lavrov.key}}
    page.shot("search-lavrov-full")
    _by(page, "#dg-clear").click()
    assert page.js("return diplograph.state.focus") is None
    _check_clean(page)


def test_clicking_a_node_and_its_timeline_shows_the_facts(page, seed_page, seed_graph):
    page.open(seed_page)
    g = actor_network(seed_graph)
    busy = Counter(p for i in seed_graph.interactions for p in i.participants)
    if not busy:
        pytest.skip("the graph has no interactions")
    actor = seed_graph.actor(max(sorted(busy), key=busy.get))
    node = f"actor:{actor.key}"
    _click_node(page, node)
    panel = _by(page, "#dg-facts")
    assert panel.find_element("css selector", "h3").text == g.nodes[node]["label"]
    items = panel.find_elements("css selector", ".tl-item")
    assert len(items) >= 1
    page.shot("clicked-node")
    # Hovering shows the tooltip (plain text).
    tip = page.js("var t = document.querySelector('div.vis-tooltip'); return t && t.style.visibility !== 'hidden' ? t.innerText : ''")
    assert actor.label_zh in tip
    # The rest of the graph fades while a node is selected, and comes back on a click on empty canvas.
    faded = page.js("return nodes.get(diplograph.visible().nodes).filter(function (n) { return n.opacity < 1; }).length")
    assert faded == page.js("return diplograph.visible().nodes.length") - 1 - len(
        set(page.js("return network.getConnectedNodes(arguments[0])", node)))
    from selenium.webdriver.common.action_chains import ActionChains
    page.js("network.moveTo({position: {x: 1e6, y: 1e6}, scale: 1, animation: false});")
    ActionChains(page.driver).move_to_element(_by(page, "#mynetwork canvas")).click().perform()
    time.sleep(0.2)
    assert page.js("return nodes.get().filter(function (n) { return n.opacity < 1 || /rgba/.test(n.font.color); }).length") == 0
    assert "Click a node or a link" in _by(page, "#dg-facts").text
    # Click the first interaction in its timeline: the panel shows every report's sentence and source.
    page.js("diplograph.selectFact(arguments[0])", node)  # back to the actor, then a real click on the item
    link = next(el for el in _by(page, "#dg-facts").find_elements("css selector", ".tl-item")
                if any(m.text.startswith("with") for m in el.find_elements("css selector", ".meta")))
    link.click()
    time.sleep(0.3)
    shown = page.js("return diplograph.state.selected")
    assert shown.startswith("interaction:")
    chosen = next(i for i in seed_graph.interactions if f"interaction:{i.id}" == shown)
    quotes = [q.text for q in _by(page, "#dg-facts").find_elements("css selector", ".report blockquote")]
    assert quotes == [r.evidence.text for r in chosen.reports]
    hrefs = [a.get_attribute("href") for a in _by(page, "#dg-facts").find_elements("css selector", ".report a.src")]
    urls = [seed_graph.article(r.article_id).url for r in chosen.reports]
    assert hrefs == [u for u in urls if u]
    page.shot("clicked-interaction")
    _check_clean(page)


def test_clicking_a_link_shows_its_interaction_or_statement(page, seed_page, seed_graph):
    from selenium.webdriver.common.action_chains import ActionChains
    page.open(seed_page)
    # A straight link (alone between its two actors), clicked at its midpoint with the mouse.
    edge = page.js("var e = edges.get({filter: function (x) { return x.smooth === false; }})[0]; return e || null;")
    if edge is None:
        pytest.skip("no single link between two actors")
    page.js("var p = network.getPositions([arguments[0], arguments[1]]);"
            "var a = p[arguments[0]], b = p[arguments[1]];"
            "network.moveTo({position: {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2}, scale: 1.5, animation: false});",
            edge["from"], edge["to"])
    time.sleep(0.15)
    ActionChains(page.driver).move_to_element(_by(page, "#mynetwork canvas")).pause(0.3).click().perform()
    time.sleep(0.2)
    assert page.js("return network.getSelectedEdges()") == [edge["id"]]
    assert page.js("return diplograph.state.selected") == edge["fact"]
    text = _by(page, "#dg-facts").text
    kind, fid = edge["fact"].split(":", 1)
    if kind == "interaction":
        item = next(i for i in seed_graph.interactions if i.id == fid)
        assert all(r.evidence.text in text for r in item.reports)
    else:
        item = next(s for s in seed_graph.statements if s.id == fid)
        assert item.evidence.text in text and (item.quote or "") in text
    page.shot("clicked-link")
    _check_clean(page)


def test_untrusted_text_shows_literally_and_runs_nothing(page, tmp_path):
    path = write_html(hostile_graph(), tmp_path / "hostile.html")
    page.open(path)
    _click_node(page, "actor:zh-evil-a")
    panel = _by(page, "#dg-facts")
    assert SCRIPT in panel.text  # shown as text
    page.shot("hostile-actor")
    for item in panel.find_elements("css selector", ".tl-item")[:1]:
        item.click()
    page.js("diplograph.selectFact('statement:evilsaid')")
    page.js("diplograph.selectFact('interaction:evilcall')")
    assert "sentence <script>" in _by(page, "#dg-facts").text
    page.shot("hostile-interaction")
    box = _by(page, "#dg-search")
    box.send_keys("恶意")
    box.send_keys(_keys().ENTER)
    _by(page, '.views button[data-view="full"]').click()
    for fid in ("article:evil0001", "article:evil0002", "topic:evil-topic", "statement:evilsaid"):
        page.js("diplograph.selectFact(arguments[0])", fid)
    _click_node(page, "article:evil0001")
    page.shot("hostile-full")
    assert page.js("return typeof window.__pwned") == "undefined"
    assert not [url for url in page.requests() if url.rstrip("/").endswith("/x")]  # <img src=x> never loaded
    assert page.js("return document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
    clean = BeautifulSoup(render_page(KnowledgeGraph((), (), (), ())), "html.parser")
    assert page.js("return document.querySelectorAll('script').length") == len(clean.find_all("script"))
    assert page.js("return Array.from(document.links).filter(function (a) { return !/^https?:/.test(a.href); }).length") == 0
    _check_clean(page)


def test_a_large_graph_opens_with_physics_off(page, tmp_path):
    kg = synthetic_graph(articles=150, actors=400, interactions=600, statements=900)
    t0 = time.monotonic()
    path = write_html(kg, tmp_path / "large.html")
    built = time.monotonic() - t0
    took = page.open(path, timeout=60)
    a, f = actor_network(kg), full_graph(kg)
    assert page.js("return [nodes.length, edges.length]") == [a.number_of_nodes(), a.number_of_edges()]
    assert page.js("return network.physics.options.enabled") is False
    t1 = time.monotonic()
    page.js("diplograph.setView('full')")
    switched = time.monotonic() - t1
    assert page.js("return [nodes.length, edges.length]") == [f.number_of_nodes(), f.number_of_edges()]
    t2 = time.monotonic()
    page.js("diplograph.setDates(diplograph.dayOf('2022-02-01'), diplograph.dayOf('2022-02-24'))")
    filtered = time.monotonic() - t2
    page.shot("large-full")
    _check_clean(page)
    print(f"large page: {f.number_of_nodes()} nodes, {f.number_of_edges()} edges; built {built:.1f}s, "
          f"opened {took:.1f}s, full view {switched:.1f}s, date filter {filtered:.2f}s")
