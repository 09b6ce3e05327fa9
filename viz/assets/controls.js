/* controls.js: the filters on the left (with counts that follow the window and every other filter), the actor
 * search, the bar over the canvas (show more, depth, links among neighbours, path and common counterparts)
 * and the buttons that fold the side panels away. */

function legendRow(label, swatch, color, n, on, toggle) {
  var row = el("label", on ? "" : "off"), box = el("input");
  box.type = "checkbox"; box.checked = on;
  box.addEventListener("change", function () { toggle(!box.checked); refresh(); });
  var sw = el("span", "swatch " + swatch);
  sw.style.color = color;
  return add(row, box, sw, el("span", "", label), el("span", "n", Math.round(n)));
}
function buildFilters() {
  var box = $("dg-types");
  box.textContent = "";
  ACTOR_TYPES.forEach(function (t) {
    box.appendChild(legendRow(V.types[t].label, V.types[t].shape, V.types[t].color, FACETS.types[t] || 0, !state.hiddenTypes[t],
      function (off) { state.hiddenTypes[t] = off; }));
  });
  box.appendChild(legendRow("News media 媒体", "square", "#9aa5b1", FACETS.types.media || 0, !state.hiddenTypes.media,
    function (off) { state.hiddenTypes.media = off; }));
  box = $("dg-rels");
  box.textContent = "";
  RELS.forEach(function (k, r) {
    var st = V.relations[k];
    box.appendChild(legendRow(st.label, "line" + (st.arrow ? " arrow" : ""), st.color, FACETS.rel[r], !state.hiddenRels[k],
      function (off) { state.hiddenRels[k] = off; }));
  });
  box = $("dg-statuses");
  box.textContent = "";
  V.statuses.forEach(function (st, s) {
    box.appendChild(legendRow(st.label, "line dash-" + st.key, "#4a5560", FACETS.status[s], !state.hiddenStatus[st.key],
      function (off) { state.hiddenStatus[st.key] = off; }));
  });
  box = $("dg-outlets");
  box.textContent = "";
  DATA.outlets.forEach(function (o, i) {
    box.appendChild(legendRow(o, "dot", "#6c7a89", FACETS.outlet[i], !state.hiddenOutlets[o], function (off) { state.hiddenOutlets[o] = off; }));
  });
  var topic = $("dg-topic");
  topic.textContent = "";
  var any = el("option", "", "any topic (and every interaction)");
  any.value = -1;
  topic.appendChild(any);
  TOP.id.map(function (_, t) { return t; }).sort(function (x, y) { return FACETS.topic[y] - FACETS.topic[x] || x - y; })
    .forEach(function (t) {
      var o = el("option", "", TOP.label[t] + (TOP.en[t] ? " " + TOP.en[t] : "") + " · " + FACETS.topic[t]);
      o.value = t;
      topic.appendChild(o);
    });
  topic.value = state.topic;
  $("dg-role").value = state.role;
  $("dg-min").value = state.minReports;
  $("dg-undated").checked = state.undated;
  $("dg-far").checked = state.far;
  $("dg-far-n").textContent = farCount();
  $("dg-labels").value = state.labels;
}
function setupFilters() {
  $("dg-topic").addEventListener("change", function () { state.topic = +this.value; refresh(); });
  var typing = null;
  $("dg-role").addEventListener("input", function () {
    var value = this.value.trim();
    clearTimeout(typing);
    typing = setTimeout(function () { state.role = value; refresh(); }, 250);
  });
  $("dg-min").addEventListener("change", function () { state.minReports = Math.max(1, Math.floor(+this.value) || 1); refresh(); });
  $("dg-undated").addEventListener("change", function () { state.undated = this.checked; refresh(); });
  $("dg-far").addEventListener("change", function () { setFar(this.checked); });
  $("dg-labels").addEventListener("change", function () { state.labels = this.value; refresh(); });
  $("dg-fit").addEventListener("click", fitView);
  $("dg-rearrange").addEventListener("click", rearrange);
  ["left", "right"].forEach(function (side) {
    $("dg-toggle-" + side).addEventListener("click", function () { togglePanel(side); });
  });
}
function togglePanel(side, show) {
  var cls = "no-" + side, hidden = show === undefined ? !document.body.classList.contains(cls) : !show;
  document.body.classList.toggle(cls, hidden);
  $("dg-toggle-" + side).setAttribute("aria-expanded", hidden ? "false" : "true");
  hideTip();
  network.redraw();
  drawAxis();
  setDates(state.lo, state.hi, true);
}

/* ---------- search ---------- */
function matches(query) {
  var q = query.trim().toLowerCase(), out = [];
  if (!q) return out;
  for (var a = 0; a < NA; a++) if (SEARCH[a].indexOf(q) >= 0) out.push(a);
  function exact(a) { return A.label[a] === query.trim() || A.en[a].toLowerCase() === q ? 0 : 1; }
  out.sort(function (x, y) { return exact(x) - exact(y) || ACTOR_FACTS[y].length - ACTOR_FACTS[x].length || x - y; });
  return out;
}
/* A text box with a list of matching actors under it (arrow keys, Enter); `choose(a)` gets the pick. */
function actorPicker(input, list, choose, onEmpty) {
  function fill() {
    var found = matches(input.value);
    list.textContent = "";
    found.slice(0, 30).forEach(function (a, i) {
      var row = add(el("div", i === 0 ? "active" : ""), el("span", "", actorFull(a)),
        el("span", "", A.type[a] + " · " + plural(ACTOR_FACTS[a].length, "fact")));
      row.setAttribute("data-actor", a);
      row.addEventListener("mousedown", function (ev) { ev.preventDefault(); list.className = ""; choose(a); });
      list.appendChild(row);
    });
    if (!found.length && input.value.trim()) list.appendChild(el("div", "empty", "No actor matches “" + input.value.trim() + "”"));
    list.className = input.value.trim() ? "open" : "";
  }
  input.addEventListener("input", function () { if (!input.value.trim() && onEmpty) onEmpty(); fill(); });
  input.addEventListener("keydown", function (ev) {
    var rows = list.querySelectorAll("div[data-actor]"), at = -1;
    rows.forEach(function (r, i) { if (r.className === "active") at = i; });
    if ((ev.key === "ArrowDown" || ev.key === "ArrowUp") && rows.length) {
      ev.preventDefault();
      var next = ev.key === "ArrowDown" ? Math.min(rows.length - 1, at + 1) : Math.max(0, at - 1);
      rows.forEach(function (r, i) { r.className = i === next ? "active" : ""; });
      rows[next].scrollIntoView({ block: "nearest" });
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      if (!rows.length) fill();
      rows = list.querySelectorAll("div[data-actor]");
      var pick = rows[Math.max(0, at)];
      if (pick) { list.className = ""; choose(+pick.getAttribute("data-actor")); }
    } else if (ev.key === "Escape") {
      ev.stopPropagation();
      list.className = "";
      input.value = "";
      if (onEmpty) onEmpty();
    }
  });
  input.addEventListener("blur", function () { setTimeout(function () { list.className = ""; }, 150); });
}
function setupSearch() {
  actorPicker($("dg-search"), $("dg-matches"), function (a) { chooseActor(a); }, function () { if (state.focus >= 0) unfocus(); });
  $("dg-clear").addEventListener("click", function () { $("dg-search").value = ""; $("dg-matches").className = ""; unfocus(); });
}

/* ---------- the bar over the canvas ---------- */
function moreButtons(bar) {
  var base = state.view === "facts" ? FACT_CAP : state.focus < 0 ? OVERVIEW : AROUND, cap = capOf(base);
  if (SHOWN.more > 0) bar.appendChild(button("Show more (+" + Math.min(SHOWN.more, cap) + ")", function () { state.cap = cap * 2; refresh(); }));
  if (state.cap) bar.appendChild(button("Show fewer", function () {
    var fewer = Math.floor(cap / 2);
    state.cap = fewer > defaultCap(base) ? fewer : 0;
    refresh();
  }));
}
function updateBar() {
  var bar = $("dg-bar");
  bar.textContent = "";
  var shownActors = SHOWN.nodes.filter(function (n) { return n.kind === "actor"; }).length;
  if (state.view === "facts") {
    var whose = state.focus < 0 ? "Facts of the " + Math.min(10, shownActors) + " busiest actors"
      : state.other >= 0 && state.mode ? "Facts between the actors " + (state.mode === "path" ? "on the paths " : "in common ") +
        "of " + actorName(state.focus) + " and " + actorName(state.other)
      : "Facts of " + actorName(state.focus);
    add(bar, el("span", "", whose + ": " + (SHOWN.total - SHOWN.more) + " of " + SHOWN.total + " shown"));
    moreButtons(bar);
    if (state.focus >= 0) bar.appendChild(button("× Overview", unfocus));
    return;
  }
  if (state.focus < 0) {
    add(bar, el("span", "", "The " + shownActors + " actors with most facts in the window" +
      (SHOWN.more > 0 ? ", of " + (shownActors + SHOWN.more) : "")));
    moreButtons(bar);
    return;
  }
  var f = state.focus;
  if (state.other >= 0 && state.mode) {
    var text = state.mode === "path"
      ? (SHOWN.none ? "No path between " + actorName(f) + " and " + actorName(state.other) + " in the window and filters"
         : "Shortest paths " + actorName(f) + " → " + actorName(state.other) + ": " + plural(SHOWN.total, "step") + ", " + plural(shownActors, "actor"))
      : "Common counterparts of " + actorName(f) + " and " + actorName(state.other) + ": " + SHOWN.total;
    add(bar, el("span", "", text));
    moreButtons(bar);
    if (state.mode === "common") bar.appendChild(toggleAmong());
    bar.appendChild(button("← " + actorName(f), function () { compareWith(-1, ""); }));
    bar.appendChild(button("× Overview", unfocus));
    return;
  }
  var r1 = SHOWN.ring1 || [0, 0], r2 = SHOWN.ring2 || [0, 0];
  add(bar, el("span", "", "Around " + actorName(f) + ": " + (r1[0] < r1[1] ? r1[0] + " of " : "") + plural(r1[1], "counterpart") +
    (state.depth === 2 ? ", and " + (r2[0] < r2[1] ? r2[0] + " of " : "") + r2[1] + " of theirs" : "")));
  var depth = el("span", "seg");
  [1, 2].forEach(function (d) {
    var b = button("depth " + d, function () { state.depth = d; refresh(); });
    if (state.depth === d) b.className += " on";
    depth.appendChild(b);
  });
  bar.appendChild(depth);
  bar.appendChild(toggleAmong());
  moreButtons(bar);
  var pick = el("span", "pick"), input = el("input", "field"), list = el("div", "matches");
  input.type = "text"; input.placeholder = "second actor … 第二个行为体"; input.id = "dg-other";
  input.setAttribute("aria-label", "Second actor");
  add(pick, input, list);
  var chosen = -1, path = button("Path", function () { if (chosen >= 0) compareWith(chosen, "path"); }),
      common = button("Common", function () { if (chosen >= 0) compareWith(chosen, "common"); });
  path.disabled = common.disabled = true;
  path.title = "Shortest paths to the second actor"; common.title = "Counterparts both actors have";
  actorPicker(input, list, function (a) { chosen = a; input.value = actorName(a); path.disabled = common.disabled = false; });
  add(bar, pick, path, common, button("× Overview", unfocus));
}
function toggleAmong() {
  var label = el("label", "among"), box = el("input");
  box.type = "checkbox"; box.checked = state.among; box.id = "dg-among";
  box.addEventListener("change", function () { state.among = box.checked; refresh(); });
  return add(label, box, el("span", "", "links among them"));
}
