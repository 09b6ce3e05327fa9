"""graph.html of the dev corpus used as an analyst would, in headless Chromium, checked against the graph itself.

Expectations come from support/page_facts.py, computed from the KnowledgeGraph in Python; the page
is driven through its controls (mouse, keyboard, the date buttons) wherever a user would use them.
"""
from __future__ import annotations

import base64
import csv
import io
import json
import struct
import time
from collections import Counter

import networkx as nx
import pytest
from bs4 import BeautifulSoup

from support import page_facts as pf


def _by(page, css):
    from selenium.webdriver.common.by import By
    return page.driver.find_element(By.CSS_SELECTOR, css)


def _all(page, css):
    from selenium.webdriver.common.by import By
    return page.driver.find_elements(By.CSS_SELECTOR, css)


def _keys():
    from selenium.webdriver.common.keys import Keys
    return Keys


def _actions(page):
    from selenium.webdriver.common.action_chains import ActionChains
    return ActionChains(page.driver)


@pytest.fixture(scope="module")
def data(dev_page):
    return json.loads(BeautifulSoup(dev_page.read_text("utf-8"), "html.parser").find("script", id="dg-data").string)


@pytest.fixture(scope="module")
def facts(dev_graph):
    return pf.facts(dev_graph)


def _state(page) -> dict:
    return page.js("return JSON.parse(JSON.stringify(diplograph.state))")


def _window(page, facts, bounds, **kw) -> set[str]:
    s = _state(page)
    return {f.id for f in facts if pf.in_window(f, s["lo"], s["hi"], bounds, s["undated"], s["far"], **kw)}


def _labels_at_10px(page) -> tuple[int, int]:
    """(labels drawn at 10 px or more inside the canvas, nodes drawn) at the current zoom."""
    return tuple(page.js("""
        var s = network.getScale(), box = document.getElementById('mynetwork'), n = 0, all = 0;
        nodes.get().forEach(function (node) {
            all++;
            var p = network.canvasToDOM(network.getPositions([node.id])[node.id]);
            var inside = p.x >= 0 && p.y >= 0 && p.x <= box.clientWidth && p.y <= box.clientHeight;
            if (node.label && node.font.size * s >= 10 && inside) n++;
        });
        return [n, all];"""))


def _click_canvas_at(page, x, y, double=False):
    """Click the canvas at canvas coordinates (x, y) with the mouse (the view is moved there first)."""
    page.js("network.moveTo({position: {x: arguments[0], y: arguments[1]}, scale: 1.5, animation: false});", x, y)
    time.sleep(0.2)
    chain = _actions(page).move_to_element(_by(page, "#mynetwork canvas")).pause(0.3)
    (chain.double_click() if double else chain.click()).perform()
    time.sleep(0.3)


def _position(page, node_id) -> tuple[float, float]:
    p = page.js("return network.getPositions([arguments[0]])[arguments[0]]", node_id)
    return p["x"], p["y"]


def test_opening_view_has_thirty_legible_labels_and_one_link_per_pair(page, dev_page, facts, data):
    took = page.open(dev_page)
    legible, drawn = _labels_at_10px(page)
    assert legible >= 30, (legible, drawn)
    shown = page.js("return diplograph.visible().links")
    keys = [(min(l["from"], l["to"]), max(l["from"], l["to"]), l["kind"]) for l in shown]
    assert len(keys) == len(set(keys))  # one link per pair and kind of relation
    s = _state(page)
    expected = pf.links([f for f in facts if pf.in_window(f, s["lo"], s["hi"], data["span"])])
    for link, key in zip(shown, keys):
        assert set(link["facts"]) == expected[key], key  # every fact of that kind between the two, nothing else
    # Width follows the number of facts; Biden and Putin (100 separate curves before) are one link per kind.
    by_count = sorted(shown, key=lambda l: len(l["facts"]))
    assert all(a["width"] <= b["width"] for a, b in zip(by_count, by_count[1:]))
    assert by_count[0]["width"] < by_count[-1]["width"]
    pair = [k for k in keys if k[:2] == ("actor:joe-biden", "actor:vladimir-putin")]
    assert pair and len(pair) == len({k[2] for k in pair})
    assert sum(len(expected[k]) for k in pair) > len(pair)  # many facts, few lines
    page.shot("opening")
    print(f"dev page opened in {took:.2f}s; {legible} of {drawn} labels at 10 px or more")


def test_labels_stay_legible_on_a_laptop_screen(page, dev_page):
    page.driver.set_window_size(1366, 768)
    try:
        page.open(dev_page)
        legible, drawn = _labels_at_10px(page)
        assert legible >= 30 and drawn <= 60, (legible, drawn)
        page.shot("opening-1366")
        page.js("diplograph.chooseActor('actor:joe-biden')")
        next(b for b in _all(page, "#dg-bar button") if b.text == "depth 2").click()
        time.sleep(0.3)
        legible, drawn = _labels_at_10px(page)
        assert legible >= min(30, drawn) and drawn > 30, (legible, drawn)
        bar = page.js("return document.getElementById('dg-bar').getBoundingClientRect().bottom")
        top = page.js("""var box = document.getElementById('mynetwork').getBoundingClientRect(), top = Infinity;
                         nodes.getIds().forEach(function (id) { top = Math.min(top, network.canvasToDOM(network.getPositions([id])[id]).y); });
                         return box.top + top;""")
        assert top > bar  # nothing drawn under the bar over the canvas
        page.shot("depth2-1366")
    finally:
        page.driver.set_window_size(1600, 1000)


def test_narrowing_the_window_hides_every_fact_outside_it(page, dev_page, facts, data):
    page.open(dev_page)
    _by(page, "#dg-runup").click()
    mark = pf.day("2022-02-24")
    assert [_state(page)["lo"], _state(page)["hi"]] == [mark - 55, mark]
    passing = set(page.js("return diplograph.passing()"))
    expected = _window(page, facts, data["span"])
    assert passing == expected
    # Facts without a date of their own follow their report's date: those reported outside the window are gone.
    undated_outside = [f for f in facts if not f.own and f.reported is not None and not mark - 55 <= f.reported <= mark]
    assert undated_outside and not passing & {f.id for f in undated_outside}
    undated_inside = {f.id for f in facts if not f.own and f.reported is not None and mark - 55 <= f.reported <= mark}
    assert undated_inside and undated_inside <= passing
    for link in page.js("return diplograph.visible().links"):
        assert set(link["facts"]) <= passing
    # The between panel says which date is the fact's own and which is its report's.
    some = next(f for f in facts if f.id in undated_inside and f.pairs)
    page.js("diplograph.select(arguments[0])", "pair:" + "|".join(some.pairs[0]))
    entry = _by(page, f'#dg-facts .tl-item[data-fact="{some.id}"] .tl-date')
    assert entry.text.startswith("reported ") and "reported" in entry.get_attribute("class")
    # Unticking "at their report's date" leaves the facts dated by themselves only.
    _by(page, "#dg-undated").click()
    assert set(page.js("return diplograph.passing()")) == {f for f in expected if next(x for x in facts if x.id == f).own}
    page.shot("window-runup")


def test_far_dates_are_flagged_and_off_the_default_axis(page, dev_page, facts, data):
    page.open(dev_page)
    far = [f for f in facts if pf.is_far(f, data["span"])]
    years = {pf.EPOCH.fromordinal(pf.EPOCH.toordinal() + f.own[0]).year for f in far if f.own}
    # the stray dates the issue found; 1956 (根据1956年10月19日的日苏宣言) no longer dates an event since 2e48ead
    assert 1950 in years and 1956 not in years
    axis = page.js("return diplograph.axis()")
    assert axis["lo"] > pf.day("1957-01-01")  # not on the default axis ...
    note = _by(page, "#dg-facts .far-note").text
    assert f"{len(far)} facts dated far outside" in note and "1950" in note  # ... but flagged in the panel
    assert not set(page.js("return diplograph.passing()")) & {f.id for f in far}
    _by(page, "#dg-facts .far-note button").click()
    assert page.js("return diplograph.axis()")["lo"] <= pf.day("1950-12-31")
    assert {f.id for f in far} <= set(page.js("return diplograph.passing()"))


def test_the_axis_is_calendar_time_and_play_moves_a_week(page, dev_page):
    page.open(dev_page)
    axis = page.js("return diplograph.axis()")
    lo, hi = _by(page, "#dg-lo"), _by(page, "#dg-hi")
    # Linear calendar days: one slider step is one day.
    assert (int(lo.get_attribute("min")), int(hi.get_attribute("max")), lo.get_attribute("step")) == (axis["lo"], axis["hi"], "1")
    inked = page.js("""var c = document.getElementById('dg-axis'), d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
                       for (var i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;""")
    assert inked > 500  # weekly bars and month/year ticks are drawn
    assert _by(page, "#dg-width").get_attribute("value") == "7"  # a week by default
    _by(page, "#dg-play").click()
    time.sleep(1.3)
    s = _state(page)
    assert s["hi"] - s["lo"] == 6 and s["lo"] > axis["lo"]  # a week, moving
    now = _by(page, "#dg-now")
    assert now.is_displayed() and now.text == f"{pf.EPOCH.fromordinal(pf.EPOCH.toordinal() + s['lo'])} – " \
                                                f"{pf.EPOCH.fromordinal(pf.EPOCH.toordinal() + s['hi'])}"
    assert float(now.value_of_css_property("font-size").rstrip("px")) >= 28  # the current dates, large
    _by(page, "#dg-play").click()
    paused = _state(page)["lo"]
    time.sleep(0.9)
    assert _state(page)["lo"] == paused and _by(page, "#dg-play").text == "Play"


def test_clicking_a_link_opens_everything_between_the_two(page, dev_page, dev_graph, facts):
    page.open(dev_page)
    shown = page.js("return diplograph.visible().links")
    counts = Counter(frozenset((l["from"], l["to"])) for l in shown)
    # A pair drawn with one (straight) link whose middle no other link crosses, with the most facts between the two.
    for link in sorted((l for l in shown if counts[frozenset((l["from"], l["to"]))] == 1), key=lambda l: -len(l["facts"])):
        (ax, ay), (bx, by) = _position(page, link["from"]), _position(page, link["to"])
        page.js("network.moveTo({position: {x: arguments[0], y: arguments[1]}, scale: 1.5, animation: false});", (ax + bx) / 2, (ay + by) / 2)
        around = page.js("""var c = network.canvasToDOM(network.getViewPosition()), out = [];
            [[0, 0], [0, -3], [0, 3], [-3, 0], [3, 0]].forEach(function (d) {
                var p = {x: Math.round(c.x) + d[0], y: Math.round(c.y) + d[1]};
                out.push(network.getNodeAt(p) === undefined ? network.getEdgeAt(p) : 'node'); });
            return out;""")
        if set(around) == {link["id"]}:  # a few pixels either way it is still this link: the click cannot miss
            break
    _click_canvas_at(page, (ax + bx) / 2, (ay + by) / 2)
    a, b = sorted((link["from"], link["to"]))
    assert _state(page)["selected"] == f"pair:{a}|{b}"
    between = [f for f in facts if (a, b) in f.pairs]
    entries = _all(page, "#dg-facts .tl-item")
    assert sorted(e.get_attribute("data-fact") for e in entries) == sorted(f.id for f in between)  # all of them
    by_id = {f.id: f for f in between}
    days = [by_id[e.get_attribute("data-fact")].span() for e in entries]
    assert all(days) and [d[0] for d in days] == sorted(d[0] for d in days)  # in date order
    reports = {f"interaction:{i.id}": i for i in dev_graph.interactions}
    for e in entries:
        fid = e.get_attribute("data-fact")
        fact = next(f for f in between if f.id == fid)
        text = e.text
        assert f"{len(fact.outlets)} outlet" in text  # how many outlets report it
        if fid in reports:
            assert e.find_element("css selector", ".badge.status").text.startswith(fact.status)
            for r in reports[fid].reports:
                assert r.evidence.text in text  # every report's sentence ...
            hrefs = [x.get_attribute("href") for x in e.find_elements("css selector", "a.src")]
            urls = [dev_graph.article(r.article_id).url for r in reports[fid].reports]
            assert hrefs == [u for u in urls if u]  # ... with its link
    page.shot("between")


def test_search_focuses_relays_out_and_labels_are_legible(page, dev_page, facts, data):
    page.open(dev_page)
    before = _position(page, "actor:vladimir-putin")
    box = _by(page, "#dg-search")
    box.click()
    box.send_keys("普京")
    time.sleep(0.3)
    assert "普京" in _by(page, "#dg-matches div").text
    box.send_keys(_keys().ENTER)
    time.sleep(0.6)
    s = _state(page)
    assert s["focus"] >= 0 and s["selected"] == "actor:vladimir-putin"
    shown = set(page.js("return diplograph.visible().nodes"))
    passing = [f for f in facts if pf.in_window(f, s["lo"], s["hi"], data["span"])]
    around = Counter()
    for f in passing:
        for x, y in f.pairs:
            if "actor:vladimir-putin" in (x, y):
                around[y if x == "actor:vladimir-putin" else x] += 1
    # Putin and his 40 busiest counterparts (ties broken by name): no one left out has more facts with him.
    assert len(shown) == min(41, len(around) + 1) and shown <= {"actor:vladimir-putin"} | set(around)
    assert min(around[a] for a in shown - {"actor:vladimir-putin"}) >= max([around[a] for a in around if a not in shown] or [0])
    after = _position(page, "actor:vladimir-putin")
    assert after != before and abs(after[0]) < 1 and abs(after[1]) < 1  # laid out afresh, the focus in the middle
    legible, drawn = _labels_at_10px(page)
    assert legible == drawn == len(shown)  # fitted: every label inside the canvas at 10 px or more
    # Without "links among them", only Putin's own links; with it, links between his counterparts too.
    ends = {frozenset((l["from"], l["to"])) for l in page.js("return diplograph.visible().links")}
    assert all("actor:vladimir-putin" in e for e in ends)
    _by(page, "#dg-among").click()
    time.sleep(0.3)
    ends = {frozenset((l["from"], l["to"])) for l in page.js("return diplograph.visible().links")}
    assert any("actor:vladimir-putin" not in e for e in ends)
    # Depth 2 brings in the counterparts' counterparts, again legible.
    next(b for b in _all(page, "#dg-bar button") if b.text == "depth 2").click()
    time.sleep(0.5)
    assert len(page.js("return diplograph.visible().nodes")) > len(shown)
    legible, drawn = _labels_at_10px(page)
    assert legible >= min(30, drawn)
    page.shot("focus-putin")


def test_path_and_common_counterparts_between_two_actors(page, dev_page, facts, data):
    page.open(dev_page)
    page.js("diplograph.chooseActor('actor:sergey-lavrov')")
    other = _by(page, "#dg-other")
    other.send_keys("马克龙")
    time.sleep(0.3)
    other.send_keys(_keys().ENTER)
    next(b for b in _all(page, "#dg-bar button") if b.text == "Path").click()
    time.sleep(0.5)
    s = _state(page)
    g = nx.Graph()
    for a, b, _ in pf.links([f for f in facts if pf.in_window(f, s["lo"], s["hi"], data["span"])]):
        g.add_edge(a, b)
    paths = list(nx.all_shortest_paths(g, "actor:sergey-lavrov", "actor:emmanuel-macron"))
    assert set(page.js("return diplograph.visible().nodes")) == {n for p in paths for n in p}
    assert "Shortest paths" in _by(page, "#dg-bar").text and f"{len(paths[0]) - 1} step" in _by(page, "#dg-bar").text
    for link in page.js("return diplograph.visible().links"):
        assert any(abs(p.index(link["from"]) - p.index(link["to"])) == 1 for p in paths if link["from"] in p and link["to"] in p)
    page.shot("path")
    page.js("diplograph.compare('actor:antony-blinken', 'common')")
    time.sleep(0.3)
    common = set(g["actor:sergey-lavrov"]) & set(g["actor:antony-blinken"])
    shown = set(page.js("return diplograph.visible().nodes"))
    assert shown - {"actor:sergey-lavrov", "actor:antony-blinken"} == common


def test_outlet_filter_and_counts_follow_window_and_filters(page, dev_page, facts, data):
    page.open(dev_page)
    _by(page, "#dg-runup").click()
    row = next(r for r in _all(page, "#dg-outlets label") if "大纪元" in r.text)
    row.find_element("css selector", "input").click()
    time.sleep(0.3)
    s = _state(page)
    assert s["hiddenOutlets"] == {"大纪元": True}
    window = [f for f in facts if pf.in_window(f, s["lo"], s["hi"], data["span"])]
    passing = [f for f in window if f.outlets - {"大纪元"}]
    assert set(page.js("return diplograph.passing()")) == {f.id for f in passing}
    for link in page.js("return diplograph.visible().links"):
        for fid in link["facts"]:
            assert next(f for f in facts if f.id == fid).outlets - {"大纪元"}
    network = [f for f in passing if f.pairs]
    # The legend counts what the window and the other filters leave (the outlet row: as if it were on).
    rels = {r.find_element("css selector", "span:nth-child(3)").text: int(r.find_element("css selector", ".n").text)
            for r in _all(page, "#dg-rels label")}
    for key, n in Counter(f.relation for f in network).items():
        label = data["vocab"]["relations"][key]["label"]
        assert rels[label] == n, key
    outlets = {r.find_element("css selector", "span:nth-child(3)").text: int(r.find_element("css selector", ".n").text)
               for r in _all(page, "#dg-outlets label")}
    assert outlets["大纪元"] == sum(1 for f in window if f.pairs and "大纪元" in f.outlets)
    # Most connected and busiest days are those of the window and filters.
    weights = pf.weights(network)
    chips = [c.text for c in _all(page, "#dg-facts .most .chip")]
    labels = {f"actor:{a.key}": a.label_zh for a in page_graph_actors(data)}
    top = sorted(weights.items(), key=lambda kv: -kv[1])[:len(chips)]
    assert [int(c.rsplit(" · ", 1)[1]) for c in chips] == [n for _, n in top]
    assert {c.rsplit(" · ", 1)[0] for c in chips} <= {labels[a] for a, _ in weights.items()}
    per_day = Counter(f.span()[0] for f in network if f.span() and f.span()[0] == f.span()[1])
    days = [c.text for c in _all(page, "#dg-facts .busiest .chip")]
    best = sorted(per_day.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
    assert sorted(days) == sorted(f"{pf.EPOCH.fromordinal(pf.EPOCH.toordinal() + d)} · {n}" for d, n in best)
    header = _by(page, "#dg-status").text
    shown = page.js("return diplograph.visible()")
    assert header.startswith(f"{len(shown['nodes'])} actors · {len(shown['links'])} links")
    page.shot("outlet-filter")


def page_graph_actors(data):
    class Row:
        def __init__(self, i):
            self.key = data["actors"]["id"][i].removeprefix("actor:")
            self.label_zh = data["actors"]["label"][i]
    return [Row(i) for i in range(len(data["actors"]["id"]))]


def test_escape_after_a_canvas_click_and_no_focus_frame(page, dev_page):
    page.open(dev_page)
    x, y = _position(page, "actor:joe-biden")
    _click_canvas_at(page, x, y)
    assert _state(page)["selected"] == "actor:joe-biden"
    focused = page.js("return document.activeElement.closest('#mynetwork') !== null")
    assert focused  # the keyboard focus is on the canvas now ...
    assert page.js("var s = getComputedStyle(document.activeElement); return s.outlineStyle === 'none' || s.outlineWidth === '0px'")
    _actions(page).send_keys(_keys().ESCAPE).perform()
    time.sleep(0.2)
    assert _state(page)["selected"] == ""  # ... and Escape still clears the selection
    assert page.js("return nodes.get().filter(function (n) { return n.opacity < 1; }).length") == 0
    assert "most connected" in _by(page, "#dg-facts").text.lower()  # the start panel again


def test_panel_follows_the_dates_and_tooltips_behave(page, dev_page):
    page.open(dev_page)
    x, y = _position(page, "actor:joe-biden")
    _click_canvas_at(page, x, y)
    heading = lambda: next(h.text for h in _all(page, "#dg-facts h4") if h.text.lower().startswith("timeline"))
    whole = heading()
    _by(page, "#dg-runup").click()
    time.sleep(0.3)
    assert heading() != whole and "in the window" in heading().lower()  # the panel was redrawn for the new window
    outside = len(_all(page, "#dg-facts .tl-item.out"))
    assert outside > 0
    # The tooltip shows while the pointer is on the node and goes when it leaves the canvas.
    page.js("network.moveTo({position: network.getPositions(['actor:joe-biden'])['actor:joe-biden'], scale: 1.5, animation: false})")
    time.sleep(0.2)
    canvas = _by(page, "#mynetwork canvas")
    _actions(page).move_to_element(_by(page, "#dg-left h2")).pause(0.2).move_to_element(canvas).pause(0.5).perform()
    assert _by(page, "#dg-tip").is_displayed() and "拜登" in _by(page, "#dg-tip").text
    _actions(page).move_to_element(_by(page, "#dg-left h2")).pause(0.3).perform()
    assert not _by(page, "#dg-tip").is_displayed()
    # A faded link does not answer the pointer: no tooltip, no hover.
    faded = page.js("""var e = edges.get().filter(function (e) { return e.color.opacity < 0.1; })[0];
                       return e ? [e.from, e.to] : null;""")
    assert faded
    assert page.js("return edges.get().filter(function (e) { return e.color.opacity < 0.1 && e.chosen !== false; }).length") == 0
    (ax, ay), (bx, by) = _position(page, faded[0]), _position(page, faded[1])
    page.js("network.moveTo({position: {x: arguments[0], y: arguments[1]}, scale: 1.5, animation: false})", (ax + bx) / 2, (ay + by) / 2)
    time.sleep(0.2)
    _actions(page).move_to_element(_by(page, "#dg-left h2")).pause(0.2).move_to_element(canvas).pause(0.5).perform()
    hovered = page.js("return network.getEdgeAt(network.canvasToDOM(network.getViewPosition()))")
    assert hovered is None or page.js("return edges.get(arguments[0]).color.opacity < 0.1", hovered)
    assert not _by(page, "#dg-tip").is_displayed()


def test_side_panels_fold_away(page, dev_page):
    page.open(dev_page)
    width = page.js("return document.getElementById('mynetwork').clientWidth")
    _by(page, "#dg-toggle-left").click()
    _by(page, "#dg-toggle-right").click()
    time.sleep(0.3)
    assert not _by(page, "#dg-left").is_displayed() and not _by(page, "#dg-panel").is_displayed()
    assert page.js("return document.getElementById('mynetwork').clientWidth") > width + 500
    _by(page, "#dg-toggle-right").click()
    assert _by(page, "#dg-panel").is_displayed()


def test_the_address_keeps_the_view_and_reload_restores_it(page, dev_page):
    page.open(dev_page)
    _by(page, "#dg-runup").click()
    page.js("diplograph.chooseActor('actor:vladimir-putin')")
    next(b for b in _all(page, "#dg-bar button") if b.text == "depth 2").click()
    page.js("diplograph.select('pair:actor:joe-biden|actor:vladimir-putin')")
    _by(page, '.views button[data-view="facts"]').click()
    time.sleep(0.3)
    before = _state(page)
    shown = sorted(page.js("return diplograph.visible().nodes"))
    address = page.js("return location.hash")
    assert "focus=actor%3Avladimir-putin" in address and "from=2021-12-31&to=2022-02-24" in address
    page.open(dev_page, hash=address[1:])
    assert _state(page) == before
    assert sorted(page.js("return diplograph.visible().nodes")) == shown
    assert _by(page, "#dg-search").get_attribute("value") == "普京"
    assert _by(page, "#dg-facts h3").text == "拜登 — 普京"


def test_exports_the_visible_links_as_csv_and_the_canvas_as_png(page, dev_page, facts):
    page.open(dev_page)
    page.js("diplograph.chooseActor('actor:sergey-lavrov')")
    links = page.js("return diplograph.visible().links")
    rows = list(csv.DictReader(io.StringIO(page.js("return diplograph.csv()"))))
    by_id = {f.id: f for f in facts}
    assert {r["fact_id"] for r in rows} == {fid for l in links for fid in l["facts"]}
    assert len(rows) == sum(by_id[fid].reports for l in links for fid in l["facts"])  # one row per report
    assert all(r["sentence"] and r["outlet"] for r in rows)
    png = page.js("return diplograph.png()")
    raw = base64.b64decode(png.split(",", 1)[1])
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", raw[16:24])
    assert (width, height) == tuple(page.js("var c = document.querySelector('#mynetwork canvas'); return [c.width, c.height]"))
    _by(page, "#dg-csv").click()  # the buttons work without errors (the download itself is the browser's)
    _by(page, "#dg-png").click()
    assert not [e for e in page.console() if e["level"] == "SEVERE"]
