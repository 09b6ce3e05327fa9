/* views.js: what the canvas shows (the overview, an actor's neighbourhood, a path, common counterparts, or
 * the facts graph), laid out and fitted when the set of nodes changes, and drawn into vis-network. */
/* How many actors (facts) a view shows before "show more": so many on a 1600 x 1000 screen, fewer on a
 * smaller canvas, where as many would not leave their labels room. */
var OVERVIEW = 60, AROUND = 40, FACT_CAP = 80;
function defaultCap(base) {
  var box = $("mynetwork"), room = Math.min(1, box.clientWidth * box.clientHeight / (960 * 740));
  return Math.max(Math.round(base * 2 / 3), Math.round(base * room));
}
function capOf(base) { return state.cap || defaultCap(base); }
var SHOWN = { nodes: [], edges: [], byNode: {}, byEdge: {}, more: 0, total: 0 };  // what is drawn now
var POS = {};        // where each drawn node is (canvas pixels)
var gain = 1;        // how much the last arrangement enlarged the labels, so that fitted they stay legible
var MIN_LABEL = 11;  // pixels
var arranged = "";   // the view and node set of the last arrangement

/* ---------- which actors and links ---------- */
function overviewSet() {
  var all = [];
  for (var a = 0; a < NA; a++) if (WEIGHT[a] > 0) all.push(a);
  all.sort(function (x, y) { return WEIGHT[y] - WEIGHT[x] || x - y; });
  var cap = capOf(OVERVIEW), chosen = all.slice(0, cap), inSet = {};
  chosen.forEach(function (a) { inSet[a] = true; });
  return { actors: chosen, links: LINKS.filter(function (l) { return inSet[l.a] && inSet[l.b]; }), more: all.length - chosen.length,
           total: all.length };
}
function focusSet(f) {
  var around = counterparts(f), first = ranked(around), cap = capOf(AROUND);
  var shown = first.slice(0, cap), inSet = {}, ring = {};
  inSet[f] = true;
  shown.forEach(function (a) { inSet[a] = true; ring[a] = 1; });
  var more = first.length - shown.length, second = [], far = [];
  if (state.depth === 2) {
    var score = {};
    shown.forEach(function (a) {
      (ADJ[a] || []).forEach(function (l) { var o = l.a === a ? l.b : l.a; if (!inSet[o]) score[o] = (score[o] || 0) + l.facts.length; });
    });
    far = ranked(score);
    second = far.slice(0, cap);
    more += far.length - second.length;
    second.forEach(function (a) { inSet[a] = true; ring[a] = 2; });
  }
  var links = LINKS.filter(function (l) {
    if (!inSet[l.a] || !inSet[l.b]) return false;
    if (l.a === f || l.b === f) return true;
    var ra = ring[l.a], rb = ring[l.b];
    return ra !== rb || state.among;  // links among the neighbours on request
  });
  return { actors: [f].concat(shown, second), links: links, more: more, total: first.length,
           ring1: [shown.length, first.length], ring2: [second.length, far.length] };
}
function distances(from) {
  var dist = {}, queue = [from];
  dist[from] = 0;
  for (var q = 0; q < queue.length; q++) {
    var a = queue[q];
    (ADJ[a] || []).forEach(function (l) { var o = l.a === a ? l.b : l.a; if (dist[o] === undefined) { dist[o] = dist[a] + 1; queue.push(o); } });
  }
  return dist;
}
/* Every actor on a shortest path between f and g (in the links the window and filters leave). */
function pathSet(f, g) {
  var df = distances(f), dg = distances(g), total = df[g];
  if (total === undefined) return { actors: [f, g], links: [], more: 0, total: 0, none: true };
  var on = Object.keys(df).map(Number).filter(function (a) { return dg[a] !== undefined && df[a] + dg[a] === total; });
  on.sort(function (x, y) { return df[x] - df[y] || WEIGHT[y] - WEIGHT[x]; });
  var cap = state.cap || 80, shown = on.slice(0, cap), inSet = {};
  if (shown.indexOf(g) < 0) shown[shown.length - 1] = g;  // a cut list of paths still ends at the second actor
  shown.forEach(function (a) { inSet[a] = true; });
  var links = LINKS.filter(function (l) {
    return inSet[l.a] && inSet[l.b] && Math.abs(df[l.a] - df[l.b]) === 1;  // both ends on shortest paths, one step apart
  });
  return { actors: shown, links: links, more: on.length - shown.length, total: total };
}
function commonSet(f, g) {
  var cf = counterparts(f), cg = counterparts(g), score = {};
  Object.keys(cf).forEach(function (a) { if (cg[a] !== undefined && +a !== g) score[a] = Math.min(cf[a], cg[a]); });
  var all = ranked(score), cap = capOf(AROUND), shown = all.slice(0, cap), inSet = {};
  inSet[f] = inSet[g] = true;
  shown.forEach(function (a) { inSet[a] = true; });
  var links = LINKS.filter(function (l) {
    if (!inSet[l.a] || !inSet[l.b]) return false;
    return l.a === f || l.b === f || l.a === g || l.b === g || state.among;
  });
  return { actors: [f, g].concat(shown), links: links, more: all.length - shown.length, total: all.length };
}
function actorSet() {
  if (state.focus < 0) return overviewSet();
  if (state.other >= 0 && state.mode === "path") return pathSet(state.focus, state.other);
  if (state.other >= 0 && state.mode === "common") return commonSet(state.focus, state.other);
  return focusSet(state.focus);
}

/* ---------- the look of actors and links ---------- */
function actorNode(a, rank) {
  var type = V.types[A.type[a]] || V.nodes.Person, font = rank < 10 ? 22 : rank < 30 ? 17 : 13;
  var label = state.labels === "off" ? "" : state.labels === "en" && A.en[a] ? A.en[a] : A.label[a];
  return { id: A.id[a], actor: a, label: label, shape: type.shape, size: Math.min(22, 7 + 1.6 * Math.sqrt(WEIGHT[a])),
           c: A.media[a] ? "#9aa5b1" : type.color, font: font, kind: "actor" };
}
function linkWidth(n) { return Math.round((0.8 + 1.6 * Math.log2(1 + n)) * 10) / 10; }
function linkEdge(l) {
  var style = relStyle(l.rel), n = l.facts.length, dashes = false;
  var held = l.statuses[0], nonHeld = l.statuses[1] + l.statuses[2] + l.statuses[3];
  if (nonHeld && !held) {
    var most = [1, 2, 3].sort(function (x, y) { return l.statuses[y] - l.statuses[x]; })[0];
    dashes = V.statuses[most].dashes;
  }
  return { id: l.id, from: A.id[l.a], to: A.id[l.b], link: l, width: linkWidth(n), c: style.color,
           o: l.reported === n ? 0.4 : 1,  // every fact placed by its report date: drawn lighter
           dashes: dashes, arrows: { to: { enabled: l.fwd > 0 }, from: { enabled: l.back > 0 } } };
}
/* Parallel links of a pair (a call and a statement …) curve apart; a lone link is straight. */
function curve(edges) {
  var byPair = {};
  edges.forEach(function (e) { var k = e.from < e.to ? e.from + "|" + e.to : e.to + "|" + e.from; (byPair[k] = byPair[k] || []).push(e); });
  Object.keys(byPair).forEach(function (k) {
    var list = byPair[k];
    if (list.length === 1) { list[0].smooth = false; return; }
    list.forEach(function (e, r) {
      var level = Math.floor(r / 2) + 1, side = r % 2 ? 1 : -1;
      if (list.length % 2 && r === 0) { e.smooth = false; return; }
      if (list.length % 2) { level = Math.floor((r + 1) / 2); side = r % 2 ? -1 : 1; }
      if (e.from > e.to) side = -side;
      e.smooth = { enabled: true, type: side > 0 ? "curvedCW" : "curvedCCW", roundness: 0.18 * level };
    });
  });
}

/* ---------- the facts graph: facts, topics and articles as nodes, around the same actors ---------- */
/* Which facts: those of the focus actor; on a path or among common counterparts, those between two actors
 * of the view; in the overview, those of its ten busiest actors. */
function factsGraph(set) {
  var core = {}, actors = {}, nodes = [], edges = [], seen = new Set(), facts = [], between = state.focus >= 0 && state.mode;
  if (between) set.actors.forEach(function (a) { core[a] = true; });
  else if (state.focus >= 0) core[state.focus] = true;
  else set.actors.slice(0, 10).forEach(function (a) { core[a] = true; });
  Object.keys(core).forEach(function (a) {
    ACTOR_FACTS[+a].forEach(function (f) {
      if (!PASS[f] || seen.has(f)) return;
      if (between && !F_PAIRS[f].some(function (p) { return core[p[0]] && core[p[1]]; })) return;
      seen.add(f);
      facts.push(f);
    });
  });
  facts.sort(function (f, g) { return F_NREP[g] - F_NREP[f] || byDate(g, f); });
  var cap = capOf(FACT_CAP), shown = facts.slice(0, cap), extra = {};
  function addActor(a) { if (!actors[a]) { actors[a] = true; nodes.push(actorNode(a, core[a] ? 0 : 40)); } }
  function addExtra(id, label, group, size) {
    if (extra[id]) return;
    extra[id] = true;
    var st = V.nodes[group];
    nodes.push({ id: id, label: label, shape: st.shape, size: size, c: st.color, font: 11, kind: group.toLowerCase() });
  }
  shown.forEach(function (f) {
    var fid = factId(f), rel = relStyle(F_REL[f]), i = f < NI ? f : f - NI;
    var label = f < NI ? RELS[F_REL[f]] + " " + (INT.date[i] || "") : "";
    nodes.push({ id: fid, fact: f, label: label, shape: f < NI ? "diamond" : "triangle", size: f < NI ? 11 : 8, c: rel.color,
                 font: 11, kind: "fact" });
    if (f < NI) {
      INT.parts[i].forEach(function (a) { addActor(a); edges.push({ id: fid + ">" + A.id[a], from: A.id[a], to: fid, rel: "participant" }); });
    } else {
      addActor(ST.speaker[i]);
      edges.push({ id: fid + "<s", from: A.id[ST.speaker[i]], to: fid, rel: "speaker" });
      if (ST.addressee[i] >= 0) { addActor(ST.addressee[i]); edges.push({ id: fid + ">a", from: fid, to: A.id[ST.addressee[i]], rel: "addressee" }); }
      ST.topics[i].forEach(function (t) {
        addExtra(TOP.id[t], TOP.label[t], "Topic", 10);
        edges.push({ id: fid + ">" + TOP.id[t], from: fid, to: TOP.id[t], rel: "topic" });
      });
    }
    F_ARTICLES[f].forEach(function (x) {
      addExtra(ART.id[x], "", "Article", 7);  // unlabelled: the tooltip and the panel give the title
      edges.push({ id: fid + ">" + ART.id[x], from: fid, to: ART.id[x], rel: "reportedIn" });
    });
  });
  edges.forEach(function (e) {
    var st = V.relations[e.rel];
    e.c = st.color; e.width = st.width; e.dashes = false; e.o = 1; e.arrows = { to: { enabled: !!st.arrow } };
  });
  return { nodes: nodes, edges: edges, more: facts.length - shown.length, total: facts.length };
}

/* ---------- drawing ---------- */
function visNode(n) {
  var actor = n.kind === "actor";
  return { id: n.id, label: n.label, shape: n.shape, size: n.size, x: POS[n.id][0], y: POS[n.id][1],
           color: { background: n.c, border: actor ? "#ffffff" : n.c, highlight: { background: n.c, border: "#111111" },
                    hover: { background: n.c, border: "#111111" } },
           font: { size: Math.round(n.font * gain), color: actor ? "#1f2933" : "#555555" }, opacity: 1, chosen: true };
}
function visEdge(e) {
  return { id: e.id, from: e.from, to: e.to, width: e.width, dashes: e.dashes || false, smooth: e.smooth || false,
           arrows: e.arrows, color: { color: e.c, highlight: e.c, hover: e.c, opacity: e.o }, chosen: true };
}
function arrangeShown(reseed, fresh) {
  var box = $("mynetwork"), index = {};
  var width = Math.max(300, box.clientWidth - 40), height = Math.max(240, box.clientHeight - 40);
  SHOWN.nodes.forEach(function (n, i) { index[n.id] = i; });
  var items = SHOWN.nodes.map(function (n) {
    var seed = null;
    if (!reseed && POS[n.id]) seed = POS[n.id];
    else if (n.kind === "actor" && A.x[n.actor] !== null) seed = [A.x[n.actor], A.y[n.actor]];
    return { id: n.id, size: n.size, font: n.font, label: n.label, seed: seed };
  });
  var pinned = state.focus >= 0 && index[A.id[state.focus]] !== undefined ? index[A.id[state.focus]] : -1;
  var links = SHOWN.edges.map(function (e) { return [index[e.from], index[e.to], e.link ? e.link.facts.length : 1]; })
    .filter(function (l) { return l[0] !== undefined && l[1] !== undefined && l[0] !== l[1]; });
  var got = arrange(items, links, { width: width, height: height, pinned: pinned, fresh: fresh, minLabel: MIN_LABEL });
  POS = {};
  SHOWN.nodes.forEach(function (n, i) { POS[n.id] = got.xy[i]; });
  gain = got.gain;
}
/* Decide what to show, lay it out again when its nodes changed, and put it on the canvas. */
function draw() {
  var set = actorSet(), ranks = {};
  set.actors.slice().sort(function (x, y) { return WEIGHT[y] - WEIGHT[x] || x - y; }).forEach(function (a, r) { ranks[a] = r; });
  if (state.focus >= 0) ranks[state.focus] = 0;
  var graph;
  if (state.view === "facts") graph = factsGraph(set);
  else {
    graph = { nodes: set.actors.map(function (a) { return actorNode(a, ranks[a]); }), edges: set.links.map(linkEdge),
              more: set.more, total: set.total, none: set.none, ring1: set.ring1, ring2: set.ring2 };
    curve(graph.edges);
  }
  SHOWN = Object.assign(graph, { byNode: {}, byEdge: {} });
  graph.nodes.forEach(function (n) { SHOWN.byNode[n.id] = n; });
  graph.edges.forEach(function (e) { SHOWN.byEdge[e.id] = e; });
  var mode = [state.view, state.focus, state.other, state.mode, state.depth].join("/");
  var key = mode + ":" + graph.nodes.map(function (n) { return n.id + "@" + n.font + n.label; }).join(",");
  var relaid = key !== arranged;
  if (relaid) {
    // A neighbourhood, path or common view is laid out afresh; the overview and the facts graph start from the
    // build's positions (facts beside their actors), which are a good start for them.
    var changed = arranged.split(":")[0] !== mode;
    arrangeShown(changed, changed && state.focus >= 0 && state.view === "actors");
    arranged = key;
  }
  send("nodes", nodes, graph.nodes.map(visNode));
  send("edges", edges, graph.edges.map(visEdge));
  reselect();
  updateBar();  // before fitting: the drawing goes below the bar
  if (relaid) fitView();
}
/* Run `fn` (DataSet updates, selection, fit) and draw once at the end: vis-network would otherwise draw
 * after each of them, a dozen times for one change of filter. */
function quietly(fn) {
  var emitter = network.body && network.body.emitter;
  if (emitter) emitter.emit("_blockRedraw");
  try { fn(); } finally {
    if (emitter) emitter.emit("_allowRedraw");
    network.redraw();
    // and once more in the next frame: with arrowStrikethrough off, vis-network ends an arrowed line where
    // its arrow was in the draw before, so the first draw after nodes moved leaves such lines hanging
    requestAnimationFrame(function () { network.redraw(); });
  }
}
/* Put `records` into a vis DataSet, sending only what changed since the last time: vis-network spends a
 * fraction of a millisecond on every item it is given, which adds up to a visible pause for a dense view. */
var SENT = { nodes: {}, edges: {} };
function send(kind, set, records) {
  var keep = {}, changed = [], sent = SENT[kind];
  records.forEach(function (r) {
    keep[r.id] = true;
    var text = JSON.stringify(r);
    if (sent[r.id] === text) return;
    sent[r.id] = text;
    delete dimmed[kind][r.id];  // sent afresh, it is drawn undimmed
    changed.push(r);
  });
  var gone = Object.keys(sent).filter(function (id) { return !keep[id]; });
  gone.forEach(function (id) { delete sent[id]; delete dimmed[kind][id]; });
  if (gone.length) set.remove(gone);
  if (changed.length) set.update(changed);
}
/* Fit the drawing into the canvas below the bar over it (at once: an animated fit redraws a dozen times). */
function fitView() {
  network.fit({ animation: false });
  var bar = $("dg-bar").offsetHeight + 8, height = $("mynetwork").clientHeight;
  if (bar > 8 && height > 3 * bar) {
    network.moveTo({ position: network.getViewPosition(), scale: network.getScale() * (height - bar) / height,
                     offset: { x: 0, y: bar / 2 }, animation: false });
  }
}
function rearrange() { arranged = ""; POS = {}; SENT.nodes = {}; quietly(draw); }  // every node is sent again: dragged ones go back too

/* ---------- highlight: the selection and its neighbours stay bright, the rest fades and stops answering ---------- */
var dimmed = { nodes: {}, edges: {} }, keep = null;
function restyle() {
  var nu = [], eu = [];
  SHOWN.nodes.forEach(function (n) {
    var dim = !!keep && !keep.nodes[n.id];
    if (dim === !!dimmed.nodes[n.id]) return;
    dimmed.nodes[n.id] = dim;
    nu.push({ id: n.id, opacity: dim ? 0.18 : 1, chosen: !dim,
              font: { size: Math.round(n.font * gain), color: dim ? "rgba(80,80,80,0.25)" : n.kind === "actor" ? "#1f2933" : "#555555" } });
  });
  SHOWN.edges.forEach(function (e) {
    var dim = !!keep && !keep.edges[e.id];
    if (dim === !!dimmed.edges[e.id]) return;
    dimmed.edges[e.id] = dim;
    eu.push({ id: e.id, chosen: !dim, color: { color: e.c, highlight: e.c, hover: e.c, opacity: dim ? 0.07 : e.o } });
  });
  if (nu.length) nodes.update(nu);
  if (eu.length) edges.update(eu);
}
function highlight(nodeIds, edgeIds) {
  keep = nodeIds ? { nodes: nodeIds, edges: edgeIds || {} } : null;
  restyle();
}
function highlightNode(id) {
  var kn = {}, ke = {};
  kn[id] = true;
  SHOWN.edges.forEach(function (e) { if (e.from === id || e.to === id) { ke[e.id] = true; kn[e.from] = kn[e.to] = true; } });
  highlight(kn, ke);
}
function highlightPair(a, b) {
  var kn = {}, ke = {};
  kn[A.id[a]] = kn[A.id[b]] = true;
  SHOWN.edges.forEach(function (e) {
    if ((e.from === A.id[a] && e.to === A.id[b]) || (e.from === A.id[b] && e.to === A.id[a])) ke[e.id] = true;
  });
  highlight(kn, ke);
}
function highlightFact(f) {
  var kn = {}, ke = {}, fid = factId(f);
  if (SHOWN.byNode[fid]) {
    kn[fid] = true;
    SHOWN.edges.forEach(function (e) { if (e.from === fid || e.to === fid) { ke[e.id] = true; kn[e.from] = kn[e.to] = true; } });
  } else {
    F_ACTORS[f].forEach(function (a) { kn[A.id[a]] = true; });
    SHOWN.edges.forEach(function (e) { if (e.link && e.link.facts.indexOf(f) >= 0) ke[e.id] = true; });
  }
  highlight(kn, ke);
}
/* After a redraw, show the selection again (or nothing, if it is gone from the canvas). */
function reselect() {
  var sel = state.selected;
  var ids = selectionIds(sel);
  keep = null;
  if (!sel) { restyle(); network.unselectAll(); return; }
  network.setSelection({ nodes: ids.nodes.filter(function (id) { return SHOWN.byNode[id]; }),
                         edges: ids.edges.filter(function (id) { return SHOWN.byEdge[id]; }) }, { unselectAll: true, highlightEdges: false });
  if (sel.indexOf("pair:") === 0) { var p = pairOf(sel); highlightPair(p[0], p[1]); }
  else if (FACT_INDEX[sel] !== undefined) highlightFact(FACT_INDEX[sel]);
  else if (SHOWN.byNode[sel] && !(state.focus >= 0 && sel === A.id[state.focus])) highlightNode(sel);
  else restyle();  // nothing to fade: the focus actor's view already is its neighbourhood
}
function pairOf(sel) { var p = sel.slice(5).split("|"); return [ACTOR_INDEX[p[0]], ACTOR_INDEX[p[1]]]; }
function selectionIds(sel) {
  if (!sel) return { nodes: [], edges: [] };
  if (sel.indexOf("pair:") === 0) {
    var p = pairOf(sel), ids = [];
    SHOWN.edges.forEach(function (e) { if (e.link && ((e.link.a === p[0] && e.link.b === p[1]) || (e.link.a === p[1] && e.link.b === p[0]))) ids.push(e.id); });
    return { nodes: [], edges: ids };
  }
  return { nodes: [sel], edges: [] };
}

/* ---------- our own tooltip: plain text, gone as soon as the pointer leaves, never for faded items ---------- */
function showTip(lines, pointer) {
  var tip = $("dg-tip"), box = $("mynetwork").getBoundingClientRect();
  tip.textContent = "";
  lines.forEach(function (line, i) { tip.appendChild(el("div", i === 0 ? "t" : "", line)); });
  tip.style.display = "block";
  var left = box.left + pointer.x + 14, top = box.top + pointer.y + 14;
  var w = tip.offsetWidth, h = tip.offsetHeight;
  if (left + w > window.innerWidth - 8) left = Math.max(8, box.left + pointer.x - w - 10);
  if (top + h > window.innerHeight - 8) top = Math.max(8, box.top + pointer.y - h - 10);
  tip.style.left = left + "px"; tip.style.top = top + "px";
}
function hideTip() { $("dg-tip").style.display = "none"; }
function nodeTip(id) {
  var n = SHOWN.byNode[id];
  if (!n) return [];
  if (n.kind === "actor") {
    var a = n.actor, around = counterparts(a);
    return [actorFull(a), A.type[a] + (A.role[a] ? " · " + A.role[a] : "") + (A.media[a] ? " · news media" : ""),
            plural(WEIGHT[a], "fact") + " with " + plural(count(around), "counterpart") + " in the window and filters",
            "click for details · double-click to focus"];
  }
  if (n.kind === "fact") return factLines(n.fact).concat(["click for details"]);
  return [id.indexOf("article:") === 0 ? ART.title[ART.id.indexOf(id)] : TOP.label[TOP.id.indexOf(id)], "click for details"];
}
function factLines(f) {
  var i = f < NI ? f : f - NI, rel = relStyle(F_REL[f]).label.replace(" →", "");
  if (f < NI) {
    return [rel + " · " + factDateText(f) + " · " + V.statuses[F_STATUS[f]].key,
            INT.parts[i].map(actorName).join(" — "), INT.reports[i][0] ? INT.reports[i][0][5] : ""];
  }
  return [rel + " · " + factDateText(f), actorName(ST.speaker[i]) + (ST.addressee[i] >= 0 ? " → " + actorName(ST.addressee[i]) : ""),
          quoteOf(i)];
}
function quoteOf(i) {
  var q = ST.quote[i];
  return Array.isArray(q) ? ST.evidence[i].slice(q[0], q[1]) : (q || ST.evidence[i]);
}
function linkTip(l) {
  var n = l.facts.length, rel = relStyle(l.rel).label.replace(" →", ""), lines = [];
  lines.push(actorName(l.a) + (l.fwd && !l.back ? " → " : l.back && !l.fwd ? " ← " : " — ") + actorName(l.b) + " · " + rel);
  if (RELS[l.rel] === "statement" || RELS[l.rel] === "warning") {
    var parts = [];
    if (l.fwd) parts.push(l.fwd + " by " + actorName(l.a));
    if (l.back) parts.push(l.back + " by " + actorName(l.b));
    lines.push(plural(n, "fact") + ": " + parts.join(", "));
  } else {
    var st = [];
    l.statuses.forEach(function (c, s) { if (c) st.push(c + " " + V.statuses[s].key); });
    lines.push(plural(n, "fact") + ": " + st.join(", "));
  }
  lines.push((n - l.reported) + " at their own date · " + l.reported + " at their report date");
  if (l.d0 !== Infinity) lines.push(l.d0 === l.d1 ? iso(l.d0) : iso(l.d0) + " … " + iso(l.d1));
  var outs = Object.keys(l.outlets).map(function (o) { return DATA.outlets[o] + " " + l.outlets[o]; });
  lines.push(plural(l.reports, "report") + " · " + outs.join(", "));
  lines.push("click for everything between them");
  return lines;
}
/* The tooltip follows the pointer itself (not vis-network's hover events, which do not fire again when the
 * pointer comes back onto the node it left): what is under the pointer, unless faded, else nothing. */
function setupTips() {
  var box = $("mynetwork"), pending = null, dragging = false;
  function check(ev) {
    pending = null;
    if (dragging) return;
    var r = box.getBoundingClientRect(), p = { x: ev.clientX - r.left, y: ev.clientY - r.top };
    var n = network.getNodeAt(p), e = n === undefined ? network.getEdgeAt(p) : undefined;
    if (n !== undefined && SHOWN.byNode[n] && !dimmed.nodes[n]) showTip(nodeTip(n), p);
    else if (e !== undefined && SHOWN.byEdge[e] && !dimmed.edges[e]) {
      var edge = SHOWN.byEdge[e];
      showTip(edge.link ? linkTip(edge.link) : [V.relations[edge.rel].label], p);
    } else hideTip();
  }
  box.addEventListener("mousemove", function (ev) {
    if (!pending) pending = requestAnimationFrame(function () { check(ev); });
  });
  network.on("dragStart", function () { dragging = true; hideTip(); });
  network.on("dragEnd", function () { dragging = false; });
  ["zoom", "click", "doubleClick"].forEach(function (ev) { network.on(ev, hideTip); });
  box.addEventListener("mouseleave", function () { if (pending) cancelAnimationFrame(pending); pending = null; hideTip(); });
  box.addEventListener("wheel", hideTip, { passive: true });
  document.addEventListener("scroll", hideTip, true);
}
