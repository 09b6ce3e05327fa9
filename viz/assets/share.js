/* share.js: the state in the URL hash (reload or send the address and the same view comes back), and the
 * exports: the links on the canvas with every fact behind them as CSV, the canvas as PNG. */

function encodeState() {
  var p = new URLSearchParams(), list = function (obj) { return Object.keys(obj).filter(function (k) { return obj[k]; }).join("|"); };
  if (state.view !== "actors") p.set("view", state.view);
  if (AXIS && !windowIsAll()) { p.set("from", iso(state.lo)); p.set("to", iso(state.hi)); }
  if (state.far) p.set("far", "1");
  if (!state.undated) p.set("undated", "0");
  if (list(state.hiddenTypes)) p.set("hide", list(state.hiddenTypes));
  if (state.role) p.set("role", state.role);
  if (list(state.hiddenRels)) p.set("rels", list(state.hiddenRels));
  if (list(state.hiddenStatus)) p.set("status", list(state.hiddenStatus));
  if (list(state.hiddenOutlets)) p.set("outlets", list(state.hiddenOutlets));
  if (state.topic >= 0) p.set("topic", TOP.id[state.topic]);
  if (state.minReports > 1) p.set("min", state.minReports);
  if (state.focus >= 0) p.set("focus", A.id[state.focus]);
  if (state.depth !== 1) p.set("depth", state.depth);
  if (state.among) p.set("among", "1");
  if (state.other >= 0 && state.mode) { p.set(state.mode, A.id[state.other]); }
  if (state.cap) p.set("cap", state.cap);
  if (state.query) p.set("q", state.query);
  if (state.selected) p.set("sel", state.selected);
  if (state.labels !== "zh") p.set("labels", state.labels);
  return p.toString();
}
function writeHash() {
  var text = encodeState();
  if (location.hash.slice(1) !== text) history.replaceState(null, "", text ? "#" + text : location.pathname + location.search);
}
/* Put what the hash says into `state`; unknown names and values are ignored. */
function readHash() {
  var p = new URLSearchParams(location.hash.slice(1)), set = function (name) {
    var out = {};
    (p.get(name) || "").split("|").forEach(function (k) { if (k) out[k] = true; });
    return out;
  };
  var actor = function (name) { var a = ACTOR_INDEX[p.get(name) || ""]; return a === undefined ? -1 : a; };
  state.view = p.get("view") === "facts" ? "facts" : "actors";
  state.far = p.get("far") === "1";
  state.undated = p.get("undated") !== "0";
  state.hiddenTypes = set("hide"); state.hiddenRels = set("rels"); state.hiddenStatus = set("status"); state.hiddenOutlets = set("outlets");
  state.role = p.get("role") || "";
  state.topic = TOP.id.indexOf(p.get("topic") || "");
  state.minReports = Math.max(1, parseInt(p.get("min") || "1", 10) || 1);
  state.focus = actor("focus");
  state.depth = p.get("depth") === "2" ? 2 : 1;
  state.among = p.get("among") === "1";
  state.other = -1; state.mode = "";
  ["path", "common"].forEach(function (m) { if (actor(m) >= 0 && state.focus >= 0) { state.other = actor(m); state.mode = m; } });
  state.cap = Math.max(0, parseInt(p.get("cap") || "0", 10) || 0);
  state.query = p.get("q") || "";
  state.selected = p.get("sel") || "";
  state.labels = ["en", "off"].indexOf(p.get("labels")) >= 0 ? p.get("labels") : "zh";
  return { from: dayOf(p.get("from") || ""), to: dayOf(p.get("to") || "") };
}

/* ---------- CSV: one row per report of every fact behind every link on the canvas ---------- */
var CSV_COLUMNS = ["link_from", "link_to", "relation", "fact_id", "fact_type", "date", "date_basis", "status",
  "actors", "outlet", "published", "title", "url", "sentence"];
function csvCell(value) {
  var text = String(value === undefined || value === null ? "" : value);
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;  // a spreadsheet must not run an article's text as a formula
  return '"' + text.replace(/"/g, '""') + '"';
}
function factRows(f, from, to) {
  var i = f < NI ? f : f - NI, s = factSpan(f), rows = [];
  var common = [from, to, RELS[F_REL[f]], factId(f), f < NI ? V.interactions[INT.type[i]].key : V.statements[ST.kind[i]].key,
    f < NI ? INT.date[i] : ST.date[i], s ? s[2] : "", f < NI ? V.statuses[F_STATUS[f]].key : "",
    f < NI ? INT.parts[i].map(actorName).join(" | ") : actorName(ST.speaker[i]) + (ST.addressee[i] >= 0 ? " -> " + actorName(ST.addressee[i]) : "")];
  var reports = f < NI ? INT.reports[i].map(function (r) { return [r[0], r[5]]; }) : [[ST.article[i], ST.evidence[i]]];
  reports.forEach(function (r) {
    var x = r[0];
    rows.push(common.concat(x >= 0 ? [DATA.outlets[ART.outlet[x]], iso(ART.day[x]), ART.title[x], ART.url[x]] : ["", "", "", ""], [r[1]]));
  });
  return rows;
}
function csvText() {
  var rows = [CSV_COLUMNS];
  SHOWN.edges.forEach(function (e) {
    if (!e.link) return;
    e.link.facts.slice().sort(byDate).forEach(function (f) { rows = rows.concat(factRows(f, actorName(e.link.a), actorName(e.link.b))); });
  });
  SHOWN.nodes.forEach(function (n) { if (n.kind === "fact") rows = rows.concat(factRows(n.fact, "", "")); });
  return rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
}
function download(blob, name) {
  var url = URL.createObjectURL(blob), a = document.createElement("a");
  a.href = url; a.download = name;
  a.click();  // never added to the document
  setTimeout(function () { URL.revokeObjectURL(url); }, 4000);
}
function fileStem() {
  return "diplograph" + (state.focus >= 0 ? "-" + A.id[state.focus].replace(/^actor:/, "") : "") +
    (AXIS && !windowIsAll() ? "-" + iso(state.lo) + "_" + iso(state.hi) : "");
}
function exportCsv() { download(new Blob(["\ufeff" + csvText()], { type: "text/csv;charset=utf-8" }), fileStem() + ".csv"); }
/* The canvas on white (vis-network draws on a transparent canvas), as a PNG data URL. */
function pngData() {
  var src = document.querySelector("#mynetwork canvas"), out = document.createElement("canvas");
  out.width = src.width; out.height = src.height;
  var g = out.getContext("2d");
  g.fillStyle = "#ffffff"; g.fillRect(0, 0, out.width, out.height);
  g.drawImage(src, 0, 0);
  return out.toDataURL("image/png");
}
function exportPng() {
  var data = pngData(), bytes = atob(data.split(",")[1]), buf = new Uint8Array(bytes.length);
  for (var i = 0; i < bytes.length; i++) buf[i] = bytes.charCodeAt(i);
  download(new Blob([buf], { type: "image/png" }), fileStem() + ".png");
}
