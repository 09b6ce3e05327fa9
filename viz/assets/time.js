/* time.js: the time axis (linear calendar days, month and year ticks, facts per week), the date window and Play.
 * Every fact sits on the axis at its own date or, drawn lighter and labelled "reported", at its report's
 * publication date. Facts dated far outside the corpus' publication span stay off the default axis. */
var AXIS = null;          // {lo, hi}: the days the slider covers
var WEEKS = null;         // {start, own: [], reported: []}: facts per week, for the histogram
var playing = null;

function computeAxis() {
  var lo = Infinity, hi = -Infinity;
  if (DATA.span.first !== undefined) { lo = DATA.span.first; hi = DATA.span.last; }
  for (var f = 0; f < NF; f++) {
    if (F_FAR[f] && !state.far) continue;
    var s = factSpan(f);
    if (!s) continue;
    if (s[0] < lo) lo = s[0];
    if (s[1] > hi) hi = s[1];
  }
  AXIS = lo === Infinity ? null : { lo: lo, hi: hi };
}
function farCount() {
  var n = 0;
  for (var f = 0; f < NF; f++) if (F_FAR[f]) n++;
  return n;
}
/* Is fact f inside the window? (Off-axis facts never are, unless the axis takes them in.) */
function timeOk(f) {
  if (!AXIS) return true;
  if (F_FAR[f] && !state.far) return false;
  var s = factSpan(f);
  if (!s || (s[2] === "reported" && !state.undated)) return false;
  return s[1] >= state.lo && s[0] <= state.hi;
}
function windowIsAll() { return !AXIS || (state.lo <= AXIS.lo && state.hi >= AXIS.hi); }

/* ---------- histogram and ticks, drawn on one canvas under the slider ---------- */
var WEEK0 = 4;  // 1970-01-01 was a Thursday: day 4 is the first Monday
function weekOf(day) { return Math.floor((day - WEEK0) / 7); }
/* Facts per week passing every filter but the window: `passOthers(f)` (filters.js) decides. */
function countWeeks(passOthers) {
  if (!AXIS) { WEEKS = null; return; }
  var first = weekOf(AXIS.lo), n = weekOf(AXIS.hi) - first + 1;
  var own = new Float64Array(n), rep = new Float64Array(n);
  for (var f = 0; f < NF; f++) {
    if (!passOthers(f) || (F_FAR[f] && !state.far)) continue;
    var s = factSpan(f);
    if (!s || (s[2] === "reported" && !state.undated)) continue;
    var w0 = weekOf(s[0]) - first, w1 = weekOf(s[1]) - first, share = 1 / (w1 - w0 + 1);
    var into = s[2] === "own" ? own : rep;
    for (var w = Math.max(0, w0); w <= Math.min(n - 1, w1); w++) into[w] += share;  // a month-precise date is spread over its weeks
  }
  WEEKS = { first: first, own: own, reported: rep };
}
function axisX(day, width) { return 8 + (width - 16) * (day - AXIS.lo) / Math.max(1, AXIS.hi - AXIS.lo); }
var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
function drawAxis() {
  var canvas = $("dg-axis"), ratio = window.devicePixelRatio || 1;
  var width = canvas.clientWidth, height = canvas.clientHeight;
  canvas.width = Math.round(width * ratio); canvas.height = Math.round(height * ratio);
  var g = canvas.getContext("2d");
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, width, height);
  if (!AXIS) return;
  var barTop = 2, barBottom = 20;
  if (WEEKS) {
    var top = 0;
    for (var w = 0; w < WEEKS.own.length; w++) top = Math.max(top, WEEKS.own[w] + WEEKS.reported[w]);
    var lo = weekOf(state.lo) - WEEKS.first, hi = weekOf(state.hi) - WEEKS.first;
    for (w = 0; w < WEEKS.own.length; w++) {
      var total = WEEKS.own[w] + WEEKS.reported[w];
      if (!total) continue;
      var start = (WEEKS.first + w) * 7 + WEEK0;
      var x0 = axisX(Math.max(AXIS.lo, start), width), x1 = axisX(Math.min(AXIS.hi + 1, start + 7), width);
      var h = Math.max(1.5, (barBottom - barTop) * Math.sqrt(total / top)), ownH = h * WEEKS.own[w] / total;
      var inside = w >= lo && w <= hi;
      g.fillStyle = inside ? "#2f6fdb" : "#aab4bf";
      g.fillRect(x0, barBottom - ownH, Math.max(1, x1 - x0 - 0.5), ownH);
      g.fillStyle = inside ? "#9cbcf2" : "#d5dbe1";  // reported-date facts: lighter, stacked on top
      g.fillRect(x0, barBottom - h, Math.max(1, x1 - x0 - 0.5), h - ownH);
    }
  }
  // Ticks: every month (when there is room), labelled by year or by month on short axes.
  g.strokeStyle = "#8d99a6"; g.fillStyle = "#55606c"; g.font = "10px sans-serif"; g.textBaseline = "top";
  var first = new Date(AXIS.lo * DAY), y = first.getUTCFullYear(), m = first.getUTCMonth();
  var spanDays = AXIS.hi - AXIS.lo, monthPx = (width - 16) * 30.4 / Math.max(1, spanDays), lastLabel = -1e9;
  for (;;) {
    var day = Math.round(Date.UTC(y, m, 1) / DAY);
    if (day > AXIS.hi) break;
    if (day >= AXIS.lo) {
      var x = axisX(day, width), yearly = m === 0;
      if (yearly || monthPx >= 4) {
        g.beginPath(); g.moveTo(x + 0.5, barBottom + 1); g.lineTo(x + 0.5, barBottom + (yearly ? 8 : 4)); g.stroke();
      }
      var text = yearly ? String(y) : (monthPx >= 34 ? MONTHS[m] : "");
      if (text && x - lastLabel > (yearly ? 30 : 26)) { g.fillText(text, x + 2, barBottom + 5); lastLabel = x; }
    }
    if (++m === 12) { m = 0; y++; }
  }
  var mark = dayOf("2022-02-24");
  if (mark >= AXIS.lo && mark <= AXIS.hi) {
    g.fillStyle = "#d62828"; g.fillRect(axisX(mark, width) - 0.5, 0, 1.5, barBottom);
  }
}

/* ---------- the window ---------- */
function setDates(lo, hi, quiet) {
  if (!AXIS) return;
  if (lo > hi) { var t = lo; lo = hi; hi = t; }
  state.lo = Math.max(AXIS.lo, Math.min(lo, AXIS.hi));
  state.hi = Math.max(state.lo, Math.min(hi, AXIS.hi));
  $("dg-lo").value = state.lo; $("dg-hi").value = state.hi;
  $("dg-from").value = iso(state.lo); $("dg-to").value = iso(state.hi);
  var fill = $("dg-fill"), width = $("dg-range").clientWidth;
  fill.style.left = axisX(state.lo, width) + "px";
  fill.style.width = Math.max(2, axisX(state.hi, width) - axisX(state.lo, width)) + "px";
  var days = state.hi - state.lo + 1;
  $("dg-window").textContent = plural(days, "day");
  var now = $("dg-now");
  now.textContent = windowIsAll() ? "" : (days === 1 ? iso(state.lo) : iso(state.lo) + " – " + iso(state.hi));
  now.style.display = now.textContent ? "block" : "none";
  if (!quiet) refresh();
}
function setupTime() {
  computeAxis();
  var lo = $("dg-lo"), hi = $("dg-hi");
  if (!AXIS) {
    $("dg-time").querySelectorAll("input,button,select").forEach(function (x) { x.disabled = true; });
    $("dg-window").textContent = "no dated facts";
    return;
  }
  applyAxis();
  lo.addEventListener("input", function () { stopPlay(); setDates(Math.min(+lo.value, state.hi), state.hi); });
  hi.addEventListener("input", function () { stopPlay(); setDates(state.lo, Math.max(+hi.value, state.lo)); });
  $("dg-from").addEventListener("change", function () { stopPlay(); var d = dayOf(this.value); if (d !== null) setDates(d, Math.max(d, state.hi)); });
  $("dg-to").addEventListener("change", function () { stopPlay(); var d = dayOf(this.value); if (d !== null) setDates(Math.min(d, state.lo), d); });
  $("dg-all-dates").addEventListener("click", function () { stopPlay(); setDates(AXIS.lo, AXIS.hi); });
  $("dg-play").addEventListener("click", function () { if (playing) stopPlay(); else startPlay(); });
  var mark = dayOf("2022-02-24");
  $("dg-runup").addEventListener("click", function () { stopPlay(); setDates(mark - 55, mark); });
  window.addEventListener("resize", function () { drawAxis(); setDates(state.lo, state.hi, true); });
}
/* The slider's range follows the axis (which grows when far dates are taken in). */
function applyAxis() {
  [$("dg-lo"), $("dg-hi")].forEach(function (r) { r.min = AXIS.lo; r.max = AXIS.hi; r.step = 1; });
  $("dg-from").min = $("dg-to").min = iso(AXIS.lo);
  $("dg-from").max = $("dg-to").max = iso(AXIS.hi);
  var mark = dayOf("2022-02-24");
  $("dg-runup").style.display = mark - 55 >= AXIS.lo && mark <= AXIS.hi ? "" : "none";
}
function setFar(on) {
  var wasAll = windowIsAll();
  state.far = on;
  computeAxis();
  applyAxis();
  if (wasAll || !on) setDates(AXIS.lo, AXIS.hi, true); else setDates(state.lo, state.hi, true);
  refresh();
}

/* ---------- Play: a window of adjustable width moving forward ---------- */
function startPlay() {
  if (!AXIS) return;
  var width = +$("dg-width").value;
  var lo = windowIsAll() || state.lo + width - 1 >= AXIS.hi ? AXIS.lo : state.lo;
  setDates(lo, lo + width - 1);
  $("dg-play").textContent = "Pause";
  document.body.classList.add("playing");
  playing = setInterval(function () {
    var w = +$("dg-width").value, step = Math.max(1, Math.round(w / 7)) * +$("dg-speed").value;
    if (state.hi >= AXIS.hi) { stopPlay(); return; }
    setDates(state.lo + step, state.lo + step + w - 1);
  }, 400);
}
function stopPlay() {
  if (playing) clearInterval(playing);
  playing = null;
  $("dg-play").textContent = "Play";
  document.body.classList.remove("playing");
}
