/* main.js: one refresh for every change (filters, window, focus, selection), the actions the controls call,
 * the wiring of canvas and keyboard, and window.diplograph for the browser tests.
 * Runs after pyvis' drawGraph(), which defines the globals `network`, `nodes` and `edges`. */

/* Recompute everything from the state: passing facts, counts, links, what the canvas shows, the panel. */
function refresh() {
  refreshCanvas();
  refreshPanels();
}
function refreshCanvas() {
  scan();
  aggregate();
  quietly(draw);
}
function refreshPanels() {
  buildFilters();
  drawAxis();
  updateStatus();
  showSelected();
  writeHash();
}
function updateStatus() {
  var actors = SHOWN.nodes.filter(function (n) { return n.kind === "actor"; }).length, facts = {};
  SHOWN.edges.forEach(function (e) { if (e.link) e.link.facts.forEach(function (f) { facts[f] = 1; }); });
  SHOWN.nodes.forEach(function (n) { if (n.kind === "fact") facts[n.fact] = 1; });
  $("dg-status").textContent = plural(actors, "actor") + " · " + plural(SHOWN.edges.length, "link") + " · " +
    plural(count(facts), "fact") + " shown" + (windowIsAll() ? "" : " · " + iso(state.lo) + " – " + iso(state.hi));
  var empty = $("dg-empty");
  if (!NA) empty.textContent = "This graph is empty: the build found no actors.";
  else if (!SHOWN.nodes.length) empty.textContent = "Nothing matches: widen the date window or turn filters back on.";
  else if (state.focus >= 0 && SHOWN.nodes.length === 1 && state.view === "actors") {
    empty.textContent = actorName(state.focus) + " has no links in this window and these filters (see the panel for everything they said).";
  } else empty.textContent = "";
  empty.style.display = empty.textContent ? "block" : "none";
}

/* ---------- actions ---------- */
function select(id) {
  state.selected = id || "";
  quietly(reselect);
  showSelected();
  writeHash();
}
function chooseActor(a) {
  $("dg-search").value = A.label[a];
  state.query = A.label[a];
  $("dg-matches").className = "";
  focusOn(a);
}
function focusOn(a) {
  stopPlay();
  state.focus = a; state.other = -1; state.mode = ""; state.cap = 0;
  state.selected = A.id[a];
  refresh();
}
function unfocus() {
  state.focus = -1; state.other = -1; state.mode = ""; state.cap = 0; state.query = "";
  $("dg-search").value = "";
  if (state.selected && state.selected.indexOf("actor:") === 0) state.selected = "";
  refresh();
}
function compareWith(b, mode) {
  state.other = b; state.mode = b >= 0 ? mode : ""; state.cap = 0;
  if (b >= 0 && mode === "path") state.selected = "";
  refresh();
}
function setView(name) {
  if (name !== "actors" && name !== "facts") return;
  state.view = name; state.cap = 0;
  document.querySelectorAll(".views button").forEach(function (b) { b.className = b.getAttribute("data-view") === name ? "on" : ""; });
  refresh();
}
function clearSelection() {
  network.unselectAll();
  hideTip();
  if (state.selected) select("");
  else highlight(null, null);
}

/* ---------- wiring ---------- */
function setupCanvas() {
  network.setData({ nodes: nodes, edges: edges });
  network.on("click", function (p) {
    if (p.nodes.length) {
      var n = SHOWN.byNode[p.nodes[0]];
      select(n.kind === "fact" ? factId(n.fact) : n.id);
    } else if (p.edges.length) {
      var e = SHOWN.byEdge[p.edges[0]];
      if (e && e.link) select(pairId(e.link.a, e.link.b));
      else if (e) select(e.from.indexOf("actor:") === 0 ? e.to : e.from);
    } else select("");
  });
  network.on("doubleClick", function (p) {
    var n = p.nodes.length && SHOWN.byNode[p.nodes[0]];
    if (n && n.kind === "actor") chooseActor(n.actor);
  });
  setupTips();
  document.querySelectorAll(".views button").forEach(function (b) {
    b.addEventListener("click", function () { setView(b.getAttribute("data-view")); });
  });
  // Escape clears the selection wherever the keyboard focus is (the canvas too), but leaves text boxes alone.
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Escape") return;
    var t = ev.target, typing = t && (t.tagName === "INPUT" && t.type === "text" || t.tagName === "TEXTAREA" || t.tagName === "SELECT");
    if (typing) return;
    if (state.selected || keep) clearSelection();
    else if (state.focus >= 0) unfocus();
  });
  window.addEventListener("hashchange", function () {
    if (location.hash.slice(1) === encodeState()) return;
    applyHash();
    refresh();
  });
}
function applyHash() {
  var when = readHash();
  $("dg-search").value = state.query;
  document.querySelectorAll(".views button").forEach(function (b) { b.className = b.getAttribute("data-view") === state.view ? "on" : ""; });
  computeAxis();
  if (AXIS) {
    applyAxis();
    setDates(when.from !== null ? when.from : AXIS.lo, when.to !== null ? when.to : AXIS.hi, true);
  }
}

setupTime();
setupFilters();
setupSearch();
setupCanvas();
applyHash();
// The opening comes in three tasks (the data read, the canvas, the panels), so the tab never freezes for long.
setTimeout(function () {
  TIMES.first = performance.now();
  refreshCanvas();
  TIMES.canvas = performance.now();
  setTimeout(function () {
    TIMES.panels = performance.now();
    refreshPanels();
    TIMES.refreshed = performance.now();
    // The opening view counts as drawn when vis-network has painted it, with its panels.
    network.once("afterDrawing", function () { TIMES.drawn = performance.now(); window.__dgDrawn = true; });
    network.redraw();
    window.diplograph.ready = true;
  }, 0);
}, 0);
window.diplograph = {
  state: state, refresh: refresh, setDates: setDates, setView: setView, select: select, focusOn: focusOn,
  chooseActor: function (id) { var a = typeof id === "number" ? id : ACTOR_INDEX[id]; if (a !== undefined) chooseActor(a); },
  compare: function (id, mode) { compareWith(ACTOR_INDEX[id], mode); }, unfocus: unfocus, setFar: setFar,
  dayOf: dayOf, csv: csvText, png: pngData, exportCsv: exportCsv, exportPng: exportPng, togglePanel: togglePanel,
  /* What is drawn: node ids, and per link its actors, kind and the ids of its facts. */
  visible: function () {
    return { nodes: SHOWN.nodes.map(function (n) { return n.id; }),
             links: SHOWN.edges.filter(function (e) { return e.link; }).map(function (e) {
               return { id: e.id, from: A.id[e.link.a], to: A.id[e.link.b], kind: RELS[e.link.rel], width: e.width,
                        facts: e.link.facts.map(factId) }; }),
             facts: SHOWN.nodes.filter(function (n) { return n.kind === "fact"; }).map(function (n) { return factId(n.fact); }) };
  },
  passing: function () { var out = []; for (var f = 0; f < NF; f++) if (PASS[f]) out.push(factId(f)); return out; },
  axis: function () { return AXIS; },
  times: TIMES,
  ready: false
};
