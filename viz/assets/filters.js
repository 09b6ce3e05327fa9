/* filters.js: which facts pass the window and the filters, their counts per filter value, and the links.
 * A link is one pair of actors and one kind of relation (call, meeting, statement …), standing for every
 * passing fact of that kind between the two; its numbers are recomputed on every change. */
var ALLOWED = new Uint8Array(NA);   // actors passing the type, media and role filters
var PASS = new Uint8Array(NF);      // facts passing everything
var OTHERS = new Uint8Array(NF);    // facts passing everything but the window (for the histogram)
var FACETS = null;                  // counts per filter value, each as if that filter were off
var LINKS = [], WEIGHT = new Float64Array(NA), ADJ = [];

function actorOk(a) {
  if (state.hiddenTypes[A.type[a]] || (A.media[a] && state.hiddenTypes.media)) return false;
  return !state.role || A.role[a].indexOf(state.role) >= 0;
}
function relOk(f) { return !state.hiddenRels[RELS[F_REL[f]]]; }
function statusOk(f) { return F_STATUS[f] < 0 || !state.hiddenStatus[V.statuses[F_STATUS[f]].key]; }
function outletOk(f) {
  var outs = F_OUTLETS[f];
  for (var i = 0; i < outs.length; i++) if (!state.hiddenOutlets[DATA.outlets[outs[i]]]) return true;
  return !outs.length;
}
function topicOk(f) { return state.topic < 0 || (f >= NI && ST.topics[f - NI].indexOf(state.topic) >= 0); }
function actorsOk(f) {
  var pairs = F_PAIRS[f];
  if (!pairs.length) return !!ALLOWED[F_ACTORS[f][0]];
  for (var i = 0; i < pairs.length; i++) if (ALLOWED[pairs[i][0]] && ALLOWED[pairs[i][1]]) return true;
  return false;
}
var TESTS = [timeOk, relOk, statusOk, outletOk, topicOk, actorsOk];  // facet 0 is the window, 5 the actors
/* In the actor view only facts between two actors count (a statement to no one is no link); the facts view shows all. */
function inView(f) { return state.view === "facts" || F_PAIRS[f].length > 0; }

/* One pass over every fact: what passes, and for each filter what each of its values would show. */
function scan() {
  for (var a = 0; a < NA; a++) ALLOWED[a] = actorOk(a) ? 1 : 0;
  var rel = new Float64Array(RELS.length), status = new Float64Array(V.statuses.length);
  var outlet = new Float64Array(DATA.outlets.length), topic = new Float64Array(TOP.id.length);
  var types = {}, seen = new Uint8Array(NA);
  for (var f = 0; f < NF; f++) {
    var fails = 0, failed = -1;
    for (var c = 0; c < 6 && fails < 2; c++) if (!TESTS[c](f)) { fails++; failed = c; }
    PASS[f] = fails === 0 ? 1 : 0;
    OTHERS[f] = (fails === 0 || failed === 0) && inView(f) ? 1 : 0;
    if (fails > 1 || !inView(f)) continue;
    var all = fails === 0;
    if (all || failed === 1) rel[F_REL[f]]++;
    if ((all || failed === 2) && F_STATUS[f] >= 0) status[F_STATUS[f]]++;
    if (all || failed === 3) F_OUTLETS[f].forEach(function (o) { outlet[o]++; });
    if ((all || failed === 4) && f >= NI) ST.topics[f - NI].forEach(function (t) { topic[t]++; });
    if (all || failed === 5) F_ACTORS[f].forEach(function (x) { seen[x] = 1; });
  }
  for (a = 0; a < NA; a++) if (seen[a]) {
    types[A.type[a]] = (types[A.type[a]] || 0) + 1;
    if (A.media[a]) types.media = (types.media || 0) + 1;
  }
  FACETS = { rel: rel, status: status, outlet: outlet, topic: topic, types: types };
  countWeeks(function (f) { return OTHERS[f] === 1; });
}

/* The passing facts between allowed actors, one link per pair and kind of relation. */
function aggregate() {
  var map = new Map();
  for (var f = 0; f < NF; f++) {
    if (!PASS[f]) continue;
    var pairs = F_PAIRS[f];
    for (var p = 0; p < pairs.length; p++) {
      var a = pairs[p][0], b = pairs[p][1];
      if (!ALLOWED[a] || !ALLOWED[b]) continue;
      var key = (a * NA + b) * 16 + F_REL[f], link = map.get(key);
      if (!link) {
        link = { id: "L" + a + "-" + b + "-" + F_REL[f], a: a, b: b, rel: F_REL[f], facts: [], reports: 0,
                 reported: 0, fwd: 0, back: 0, statuses: [0, 0, 0, 0], outlets: {}, d0: Infinity, d1: -Infinity };
        map.set(key, link);
      }
      link.facts.push(f);
      link.reports += F_NREP[f];
      if (F_STATUS[f] >= 0) link.statuses[F_STATUS[f]]++;
      else if (ST.speaker[f - NI] === a) link.fwd++;
      else link.back++;
      var s = factSpan(f);
      if (s) { if (s[2] === "reported") link.reported++; link.d0 = Math.min(link.d0, s[0]); link.d1 = Math.max(link.d1, s[1]); }
      F_OUTLETS[f].forEach(function (o) { link.outlets[o] = (link.outlets[o] || 0) + 1; });
    }
  }
  LINKS = [];
  WEIGHT = new Float64Array(NA);
  ADJ = [];
  for (var a2 = 0; a2 < NA; a2++) ADJ.push(null);
  var counted = new Set();  // an actor's weight is its number of facts: a summit of three is one fact, not two links
  map.forEach(function (link) {
    if (link.reports < state.minReports) return;
    LINKS.push(link);
    (ADJ[link.a] = ADJ[link.a] || []).push(link);
    (ADJ[link.b] = ADJ[link.b] || []).push(link);
    link.facts.forEach(function (f) {
      [link.a, link.b].forEach(function (a) { var k = a * NF + f; if (!counted.has(k)) { counted.add(k); WEIGHT[a]++; } });
    });
  });
}
/* Counterparts of actor a with the number of facts between them (all kinds of relation together). */
function counterparts(a) {
  var by = {};
  (ADJ[a] || []).forEach(function (l) { var o = l.a === a ? l.b : l.a; by[o] = (by[o] || 0) + l.facts.length; });
  return by;
}
function ranked(scores) {
  return Object.keys(scores).map(Number).sort(function (x, y) {
    return scores[y] - scores[x] || (A.label[x] < A.label[y] ? -1 : A.label[x] > A.label[y] ? 1 : x - y);
  });
}
/* Every fact between actors a and b, whatever the filters: interactions of both, statements of one to the other. */
function factsBetween(a, b) {
  var out = [];
  ACTOR_FACTS[a].forEach(function (f) {
    if (F_PAIRS[f].some(function (p) { return (p[0] === a && p[1] === b) || (p[0] === b && p[1] === a); })) out.push(f);
  });
  return out.sort(byDate);
}
function byDate(f, g) { return F_ORDER[f] - F_ORDER[g] || f - g; }
