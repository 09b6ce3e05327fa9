/* diplograph graph.html: views, filters, search, date window and the facts panel.
 * Runs after pyvis' drawGraph(), which defines the globals `network`, `nodes` and `edges`.
 * All article text is untrusted: it reaches the DOM through textContent only, never innerHTML. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("dg-data").textContent);
  var FACTS = DATA.facts;
  var DAY = 86400000;
  var DAYS = DATA.days;  // the distinct days items fall on: one slider step each
  var ACTOR_GROUPS = { Person: 1, Organization: 1, Country: 1 };
  var state = {
    view: "actors", hiddenGroups: {}, hiddenKinds: {}, hiddenStatus: {},
    lo: DAYS.length ? DAYS[0] : 0, hi: DAYS.length ? DAYS[DAYS.length - 1] : 0,
    undated: true, hideIsolated: true, labels: true, query: "", focus: null, selected: null
  };
  /* The data comes compact; give each record the vis-network fields it stands for. */
  function expand(v) {
    v.nodes.forEach(function (n) {
      var actor = !!ACTOR_GROUPS[n.cat];
      n.color = { background: n.c, border: actor ? "#ffffff" : n.c,
        highlight: { background: n.c, border: "#111111" }, hover: { background: n.c, border: "#111111" } };
      n.font = { size: n.fs, color: actor ? "#1f2933" : "#555555" };
    });
    v.edges.forEach(function (e) {
      e.color = { color: e.c, highlight: e.c, hover: e.c, opacity: e.o === undefined ? 1 : e.o };
      e.arrows = { to: { enabled: !!e.arrow } };
      if (!e.smooth) e.smooth = false;
      if (!e.dashes) e.dashes = false;
    });
  }
  expand(DATA.views.actors);
  expand(DATA.views.full);
  var visibleNodes = {}, visibleEdges = {};
  var DATES = {};  // fact id -> [first day, last day], for greying timeline entries outside the window
  ["actors", "full"].forEach(function (name) {
    var v = DATA.views[name];
    v.nodes.concat(v.edges).forEach(function (x) { if (x.d0 !== undefined) DATES[x.fact] = [x.d0, x.d1]; });
  });
  var playing = null;
  var $ = function (id) { return document.getElementById(id); };

  /* ---------- small DOM helpers (text only) ---------- */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]);
    return parent;
  }
  function iso(day) { return new Date(day * DAY).toISOString().slice(0, 10); }
  function dayOf(isoText) {
    var t = Date.parse(isoText + "T00:00:00Z");
    return isNaN(t) ? null : Math.round(t / DAY);
  }
  function safeHref(url) { return /^https?:\/\/[^\s"<>\\`]+$/i.test(url || "") ? url : ""; }
  function name(id) { var f = FACTS[id]; return f ? (f.label || f.title || id) : id.replace(/^[a-z]+:/, ""); }

  /* ---------- filtering ---------- */
  function dateOk(item) {
    if (!item.dated) return true;
    if (item.d0 === undefined) return state.undated;
    return item.d1 >= state.lo && item.d0 <= state.hi;
  }
  function nodeOk(n) {
    if (state.hiddenGroups[n.cat]) return false;
    if (n.sub && state.hiddenKinds[n.sub]) return false;
    if (n.status && state.hiddenStatus[n.status]) return false;
    return dateOk(n);
  }
  function edgeOk(e) {
    if (state.hiddenKinds[e.kind]) return false;
    if (e.status && state.hiddenStatus[e.status]) return false;
    return dateOk(e);
  }
  function matches(query) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var out = [];
    nodes.forEach(function (n) {
      if (n.search !== undefined && n.search.indexOf(q) >= 0) out.push(n);
    });
    out.sort(function (a, b) {
      var ea = (FACTS[a.id] && (FACTS[a.id].label_zh === query.trim() || FACTS[a.id].label_en.toLowerCase() === q)) ? 0 : 1;
      var eb = (FACTS[b.id] && (FACTS[b.id].label_zh === query.trim() || FACTS[b.id].label_en.toLowerCase() === q)) ? 0 : 1;
      return ea - eb || b.degree - a.degree;
    });
    return out;
  }
  /* Decide what is visible; DataViews then show exactly that. */
  function recompute() {
    var okNodes = {}, degree = {};
    nodes.forEach(function (n) { if (nodeOk(n)) okNodes[n.id] = true; });
    var focus = state.focus;
    if (focus && state.view === "full") {
      // In the full graph an actor's counterparts are two steps away, through an interaction or a
      // statement: take those in too, so the search shows who the actor dealt with.
      var wider = Object.assign({}, focus);
      edges.forEach(function (e) {
        if (!okNodes[e.from] || !okNodes[e.to] || !edgeOk(e)) return;
        if (focus[e.from] && /^(interaction|statement):/.test(e.to)) wider[e.to] = true;
        if (focus[e.to] && /^(interaction|statement):/.test(e.from)) wider[e.from] = true;
      });
      focus = wider;
    }
    visibleEdges = {};
    edges.forEach(function (e) {
      if (!okNodes[e.from] || !okNodes[e.to] || !edgeOk(e)) return;
      if (focus && !focus[e.from] && !focus[e.to]) return;
      visibleEdges[e.id] = true;
      degree[e.from] = (degree[e.from] || 0) + 1;
      degree[e.to] = (degree[e.to] || 0) + 1;
    });
    visibleNodes = {};
    Object.keys(okNodes).forEach(function (id) {
      if (focus && !focus[id] && !degree[id]) return;
      if (state.hideIsolated && !degree[id] && !(focus && focus[id])) return;
      visibleNodes[id] = true;
    });
    restyle("nodes", Object.keys(visibleNodes));
    restyle("edges", Object.keys(visibleEdges));
    nodeView.refresh();
    edgeView.refresh();
    updateStatus();
  }
  function count(obj) { return Object.keys(obj).length; }
  function updateStatus() {
    var v = DATA.views[state.view];
    var text = "Showing " + count(visibleNodes) + " of " + v.nodes.length + " nodes · " +
      count(visibleEdges) + " of " + v.edges.length + " links";
    if (state.focus) text += " · around “" + state.query + "”";
    var undated = 0;
    Object.keys(visibleEdges).forEach(function (id) { var e = edges.get(id); if (e.dated && e.d0 === undefined) undated++; });
    if (undated && DAYS.length && (state.lo > DAYS[0] || state.hi < DAYS[DAYS.length - 1])) {
      text += " (" + undated + " undated, untick “show undated” to hide them)";
    }
    $("dg-status").textContent = text;
    var empty = $("dg-empty");
    if (!v.nodes.length) { empty.textContent = "This graph is empty: the build found no actors."; }
    else if (!count(visibleNodes)) { empty.textContent = "Nothing matches the filters. Widen the date window or turn types back on."; }
    else { empty.textContent = ""; }
    empty.style.display = empty.textContent ? "block" : "none";
  }

  /* ---------- legend = type filters ---------- */
  function legendRow(label, swatch, color, n, on, toggle) {
    var row = el("label", on ? "" : "off");
    var box = el("input"); box.type = "checkbox"; box.checked = on;
    box.addEventListener("change", function () { row.className = box.checked ? "" : "off"; toggle(!box.checked); recompute(); });
    var sw = el("span", "swatch " + swatch); sw.style.color = color;
    return add(row, box, sw, el("span", "", label), el("span", "n", n));
  }
  function buildLegend() {
    var v = DATA.views[state.view];
    var groupCount = {}, kindCount = {}, statusCount = {};
    v.nodes.forEach(function (n) { groupCount[n.cat] = (groupCount[n.cat] || 0) + 1; if (n.sub) kindCount[n.sub] = (kindCount[n.sub] || 0) + 1; });
    v.edges.forEach(function (e) {
      kindCount[e.kind] = (kindCount[e.kind] || 0) + 1;
      if (e.status) statusCount[e.status] = (statusCount[e.status] || 0) + 1;
    });
    v.nodes.forEach(function (n) { if (n.status) statusCount[n.status] = (statusCount[n.status] || 0) + 1; });
    var box = $("dg-legend-nodes"); box.textContent = "";
    v.legend.nodes.forEach(function (item) {
      box.appendChild(legendRow(item.label, item.shape, item.color, groupCount[item.key] || 0, !state.hiddenGroups[item.key],
        function (off) { state.hiddenGroups[item.key] = off; }));
    });
    box = $("dg-legend-edges"); box.textContent = "";
    v.legend.edges.forEach(function (item) {
      box.appendChild(legendRow(item.label, "line" + (item.arrow ? " arrow" : ""), item.color, kindCount[item.key] || 0,
        !state.hiddenKinds[item.key], function (off) { state.hiddenKinds[item.key] = off; }));
    });
    box = $("dg-legend-status"); box.textContent = "";
    Object.keys(DATA.status).forEach(function (key) {
      if (!statusCount[key]) return;
      box.appendChild(legendRow(DATA.status[key], "line dash-" + key, "#4a5560", statusCount[key], !state.hiddenStatus[key],
        function (off) { state.hiddenStatus[key] = off; }));
    });
  }

  /* ---------- views ---------- */
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return visibleNodes[n.id] === true; } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return visibleEdges[e.id] === true; } });

  function setView(name) {
    if (!DATA.views[name]) return;
    stopPlay();
    state.view = name;
    state.selected = null;
    var v = DATA.views[name];
    document.querySelectorAll(".views button").forEach(function (b) { b.className = b.getAttribute("data-view") === name ? "on" : ""; });
    nodes.clear(); edges.clear();
    dimmed = { nodes: {}, edges: {} }; keep = null; byId = { nodes: {}, edges: {} };
    v.nodes.forEach(function (n) { byId.nodes[n.id] = n; });
    v.edges.forEach(function (e) { byId.edges[e.id] = e; });
    nodes.add(labelled(v.nodes)); edges.add(v.edges);
    network.setOptions({ interaction: { hideEdgesOnDrag: v.large, hideEdgesOnZoom: v.large } });
    state.focus = state.query ? focusSet(state.query) : null;
    buildLegend();
    buildHistogram();
    paintHistogram(firstAtOrAfter(state.lo), lastAtOrBefore(state.hi));
    recompute();
    network.fit({ animation: false });
    showHint();
  }
  function labelled(list) {
    return state.labels ? list : list.map(function (n) { return Object.assign({}, n, { label: "" }); });
  }
  function applyLabels(on) {
    state.labels = on;
    nodes.update(DATA.views[state.view].nodes.map(function (n) { return { id: n.id, label: on ? n.label : "" }; }));
  }

  /* ---------- search ---------- */
  function focusSet(query) {
    var found = matches(query);
    if (!found.length) return null;
    var set = {};
    set[found[0].id] = true;
    return set;
  }
  function runSearch(query, pick) {
    state.query = query;
    var list = $("dg-matches"); list.textContent = ""; list.className = "";
    if (!query.trim()) { state.focus = null; recompute(); return; }
    var found = matches(query);
    if (!pick) {
      found.slice(0, 30).forEach(function (n, i) {
        var row = add(el("div", i === 0 ? "active" : ""), el("span", "", n.label), el("span", "", n.cat + " · " + n.degree + " links"));
        row.setAttribute("data-id", n.id);
        row.addEventListener("mousedown", function (ev) { ev.preventDefault(); chooseActor(n.id); });
        list.appendChild(row);
      });
      if (!found.length) list.appendChild(el("div", "empty", "No actor matches “" + query + "”"));
      list.className = "open";
      return;
    }
    if (found.length) chooseActor(found[0].id);
  }
  function chooseActor(id) {
    var f = FACTS[id];
    $("dg-matches").className = "";
    $("dg-search").value = f ? f.label_zh : name(id);
    state.query = $("dg-search").value;
    state.focus = {}; state.focus[id] = true;
    recompute();
    selectFact(id, true);
    highlight(null, null);  // the search already shows only the actor's neighbourhood: fade nothing
    if (visibleNodes[id]) network.fit({ nodes: Object.keys(visibleNodes), animation: { duration: 300 }, maxZoomLevel: 1.2 });
  }
  function clearSearch() {
    $("dg-search").value = ""; state.query = ""; state.focus = null;
    $("dg-matches").className = "";
    recompute();
  }

  /* ---------- date window ----------
   * The slider steps through the days on which something happened (not calendar days), so a
   * stray 2018 date does not squeeze February 2022 into a few pixels; the date fields take any day. */
  function firstAtOrAfter(day) {
    var lo = 0, hi = DAYS.length - 1;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (DAYS[mid] < day) lo = mid + 1; else hi = mid; }
    return lo;
  }
  function lastAtOrBefore(day) {
    var lo = 0, hi = DAYS.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (DAYS[mid] > day) hi = mid - 1; else lo = mid; }
    return lo;
  }
  function pct(index) { return DAYS.length > 1 ? 100 * index / (DAYS.length - 1) : 0; }
  /* Bars above the track: how many dated items of the view fall on each slider step. */
  function buildHistogram() {
    var box = $("dg-hist");
    box.textContent = "";
    if (DAYS.length < 2) return;
    var counts = new Array(DAYS.length).fill(0), v = DATA.views[state.view];
    v.edges.concat(v.nodes).forEach(function (x) { if (x.d0 !== undefined) counts[firstAtOrAfter(x.d0)] += 1; });
    var top = Math.max.apply(null, counts) || 1, width = 100 / DAYS.length;
    counts.forEach(function (c, i) {
      if (!c) return;
      var bar = el("div", "bar");
      bar.style.left = "calc(" + pct(i) + "% - 1px)";
      bar.style.width = "max(2px, " + Math.min(width * 0.8, 0.9) + "%)";
      bar.style.height = Math.max(2, Math.round(12 * Math.sqrt(c / top))) + "px";
      bar.setAttribute("data-i", i);
      box.appendChild(bar);
    });
  }
  function paintHistogram(i, j) {
    var bars = $("dg-hist").children;
    for (var k = 0; k < bars.length; k++) {
      var at = +bars[k].getAttribute("data-i");
      bars[k].className = at >= i && at <= j ? "bar in" : "bar";
    }
  }
  function setDates(lo, hi) {
    if (!DAYS.length) return;
    if (lo > hi) { var t = lo; lo = hi; hi = t; }
    state.lo = lo; state.hi = hi;
    var i = firstAtOrAfter(lo), j = lastAtOrBefore(hi);
    $("dg-lo").value = i; $("dg-hi").value = Math.max(i, j);
    $("dg-from").value = iso(lo); $("dg-to").value = iso(hi);
    var fill = $("dg-fill");
    fill.style.left = pct(i) + "%";
    fill.style.width = Math.max(0, pct(j) - pct(i)) + "%";
    paintHistogram(i, j);
    var days = hi - lo + 1;
    $("dg-window").textContent = iso(lo) + " – " + iso(hi) + " (" + days + (days === 1 ? " day)" : " days)");
    recompute();
  }
  function setupDates() {
    var lo = $("dg-lo"), hi = $("dg-hi");
    if (!DAYS.length) {
      $("dg-time").querySelectorAll("input,button").forEach(function (x) { x.disabled = true; });
      $("dg-window").textContent = "no dated items";
      return;
    }
    var last = DAYS.length - 1;
    [lo, hi].forEach(function (r) { r.min = 0; r.max = last; r.step = 1; });
    $("dg-from").min = $("dg-to").min = iso(DAYS[0]);
    $("dg-from").max = $("dg-to").max = iso(DAYS[last]);
    lo.addEventListener("input", function () { stopPlay(); setDates(Math.min(DAYS[+lo.value], state.hi), state.hi); });
    hi.addEventListener("input", function () { stopPlay(); setDates(state.lo, Math.max(DAYS[+hi.value], state.lo)); });
    $("dg-from").addEventListener("change", function () { stopPlay(); var d = dayOf(this.value); if (d !== null) setDates(d, Math.max(d, state.hi)); });
    $("dg-to").addEventListener("change", function () { stopPlay(); var d = dayOf(this.value); if (d !== null) setDates(Math.min(d, state.lo), d); });
    $("dg-all-dates").addEventListener("click", function () { stopPlay(); setDates(DAYS[0], DAYS[last]); });
    $("dg-play").addEventListener("click", function () { if (playing) stopPlay(true); else startPlay(); });
    // Mark 24 February 2022 on the track when it is in range, with a button for the run-up to it.
    var mark = dayOf("2022-02-24");
    var runUp = $("dg-runup");
    runUp.style.display = mark >= DAYS[0] && mark - 55 <= DAYS[last] ? "" : "none";
    runUp.addEventListener("click", function () { stopPlay(); setDates(mark - 55, mark); });
    if (mark >= DAYS[0] && mark <= DAYS[last] && last > 0) {
      var tick = el("div", "tick"); tick.title = "24 Feb 2022";
      tick.style.left = pct(firstAtOrAfter(mark)) + "%";
      $("dg-range").insertBefore(tick, lo);
    }
    setDates(DAYS[0], DAYS[last]);
  }
  /* Play runs the window's end from its start to the last date; after a pause it resumes. */
  var resumable = false;
  function startPlay() {
    var last = DAYS.length - 1;
    var step = Math.max(1, Math.round(DAYS.length / 120));
    if (!resumable || state.hi >= DAYS[last]) setDates(state.lo, DAYS[firstAtOrAfter(state.lo)]);
    resumable = false;
    $("dg-play").textContent = "Pause";
    playing = setInterval(function () {
      var j = lastAtOrBefore(state.hi);
      if (j >= last) { stopPlay(); return; }
      setDates(state.lo, DAYS[Math.min(last, j + step)]);
    }, 450);
  }
  function stopPlay(pausing) {
    if (playing) clearInterval(playing);
    resumable = !!(pausing && playing);
    playing = null;
    $("dg-play").textContent = "Play";
  }

  /* ---------- highlight: what is selected and its neighbours stay bright, the rest fades ---------- */
  // Only items on screen are updated (vis-network is slow to restyle thousands); recompute()
  // brings items that come into view up to date before they show.
  var dimmed = { nodes: {}, edges: {} }, keep = null;
  var byId = { nodes: {}, edges: {} };
  function restyle(kind, ids) {
    var updates = [];
    ids.forEach(function (id) {
      var dim = !!keep && !keep[kind][id];
      if (dim === !!dimmed[kind][id]) return;
      dimmed[kind][id] = dim;
      var x = byId[kind][id];
      if (kind === "nodes") {
        updates.push({ id: id, opacity: dim ? 0.18 : 1, font: dim ? { color: "rgba(80,80,80,0.25)" } : x.font });
      } else {
        var c = x.color;
        updates.push({ id: id, color: { color: c.color, highlight: c.highlight, hover: c.hover, opacity: dim ? 0.07 : c.opacity } });
      }
    });
    if (updates.length) (kind === "nodes" ? nodes : edges).update(updates);
  }
  function highlight(keepNodes, keepEdges) {
    keep = keepNodes ? { nodes: keepNodes, edges: keepEdges || {} } : null;
    restyle("nodes", Object.keys(visibleNodes));
    restyle("edges", Object.keys(visibleEdges));
  }
  function highlightNode(id) {
    var keepNodes = {}, keepEdges = {};
    keepNodes[id] = true;
    network.getConnectedNodes(id).forEach(function (n) { keepNodes[n] = true; });
    network.getConnectedEdges(id).forEach(function (e) { keepEdges[e] = true; });
    highlight(keepNodes, keepEdges);
  }
  function highlightEdges(ids) {
    var keepNodes = {}, keepEdges = {};
    edges.get(ids).forEach(function (e) { keepEdges[e.id] = true; keepNodes[e.from] = true; keepNodes[e.to] = true; });
    highlight(keepNodes, keepEdges);
  }

  /* ---------- selection and the facts panel ---------- */
  function selectFact(fid, still) {
    var v = DATA.views[state.view];
    var hidden = false;
    if (nodes.get(fid)) {
      if (!visibleNodes[fid] && state.focus) { state.focus = null; recompute(); }
      if (visibleNodes[fid]) {
        network.selectNodes([fid]);
        highlightNode(fid);
        if (!still) network.focus(fid, { scale: Math.max(network.getScale(), 0.9), animation: { duration: 300 } });
      } else {
        hidden = true;
      }
    } else {
      var ids = edges.getIds({ filter: function (e) { return e.fact === fid && visibleEdges[e.id]; } });
      network.setSelection({ nodes: [], edges: ids }, { unselectAll: true, highlightEdges: false });
      if (ids.length) highlightEdges(ids); else highlight(null, null);
      hidden = !ids.length && edges.getIds({ filter: function (e) { return e.fact === fid; } }).length > 0;
      if (ids.length && !still) {
        var ends = {};
        edges.get(ids).forEach(function (e) { ends[e.from] = 1; ends[e.to] = 1; });
        network.fit({ nodes: Object.keys(ends), animation: { duration: 300 }, maxZoomLevel: 1.3 });
      }
    }
    state.selected = fid;
    showFact(fid);
    if (hidden) {
      $("dg-facts").insertBefore(el("p", "note", "Hidden in the graph by the current filters (dates, types or search)."),
        $("dg-facts").firstChild);
    }
  }
  function chipFor(id) {
    var c = el("span", "chip", name(id));
    if (FACTS[id]) c.addEventListener("click", function () { selectFact(id); });
    return c;
  }
  function row(dl, key, value) {
    if (value === undefined || value === null || value === "" || (value.length === 0)) return;
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
    add(dl, el("dt", "", key), dd);
  }
  function chips(ids) { var s = el("span"); ids.forEach(function (id) { s.appendChild(chipFor(id)); }); return ids.length ? s : null; }
  function sourceLink(articleId) {
    var a = FACTS[articleId];
    var box = el("div", "meta");
    if (!a) { box.textContent = "article " + articleId; return box; }
    var href = safeHref(a.url);
    var title;
    if (href) { title = el("a", "src", a.title); title.href = href; title.target = "_blank"; title.rel = "noopener noreferrer"; }
    else title = el("span", "", a.title);
    return add(box, title, el("span", "", " · " + a.outlet + " · " + a.published + " · " + a.source_file));
  }
  function badge(text, color) { var b = el("span", "badge", text); b.style.background = color; return b; }
  function styleOf(kind) {
    var all = DATA.views.actors.legend.edges.concat(DATA.views.full.legend.edges);
    for (var i = 0; i < all.length; i++) if (all[i].key === kind) return all[i];
    return { color: "#888", label: kind };
  }
  function nodeStyleOf(group) {
    var all = DATA.views.full.legend.nodes.concat(DATA.views.actors.legend.nodes);
    for (var i = 0; i < all.length; i++) if (all[i].key === group) return all[i];
    return { color: "#888", label: group };
  }
  function timelineItem(fid, me) {
    var f = FACTS[fid];
    var item = el("div", "tl-item");
    var head = el("div");
    add(head, el("span", "tl-date", f.date || "undated"));
    if (f.kind === "interaction") {
      add(head, el("span", "", f.type_label + " · " + f.status));
      var others = f.participants.filter(function (p) { return p !== me; }).map(name);
      add(item, head, el("div", "meta", "with " + (others.join("、") || "—") + (f.place ? " · @ " + f.place : "")));
    } else {
      var who = f.speaker === me ? "said" + (f.addressee ? " to " + name(f.addressee) : "") : name(f.speaker) + " said to them";
      add(head, el("span", "", (f.edge_kind === "warning" ? "warning · " : "") + who));
      add(item, head, el("blockquote", "", f.quote || f.evidence));
    }
    var span = DATES[fid];
    if (span && (span[1] < state.lo || span[0] > state.hi)) { item.className += " out"; item.title = "outside the date window"; }
    item.tabIndex = 0;
    item.addEventListener("click", function () { selectFact(fid); });
    item.addEventListener("keydown", function (ev) { if (ev.key === "Enter") selectFact(fid); });
    return item;
  }
  function showHint() {
    var box = $("dg-facts"); box.textContent = "";
    var c = DATA.counts;
    add(box, el("h3", "", DATA.views[state.view].title));
    add(box, el("p", "hint", c.articles + " articles · " + c.actors + " actors · " + c.interactions + " interactions · " + c.statements + " statements"));
    var ul = el("ul", "hint");
    ["Click a node or a link to see its facts, every report's sentence and its source.",
     "Search an actor (Chinese or English name) to see only their counterparts.",
     "Drag the date handles, or press Play, to watch the weeks before 24 February 2022 unfold.",
     "Tick types in the legend on and off to filter."].forEach(function (t) { ul.appendChild(el("li", "", t)); });
    box.appendChild(ul);
    // Entry points: the most connected actors, and the days with the most happening.
    var top = DATA.views[state.view].nodes.filter(function (n) { return ACTOR_GROUPS[n.cat] && n.degree > 0; })
      .sort(function (a, b) { return b.degree - a.degree || (a.label < b.label ? -1 : 1); }).slice(0, 10);
    if (top.length) {
      add(box, el("h4", "", "Most connected 联系最多"));
      var chipsBox = el("div");
      top.forEach(function (n) {
        var c = chipFor(n.id);
        c.textContent = name(n.id) + " · " + n.degree;
        chipsBox.appendChild(c);
      });
      box.appendChild(chipsBox);
    }
    var perDay = {};
    DATA.views.actors.edges.forEach(function (e) { if (e.d0 !== undefined && e.d0 === e.d1) perDay[e.d0] = (perDay[e.d0] || 0) + 1; });
    var busiest = Object.keys(perDay).sort(function (a, b) { return perDay[b] - perDay[a] || a - b; }).slice(0, 6)
      .sort(function (a, b) { return a - b; });
    if (busiest.length) {
      add(box, el("h4", "", "Busiest days 活动最多的日子"));
      var days = el("div");
      busiest.forEach(function (d) {
        var c = el("span", "chip", iso(+d) + " · " + perDay[d]);
        c.title = "Show this day only";
        c.addEventListener("click", function () { stopPlay(); setDates(+d, +d); });
        days.appendChild(c);
      });
      box.appendChild(days);
    }
  }
  function showFact(fid) {
    var f = FACTS[fid];
    var box = $("dg-facts"); box.textContent = "";
    if (!f) { showHint(); return; }
    var dl = el("dl", "kv");
    if (f.kind === "actor") {
      var st = nodeStyleOf(f.type);
      add(box, badge(st.label, st.color), el("h3", "", f.label));
      row(dl, "Chinese", f.label_zh); row(dl, "English", f.label_en); row(dl, "Role", f.role);
      if (f.country && f.country !== fid) row(dl, "Country", chipFor(f.country));
      row(dl, "Aliases", f.aliases.join(" · "));
      row(dl, "Articles", f.articles.length + " mention" + (f.articles.length === 1 ? "" : "s"));
      if (f.wikidata) row(dl, "Wikidata", f.wikidata);
      box.appendChild(dl);
      var inWindow = f.timeline.filter(function (t) { var d = DATES[t]; return !d || (d[1] >= state.lo && d[0] <= state.hi); }).length;
      add(box, el("h4", "", "Timeline 时间线 (" + f.timeline.length +
        (inWindow < f.timeline.length ? ", " + inWindow + " in the date window" : "") + ")"));
      if (!f.timeline.length) box.appendChild(el("p", "empty", "No interactions or statements recorded."));
      f.timeline.forEach(function (t) { if (FACTS[t]) box.appendChild(timelineItem(t, fid)); });
      if (f.articles.length) {
        add(box, el("h4", "", "Mentioned in 提及"));
        f.articles.forEach(function (a) { box.appendChild(sourceLink(a)); });
      }
    } else if (f.kind === "interaction") {
      var s = styleOf(f.edge_kind);
      add(box, badge(f.type_label, s.color), el("span", "badge status", DATA.status[f.status] || f.status));
      add(box, el("h3", "", f.participants.map(name).join(" — ")));
      row(dl, "Type", f.type_label); row(dl, "Date", f.date || "undated"); row(dl, "Place", f.place);
      row(dl, "Status", DATA.status[f.status] || f.status); row(dl, "Participants", chips(f.participants));
      box.appendChild(dl);
      add(box, el("h4", "", "Reports 报道 (" + f.reports.length + ")"));
      f.reports.forEach(function (r) {
        var rep = el("div", "report");
        add(rep, sourceLink(r.article),
          el("div", "meta", "reported as " + r.type + " · " + r.status + (r.date ? " · " + r.date : "") + (r.place ? " · @ " + r.place : "")),
          el("blockquote", "", r.evidence));
        box.appendChild(rep);
      });
    } else if (f.kind === "statement") {
      var s2 = styleOf(f.edge_kind);
      add(box, badge(s2.label.replace(" →", ""), s2.color));
      add(box, el("h3", "", name(f.speaker) + (f.addressee ? " → " + name(f.addressee) : "")));
      row(dl, "Speaker", chipFor(f.speaker)); if (f.addressee) row(dl, "Addressee", chipFor(f.addressee));
      row(dl, "Date", f.date || "undated"); row(dl, "Act", f.type + (f.verb ? " (" + f.verb + ")" : ""));
      row(dl, "Topics", chips(f.topics));
      box.appendChild(dl);
      if (f.quote) { add(box, el("h4", "", "Quote 引语")); box.appendChild(el("blockquote", "", f.quote)); }
      add(box, el("h4", "", "Sentence 原句"), el("blockquote", "", f.evidence), el("h4", "", "Source 来源"), sourceLink(f.article));
    } else if (f.kind === "article") {
      add(box, badge("Article 文章", nodeStyleOf("Article").color), el("h3", "", f.title));
      var href = safeHref(f.url), link = null;
      if (href) { link = el("a", "src", href); link.href = href; link.target = "_blank"; link.rel = "noopener noreferrer"; }
      row(dl, "Outlet", f.outlet); row(dl, "Published", f.published); row(dl, "File", f.source_file); row(dl, "URL", link);
      box.appendChild(dl);
      add(box, el("h4", "", "Reports here (" + f.items.length + ")"));
      f.items.forEach(function (t) { if (FACTS[t]) box.appendChild(timelineItem(t, null)); });
    } else if (f.kind === "topic") {
      add(box, badge("Topic 议题", nodeStyleOf("Topic").color), el("h3", "", f.label));
      row(dl, "English", f.label_en); box.appendChild(dl);
      add(box, el("h4", "", "Statements (" + f.items.length + ")"));
      f.items.forEach(function (t) { if (FACTS[t]) box.appendChild(timelineItem(t, null)); });
    }
  }

  /* ---------- wiring ---------- */
  network.setData({ nodes: nodeView, edges: edgeView });
  network.on("click", function (p) {
    if (p.nodes.length) { var n = nodes.get(p.nodes[0]); state.selected = n.fact; highlightNode(n.id); showFact(n.fact); }
    else if (p.edges.length) {
      var e = edges.get(p.edges[0]);
      state.selected = e.fact;
      highlightEdges(edges.getIds({ filter: function (x) { return x.fact === e.fact; } }));
      showFact(e.fact);
    }
    else { state.selected = null; highlight(null, null); showHint(); }
  });
  document.querySelectorAll(".views button").forEach(function (b) {
    b.addEventListener("click", function () {
      var name = b.getAttribute("data-view");
      if (!DATA.views[name] || name === state.view) return;
      if (!DATA.views[name].large) { setView(name); return; }
      // A large view takes a moment to draw: say so first, and let the browser paint that.
      $("dg-status").textContent = "Drawing " + DATA.views[name].nodes.length + " nodes…";
      document.body.style.cursor = "progress";
      setTimeout(function () { setView(name); document.body.style.cursor = ""; }, 30);
    });
  });
  var search = $("dg-search");
  search.addEventListener("input", function () { runSearch(search.value, false); });
  search.addEventListener("keydown", function (ev) {
    var rows = $("dg-matches").querySelectorAll("div[data-id]");
    var at = -1;
    rows.forEach(function (r, i) { if (r.className === "active") at = i; });
    if ((ev.key === "ArrowDown" || ev.key === "ArrowUp") && rows.length) {
      ev.preventDefault();
      var next = ev.key === "ArrowDown" ? Math.min(rows.length - 1, at + 1) : Math.max(0, at - 1);
      rows.forEach(function (r, i) { r.className = i === next ? "active" : ""; });
      rows[next].scrollIntoView({ block: "nearest" });
    }
    if (ev.key === "Enter") {
      ev.preventDefault();
      if ($("dg-matches").className === "open" && at >= 0) chooseActor(rows[at].getAttribute("data-id"));
      else runSearch(search.value, true);
    }
    if (ev.key === "Escape") clearSearch();
  });
  search.addEventListener("blur", function () { setTimeout(function () { $("dg-matches").className = ""; }, 150); });
  $("dg-clear").addEventListener("click", clearSearch);
  $("dg-isolated").addEventListener("change", function () { state.hideIsolated = this.checked; recompute(); });
  $("dg-undated").addEventListener("change", function () { state.undated = this.checked; recompute(); });
  $("dg-labels").addEventListener("change", function () { applyLabels(this.checked); });
  $("dg-fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });
  $("dg-reset").addEventListener("click", function () {
    // Put every node back where the build placed it (after dragging), and show the whole graph.
    DATA.views[state.view].nodes.forEach(function (n) { if (visibleNodes[n.id]) network.moveNode(n.id, n.x, n.y); });
    network.fit({ animation: { duration: 300 } });
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && ev.target === document.body) { network.unselectAll(); highlight(null, null); showHint(); }
  });

  network.once("afterDrawing", function () { window.__dgDrawn = true; });
  setupDates();
  setView("actors");
  window.diplograph = {
    state: state, setView: setView, setDates: setDates, search: runSearch, chooseActor: chooseActor,
    clearSearch: clearSearch, selectFact: selectFact, dayOf: dayOf,
    visible: function () { return { nodes: Object.keys(visibleNodes), edges: Object.keys(visibleEdges) }; },
    ready: true
  };
})();
