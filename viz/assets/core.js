/* core.js: the page's data decoded once into per-fact arrays, the page state, and small helpers.
 * Facts are numbered 0..NF-1: the interactions first, then the statements. Actors, articles and topics are
 * row numbers of their tables. All article text is untrusted: it reaches the DOM through textContent only. */
var TIMES = { start: performance.now() };  // milliseconds since navigation, for bench/viz_bench.py
var DATA = JSON.parse(document.getElementById("dg-data").textContent);
TIMES.parsed = performance.now();
var V = DATA.vocab, A = DATA.actors, ART = DATA.articles, TOP = DATA.topics, INT = DATA.interactions, ST = DATA.statements;
var NA = A.id.length, NI = INT.id.length, NS = ST.id.length, NF = NI + NS;
var DAY = 86400000;
var NONE = -2147483648;  // "no date" in the Int32 day arrays
var RELS = Object.keys(V.relations).filter(function (k) {
  return V.interactions.some(function (t) { return t.relation === k; }) || k === "statement" || k === "warning";
});
var REL_INDEX = {};
RELS.forEach(function (k, i) { REL_INDEX[k] = i; });
var ACTOR_TYPES = Object.keys(V.types);

/* ---------- per-fact arrays ---------- */
var F_REL = new Int8Array(NF), F_STATUS = new Int8Array(NF), F_NREP = new Int32Array(NF);
var F_D0 = new Int32Array(NF), F_D1 = new Int32Array(NF), F_REP = new Int32Array(NF), F_FAR = new Uint8Array(NF);
var F_ORDER = new Float64Array(NF);  // sorts facts by date: their own, else their report's, else last
var F_PAIRS = new Array(NF), F_ACTORS = new Array(NF), F_OUTLETS = new Array(NF), F_ARTICLES = new Array(NF);
(function decode() {
  var span = DATA.span;
  function far(d0, d1) { return span.lo !== undefined && (d1 < span.lo || d0 > span.hi); }
  for (var f = 0; f < NF; f++) {
    var i = f < NI ? f : f - NI, d0, d1, arts;
    if (f < NI) {
      F_REL[f] = REL_INDEX[V.interactions[INT.type[i]].relation];
      F_STATUS[f] = INT.status[i];
      arts = INT.reports[i].map(function (r) { return r[0]; });
      var parts = INT.parts[i], pairs = [];
      for (var p = 0; p < parts.length; p++) for (var q = p + 1; q < parts.length; q++) {
        pairs.push(parts[p] < parts[q] ? [parts[p], parts[q]] : [parts[q], parts[p]]);
      }
      F_PAIRS[f] = pairs;
      F_ACTORS[f] = parts;
      d0 = INT.d0[i]; d1 = INT.d1[i];
    } else {
      F_REL[f] = REL_INDEX[V.statements[ST.kind[i]].relation];
      F_STATUS[f] = -1;
      arts = [ST.article[i]];
      var s = ST.speaker[i], a = ST.addressee[i];
      F_PAIRS[f] = a >= 0 && a !== s ? [s < a ? [s, a] : [a, s]] : [];
      F_ACTORS[f] = a >= 0 && a !== s ? [s, a] : [s];
      d0 = ST.d0[i]; d1 = ST.d1[i];
    }
    arts = arts.filter(function (x) { return x >= 0; });
    F_ARTICLES[f] = arts;
    F_NREP[f] = f < NI ? INT.reports[i].length : 1;
    var outlets = [], rep = NONE;
    arts.forEach(function (x) {
      if (outlets.indexOf(ART.outlet[x]) < 0) outlets.push(ART.outlet[x]);
      if (ART.day[x] !== null && (rep === NONE || ART.day[x] < rep)) rep = ART.day[x];  // null: an undated article
    });
    F_OUTLETS[f] = outlets;
    F_REP[f] = rep;
    F_D0[f] = d0 === null ? NONE : d0;
    F_D1[f] = d1 === null ? NONE : d1;
    F_FAR[f] = d0 !== null ? (far(d0, d1) ? 1 : 0) : (rep !== NONE && far(rep, rep) ? 1 : 0);
    F_ORDER[f] = d0 !== null ? d0 : rep !== NONE ? rep : Infinity;
  }
})();

TIMES.decoded = performance.now();

/* What each actor is searched by, and who an actor's facts are (for timelines and the between panel). */
var SEARCH = A.label.map(function (label, a) { return [label, A.en[a]].concat(A.aliases[a]).join(" ").toLowerCase(); });
var ACTOR_FACTS = [];
for (var a0 = 0; a0 < NA; a0++) ACTOR_FACTS.push([]);
for (var f0 = 0; f0 < NF; f0++) F_ACTORS[f0].forEach(function (a) { ACTOR_FACTS[a].push(f0); });
var ACTOR_INDEX = {};
A.id.forEach(function (id, a) { ACTOR_INDEX[id] = a; });
var FACT_INDEX = {};
INT.id.forEach(function (id, i) { FACT_INDEX[id] = i; });
ST.id.forEach(function (id, i) { FACT_INDEX[id] = NI + i; });

/* ---------- the state: everything the URL hash keeps (share.js) ---------- */
var state = {
  view: "actors",          // "actors" (one link per pair and kind) or "facts" (facts, topics, articles as nodes)
  lo: 0, hi: 0,            // the date window, days since 1970-01-01, both included
  far: false,              // put facts dated far outside the corpus on the axis too
  undated: true,           // facts without their own date sit at their report's publication date
  hiddenTypes: {},         // actor types (and "media") turned off
  role: "",                // only actors whose role contains this
  hiddenRels: {}, hiddenStatus: {}, hiddenOutlets: {},
  topic: -1,               // only statements about this topic
  minReports: 1,           // links backed by fewer reports are hidden
  focus: -1, depth: 1, among: false,  // an actor's neighbourhood
  other: -1, mode: "",     // with focus: "path" to, or "common" counterparts with, this actor
  cap: 0,                  // how many actors the overview shows (0: the default)
  query: "",
  selected: "",            // "actor:…", "interaction:…", "statement:…", "pair:A|B", "article:…", "topic:…"
  labels: "zh"
};

/* ---------- small helpers ---------- */
var $ = function (id) { return document.getElementById(id); };
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
function iso(day) { return day === null || day === undefined ? "undated" : new Date(day * DAY).toISOString().slice(0, 10); }
function dayOf(isoText) {
  var t = Date.parse(isoText + "T00:00:00Z");
  return isNaN(t) ? null : Math.round(t / DAY);
}
function safeHref(url) { return /^https?:\/\/[^\s"<>\\`]+$/i.test(url || "") ? url : ""; }
function actorName(a) { return A.label[a]; }
function actorFull(a) { return A.en[a] && A.en[a] !== A.label[a] ? A.label[a] + " (" + A.en[a] + ")" : A.label[a]; }
function isStatement(f) { return f >= NI; }
function factId(f) { return f < NI ? INT.id[f] : ST.id[f - NI]; }
function relStyle(r) { return V.relations[RELS[r]]; }
function count(obj) { return Object.keys(obj).length; }
function plural(n, word, many) { return n + " " + (n === 1 ? word : (many || word + "s")); }
/* Where a fact sits on the time axis: its own date, or its report's publication date ("reported"). */
function factSpan(f) {
  if (F_D0[f] !== NONE) return [F_D0[f], F_D1[f], "own"];
  if (F_REP[f] !== NONE) return [F_REP[f], F_REP[f], "reported"];
  return null;
}
function factDateText(f) {
  var i = f < NI ? f : f - NI, own = f < NI ? INT.date[i] : ST.date[i];
  if (own) return own;
  return F_REP[f] !== NONE ? "reported " + iso(F_REP[f]) : "undated";
}
