/* panel.js: the facts panel on the right. It shows the selection (an actor, everything between two actors,
 * one fact, an article or a topic) or, with nothing selected, the window's numbers and entry points; it is
 * redrawn on every change of window or filters, so what it counts is always what the canvas shows. */
var TIMELINE_CAP = 150;

function chip(text, onClick, title) {
  var c = el("span", "chip", text);
  if (title) c.title = title;
  if (onClick) { c.tabIndex = 0; c.addEventListener("click", onClick); c.addEventListener("keydown", function (ev) { if (ev.key === "Enter") onClick(); }); }
  return c;
}
function actorChip(a) { return chip(actorName(a), function () { select(A.id[a]); }, actorFull(a)); }
function kv(dl, key, value) {
  if (value === undefined || value === null || value === "" || value.length === 0) return;
  var dd = el("dd");
  if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
  add(dl, el("dt", "", key), dd);
}
function badge(text, color) { var b = el("span", "badge", text); b.style.background = color; return b; }
function button(text, onClick, title) {
  var b = el("button", "small", text);
  b.type = "button";
  if (title) b.title = title;
  b.addEventListener("click", onClick);
  return b;
}
function source(x) {
  var box = el("div", "meta");
  if (x < 0) { box.textContent = "article not in this build"; return box; }
  var href = safeHref(ART.url[x]), title;
  if (href) { title = el("a", "src", ART.title[x]); title.href = href; title.target = "_blank"; title.rel = "noopener noreferrer"; }
  else title = el("span", "", ART.title[x]);
  return add(box, title, el("span", "", " · " + DATA.outlets[ART.outlet[x]] + " · " + iso(ART.day[x]) + " · " + ART.file[x]));
}
function dateLabel(f) {
  var s = factSpan(f), own = s && s[2] === "own";
  var d = el("span", "tl-date" + (own ? "" : " reported"), factDateText(f));
  if (!own && s) d.title = "no date of its own: placed at the publication date of its first report";
  if (F_FAR[f]) { d.className += " far"; d.title = "dated far outside the corpus' publication span"; }
  return d;
}
function outletsLine(f) {
  var names = F_OUTLETS[f].map(function (o) { return DATA.outlets[o]; });
  return plural(names.length, "outlet") + " (" + names.join(", ") + ") · " + plural(F_NREP[f], "report");
}
function whyHidden(f) {
  if (PASS[f]) return "";
  if (!timeOk(f)) return F_FAR[f] && !state.far ? "off the axis (far date)" : "outside the date window";
  return "hidden by the filters";
}
/* One fact as an entry: date, kind, status, who, its sentences with outlet and link (all of them if `full`). */
function factEntry(f, me, full) {
  var i = f < NI ? f : f - NI, item = el("div", "tl-item"), head = el("div");
  var rel = relStyle(F_REL[f]);
  add(head, dateLabel(f), el("span", "kind", rel.label.replace(" →", "")));
  item.style.borderLeftColor = rel.color;
  if (f < NI) {
    add(head, el("span", "badge status", V.statuses[F_STATUS[f]].label));
    var others = INT.parts[i].filter(function (p) { return p !== me; }).map(actorName);
    add(item, head, el("div", "meta", (me >= 0 ? "with " : "") + (others.join("、") || "—") + (INT.place[i] ? " · @ " + INT.place[i] : "")));
    (full ? INT.reports[i] : INT.reports[i].slice(0, 1)).forEach(function (r) {
      add(item, el("blockquote", "", r[5]), source(r[0]));
    });
  } else {
    var who = actorName(ST.speaker[i]) + (ST.addressee[i] >= 0 ? " → " + actorName(ST.addressee[i]) : "") + " · " +
      ST.verb[i];
    add(item, head, el("div", "meta", who));
    add(item, el("blockquote", "", full ? ST.evidence[i] : quoteOf(i)), source(ST.article[i]));
  }
  add(item, el("div", "meta outlets", outletsLine(f)));
  var why = whyHidden(f);
  if (why) { item.className += " out"; item.title = why; add(item, el("div", "meta why", why)); }
  item.tabIndex = 0;
  item.setAttribute("data-fact", factId(f));
  item.addEventListener("click", function (ev) { if (!ev.target.closest("a")) select(factId(f)); });
  item.addEventListener("keydown", function (ev) { if (ev.key === "Enter") select(factId(f)); });
  return item;
}
/* Fact entries, TIMELINE_CAP at a time (a busy actor has thousands), with a button for the next ones. */
function entries(box, facts, me, full) {
  var shown = 0, wrap = el("div"), list = el("div", "entries"), next = null;
  function more() {
    facts.slice(shown, shown + TIMELINE_CAP).forEach(function (f) { list.appendChild(factEntry(f, me, full)); });
    shown += TIMELINE_CAP;
    if (next) next.remove();
    var rest = facts.length - shown;
    next = rest > 0 ? wrap.appendChild(button("Show " + Math.min(rest, TIMELINE_CAP) + " more of " + rest, more)) : null;
  }
  box.appendChild(add(wrap, list));
  more();
}

/* ---------- the panels ---------- */
function showHint() {
  var box = $("dg-facts"), facts = 0, ints = 0, arts = {}, perDay = {};
  box.textContent = "";
  for (var f = 0; f < NF; f++) {
    if (!PASS[f] || !inView(f)) continue;
    facts++;
    if (f < NI) ints++;
    F_ARTICLES[f].forEach(function (x) { arts[x] = 1; });
    var s = factSpan(f);
    if (s && s[0] === s[1]) perDay[s[0]] = (perDay[s[0]] || 0) + 1;
  }
  var actors = 0;
  for (var a = 0; a < NA; a++) if (WEIGHT[a] > 0) actors++;
  add(box, el("h3", "", state.view === "facts" ? "Facts graph 事实图" : "Actor network 行为体网络"));
  add(box, el("p", "summary", (windowIsAll() ? "All dates" : iso(state.lo) + " – " + iso(state.hi)) + ": " +
    plural(facts, "fact") + " (" + plural(ints, "interaction") + ", " + plural(facts - ints, "statement") + ") from " +
    plural(count(arts), "article") + "; " + plural(LINKS.length, "link") + " among " + plural(actors, "actor") + "."));
  add(box, el("p", "hint", "The build: " + DATA.counts.articles + " articles · " + DATA.counts.actors + " actors · " +
    DATA.counts.interactions + " interactions · " + DATA.counts.statements + " statements."));
  var far = farCount();
  if (far) {
    var years = {};
    for (f = 0; f < NF; f++) if (F_FAR[f]) { var sp = factSpan(f); if (sp) years[new Date(sp[0] * DAY).getUTCFullYear()] = 1; }
    var ys = Object.keys(years).map(Number).sort(function (x, y) { return x - y; });
    var note = el("div", "note far-note");
    add(note, el("span", "", plural(far, "fact") + " dated far outside the corpus' publication span (" +
      (ys.length > 6 ? ys.slice(0, 3).join(", ") + " … " + ys.slice(-2).join(", ") : ys.join(", ")) + ") " +
      (state.far ? "are on the axis." : "are kept off the axis. ")),
      button(state.far ? "Keep them off" : "Put them on the axis", function () { setFar(!state.far); }));
    box.appendChild(note);
  }
  var top = [];
  for (a = 0; a < NA; a++) if (WEIGHT[a] > 0) top.push(a);
  top.sort(function (x, y) { return WEIGHT[y] - WEIGHT[x] || x - y; });
  if (top.length) {
    add(box, el("h4", "", "Most connected 联系最多 (facts in the window)"));
    var chips = el("div", "most");
    top.slice(0, 12).forEach(function (x) { var c = actorChip(x); c.textContent = actorName(x) + " · " + WEIGHT[x]; chips.appendChild(c); });
    box.appendChild(chips);
  }
  var busiest = Object.keys(perDay).sort(function (x, y) { return perDay[y] - perDay[x] || x - y; }).slice(0, 6)
    .sort(function (x, y) { return x - y; });
  if (busiest.length) {
    add(box, el("h4", "", "Busiest days 活动最多的日子"));
    var days = el("div", "busiest");
    busiest.forEach(function (d) {
      days.appendChild(chip(iso(+d) + " · " + perDay[d], function () { stopPlay(); setDates(+d, +d); }, "Show this day only"));
    });
    box.appendChild(days);
  }
  var ul = el("ul", "hint");
  ["Click an actor for its facts; double-click (or search) to see its neighbourhood.",
   "Click a link for everything that passed between the two actors, with every report's sentence and source.",
   "Drag the date handles, or press Play, to move a window through time; light bars and links are facts placed at their report's date.",
   "Filters on the left: outlets, topic, relation, status, actor types; every count follows them."].forEach(function (t) { ul.appendChild(el("li", "", t)); });
  box.appendChild(ul);
}
function showActor(a) {
  var box = $("dg-facts"), type = V.types[A.type[a]] || V.nodes.Person;
  box.textContent = "";
  add(box, badge(type.label, type.color), A.media[a] ? badge("news media 媒体", "#6c7a89") : null, el("h3", "", actorFull(a)));
  var dl = el("dl", "kv");
  kv(dl, "Chinese", A.label[a]); kv(dl, "English", A.en[a]); kv(dl, "Role", A.role[a]);
  if (A.country[a] >= 0 && A.country[a] !== a) kv(dl, "Country", actorChip(A.country[a]));
  kv(dl, "Aliases", A.aliases[a].join(" · "));
  kv(dl, "Articles", plural(A.mentions[a].length, "mention"));
  kv(dl, "Wikidata", A.wikidata[a]);
  box.appendChild(dl);
  var tools = el("div", "tools");
  if (state.focus !== a) tools.appendChild(button("Show neighbourhood", function () { focusOn(a); }));
  else tools.appendChild(button("Back to overview", function () { unfocus(); }));
  box.appendChild(tools);
  var around = counterparts(a), order = ranked(around);
  add(box, el("h4", "", "Counterparts in the window 对象 (" + order.length + ")"));
  if (!order.length) box.appendChild(el("p", "empty", "No links in the current window and filters."));
  var chips = el("div");
  order.slice(0, 20).forEach(function (o) {
    chips.appendChild(chip(actorName(o) + " · " + around[o], function () { select(pairId(a, o)); }, "Everything between " + actorName(a) + " and " + actorName(o)));
  });
  box.appendChild(chips);
  var all = ACTOR_FACTS[a].slice().sort(byDate), inside = all.filter(function (f) { return PASS[f]; }).length;
  add(box, el("h4", "", "Timeline 时间线 (" + all.length + (inside < all.length ? ", " + inside + " in the window and filters" : "") + ")"));
  if (!all.length) box.appendChild(el("p", "empty", "No interactions or statements recorded."));
  entries(box, all, a, false);
  if (A.mentions[a].length) {
    add(box, el("h4", "", "Mentioned in 提及 (" + A.mentions[a].length + ")"));
    A.mentions[a].slice(0, 40).forEach(function (x) { box.appendChild(source(x)); });
    if (A.mentions[a].length > 40) box.appendChild(el("p", "empty", "… and " + (A.mentions[a].length - 40) + " more"));
  }
}
function pairId(a, b) { return "pair:" + (a < b ? A.id[a] + "|" + A.id[b] : A.id[b] + "|" + A.id[a]); }
/* Everything between two actors: every call, meeting, summit and statement, in date order. */
function showPair(a, b) {
  var box = $("dg-facts"), facts = factsBetween(a, b), byRel = {};
  box.textContent = "";
  facts.forEach(function (f) { var k = relStyle(F_REL[f]).label.replace(" →", ""); byRel[k] = (byRel[k] || 0) + 1; });
  add(box, badge("Between 之间", "#4a5560"), el("h3", "", actorName(a) + " — " + actorName(b)));
  var line = el("div", "pair-actors");
  add(line, actorChip(a), actorChip(b));
  box.appendChild(line);
  var inside = facts.filter(function (f) { return PASS[f]; }).length;
  add(box, el("p", "summary", plural(facts.length, "fact") + ": " + Object.keys(byRel).map(function (k) { return byRel[k] + " " + k; }).join(", ") +
    (inside < facts.length ? " · " + inside + " in the window and filters" : "")));
  var tools = el("div", "tools");
  tools.appendChild(button("Common counterparts", function () { focusOn(a); compareWith(b, "common"); }));
  box.appendChild(tools);
  entries(box, facts, -1, true);
}
function showFact(f) {
  var box = $("dg-facts"), i = f < NI ? f : f - NI, rel = relStyle(F_REL[f]), dl = el("dl", "kv");
  box.textContent = "";
  var why = whyHidden(f);
  if (why) box.appendChild(el("p", "note", "Not on the canvas now: " + why + "."));
  if (f < NI) {
    var type = V.interactions[INT.type[i]];
    add(box, badge(type.label, rel.color), el("span", "badge status", V.statuses[F_STATUS[f]].label));
    add(box, el("h3", "", INT.parts[i].map(actorName).join(" — ")));
    var parts = el("span");
    INT.parts[i].forEach(function (p) { parts.appendChild(actorChip(p)); });
    kv(dl, "Date", factDateText(f)); kv(dl, "Place", INT.place[i]); kv(dl, "Status", V.statuses[F_STATUS[f]].label);
    kv(dl, "Participants", parts); kv(dl, "Outlets", outletsLine(f));
    box.appendChild(dl);
    add(box, el("h4", "", "Reports 报道 (" + INT.reports[i].length + ")"));
    INT.reports[i].forEach(function (r) {
      var rep = el("div", "report");
      add(rep, source(r[0]), el("div", "meta", "reported as " + V.interactions[r[1]].label + " · " + V.statuses[r[2]].key +
        (r[3] ? " · " + r[3] : "") + (r[4] ? " · @ " + r[4] : "")), el("blockquote", "", r[5]));
      box.appendChild(rep);
    });
  } else {
    add(box, badge(rel.label.replace(" →", ""), rel.color));
    add(box, el("h3", "", actorName(ST.speaker[i]) + (ST.addressee[i] >= 0 ? " → " + actorName(ST.addressee[i]) : "")));
    kv(dl, "Speaker", actorChip(ST.speaker[i]));
    if (ST.addressee[i] >= 0) kv(dl, "Addressee", actorChip(ST.addressee[i]));
    kv(dl, "Date", factDateText(f));
    kv(dl, "Act", V.statements[ST.kind[i]].key + (ST.verb[i] ? " (" + ST.verb[i] + ")" : ""));
    var topics = el("span");
    ST.topics[i].forEach(function (t) { topics.appendChild(chip(TOP.label[t], function () { select(TOP.id[t]); })); });
    if (ST.topics[i].length) kv(dl, "Topics", topics);
    box.appendChild(dl);
    if (ST.quote[i]) add(box, el("h4", "", "Quote 引语"), el("blockquote", "", quoteOf(i)));
    add(box, el("h4", "", "Sentence 原句"), el("blockquote", "", ST.evidence[i]), el("h4", "", "Source 来源"), source(ST.article[i]));
  }
}
function showArticle(x) {
  var box = $("dg-facts"), dl = el("dl", "kv");
  box.textContent = "";
  add(box, badge("Article 文章", V.nodes.Article.color), el("h3", "", ART.title[x]));
  var href = safeHref(ART.url[x]), link = null;
  if (href) { link = el("a", "src", href); link.href = href; link.target = "_blank"; link.rel = "noopener noreferrer"; }
  kv(dl, "Outlet", DATA.outlets[ART.outlet[x]]); kv(dl, "Published", iso(ART.day[x])); kv(dl, "File", ART.file[x]); kv(dl, "URL", link);
  box.appendChild(dl);
  var facts = [];
  for (var f = 0; f < NF; f++) if (F_ARTICLES[f].indexOf(x) >= 0) facts.push(f);
  add(box, el("h4", "", "Reports here (" + facts.length + ")"));
  entries(box, facts.sort(byDate), -1, false);
}
function showTopic(t) {
  var box = $("dg-facts"), facts = [];
  box.textContent = "";
  add(box, badge("Topic 议题", V.nodes.Topic.color), el("h3", "", TOP.label[t]));
  var dl = el("dl", "kv");
  kv(dl, "English", TOP.en[t]);
  box.appendChild(dl);
  for (var i = 0; i < NS; i++) if (ST.topics[i].indexOf(t) >= 0) facts.push(NI + i);
  add(box, el("h4", "", "Statements (" + facts.length + ")"));
  entries(box, facts.sort(byDate), -1, false);
}
/* The panel for state.selected, kept where it was scrolled when only the window or filters changed. */
function showSelected() {
  var sel = state.selected, box = $("dg-panel"), scroll = box.scrollTop, same = box.getAttribute("data-shows") === sel;
  if (!sel) showHint();
  else if (sel.indexOf("pair:") === 0) { var p = pairOf(sel); showPair(p[0], p[1]); }
  else if (ACTOR_INDEX[sel] !== undefined) showActor(ACTOR_INDEX[sel]);
  else if (FACT_INDEX[sel] !== undefined) showFact(FACT_INDEX[sel]);
  else if (sel.indexOf("article:") === 0 && ART.id.indexOf(sel) >= 0) showArticle(ART.id.indexOf(sel));
  else if (sel.indexOf("topic:") === 0 && TOP.id.indexOf(sel) >= 0) showTopic(TOP.id.indexOf(sel));
  else { state.selected = ""; showHint(); }
  box.setAttribute("data-shows", state.selected);
  box.scrollTop = same ? scroll : 0;
}
