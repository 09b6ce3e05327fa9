/* arrange.js: lay out the nodes a view shows (a few dozen to a few hundred) so that, fitted to the canvas,
 * their labels are legible: a force layout sized to the canvas, then label boxes pushed apart.
 * Starts from seeds (the build's positions, or where the nodes were a moment ago), so the arrangement an
 * analyst knows stays recognisable; a pinned node (the focus) stays in the middle. */

/* Rough width of a label on the canvas: CJK characters are square, Latin ones about half as wide. */
function textWidth(text, font) {
  var w = 0;
  for (var i = 0; i < text.length; i++) w += text.charCodeAt(i) > 0x2e80 ? 1 : 0.56;
  return w * font;
}
function hashUnit(text) {
  var h = 2166136261;
  for (var i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
  return h / 4294967296;
}

/* items: [{id, size, font, label, seed: [x, y] or null}]; links: [[i, j, weight]].
 * opts: {width, height, pinned: index or -1, fresh: true to lay out from the seeds' rough places only,
 *        minLabel: the pixels a label should have at least once fitted}.
 * Returns {xy: [[x, y], …] in canvas pixels at scale 1, gain: how much the fonts were enlarged}: the layout
 * is scaled to fill the canvas box, so that fitted, labels keep about their own size; labels are pushed
 * apart where they overlap, and enlarged if fitting would still leave them too small. */
function arrange(items, links, opts) {
  var n = items.length, W = opts.width, H = opts.height;
  var x = new Float64Array(n), y = new Float64Array(n);
  if (!n) return { xy: [], gain: 1 };
  placeSeeds(items, links, x, y, W, H, opts.pinned);
  if (n > 1) forces(items, links, x, y, W, H, opts);
  fill(x, y, W, H, opts.pinned);
  separate(items, x, y, opts.pinned);
  var gain = legible(items, x, y, W, H, opts);
  var out = [];
  for (var i = 0; i < n; i++) out.push([Math.round(x[i]), Math.round(y[i])]);
  return { xy: out, gain: gain };
}
/* Fitted to the canvas, would the smaller labels be drawn under opts.minLabel pixels? Then make every label
 * larger (at most twice) and room for them, twice at most; returns the factor the fonts were multiplied by. */
function legible(items, x, y, W, H, opts) {
  var gain = 1, fonts = items.filter(function (it) { return it.label; }).map(function (it) { return it.font; });
  if (!fonts.length || !opts.minLabel) return 1;
  fonts.sort(function (a, b) { return a - b; });
  var small = fonts[Math.floor(fonts.length * 0.1)];  // the lowest tenth may stay a little smaller
  for (var round = 0; round < 2; round++) {
    var scale = fitScale(items, x, y, W, H);
    var wanted = opts.minLabel / (scale * small * gain);
    if (wanted <= 1.02 || gain >= 2) break;
    var step = Math.min(wanted, 2 / gain);
    gain *= step;
    items.forEach(function (it) { it.font *= step; });
    separate(items, x, y, opts.pinned);
  }
  return gain;
}
/* The zoom at which vis-network would fit these nodes and their labels into a W x H canvas (at most 1). */
function fitScale(items, x, y, W, H) {
  var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  items.forEach(function (it, i) {
    var hw = Math.max(it.size, textWidth(it.label, it.font) / 2);
    minX = Math.min(minX, x[i] - hw); maxX = Math.max(maxX, x[i] + hw);
    minY = Math.min(minY, y[i] - it.size); maxY = Math.max(maxY, y[i] + it.size + (it.label ? it.font + 6 : 0));
  });
  return Math.min(1, W / (1.1 * Math.max(1, maxX - minX)), H / (1.1 * Math.max(1, maxY - minY)));
}
/* A force layout where busy nodes push harder (ForceAtlas2's idea): hubs get room around them, so their
 * many counterparts do not pile up on one spot. Gravity keeps loose parts near the middle. */
function forces(items, links, x, y, W, H, opts) {
  var n = items.length, k = Math.sqrt(W * H / n) * 0.5, degree = new Float64Array(n);
  links.forEach(function (l) { degree[l[0]]++; degree[l[1]]++; });
  var mean = 0;
  for (var i = 0; i < n; i++) mean += degree[i] + 1;
  mean /= n;
  var mass = Array.from(degree, function (d) { return (d + 1) / mean; });
  var strength = links.map(function (l) { return 1 + Math.log(l[2]); });
  // Rounds within a budget of node pairs (n²/2 a round): a few hundred nodes still lay out in a tenth of a second.
  var iterations = Math.max(12, Math.min(opts.fresh ? 200 : 80, Math.floor(6e6 / (n * n))));
  var temp = opts.fresh ? Math.min(W, H) / 4 : k * 0.4, cool = temp / (iterations + 1);
  var dx = new Float64Array(n), dy = new Float64Array(n);
  for (var it = 0; it < iterations; it++) {
    dx.fill(0); dy.fill(0);
    for (i = 0; i < n; i++) {
      for (var j = i + 1; j < n; j++) {
        var ux = x[i] - x[j], uy = y[i] - y[j], d2 = ux * ux + uy * uy;
        if (d2 < 0.01) { ux = hashUnit(items[i].id) - 0.5; uy = hashUnit(items[j].id) - 0.5; d2 = ux * ux + uy * uy + 0.01; }
        var push = k * k * mass[i] * mass[j] / d2;
        dx[i] += ux * push; dy[i] += uy * push; dx[j] -= ux * push; dy[j] -= uy * push;
      }
    }
    for (var e = 0; e < links.length; e++) {
      var a = links[e][0], b = links[e][1], vx = x[a] - x[b], vy = y[a] - y[b];
      var pull = Math.sqrt(vx * vx + vy * vy) / k * strength[e];
      dx[a] -= vx * pull / mass[a]; dy[a] -= vy * pull / mass[a];
      dx[b] += vx * pull / mass[b]; dy[b] += vy * pull / mass[b];
    }
    for (i = 0; i < n; i++) {
      if (i === opts.pinned) continue;
      dx[i] -= x[i] * mass[i]; dy[i] -= y[i] * mass[i];  // as strong as the push of the rest: the whole stays about k·√n wide
      var len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1, step = Math.min(len, temp);
      x[i] += dx[i] / len * step; y[i] += dy[i] / len * step;
    }
    temp -= cool;
  }
}
/* Scale the layout (about its middle, or the pinned node) so it fills the canvas box; the few nodes that
 * lie far out (a pair linked only to each other) are brought to the box's edge instead of shrinking the rest. */
function fill(x, y, W, H, pinned) {
  var n = x.length;
  if (n < 2) { if (n) { x[0] = 0; y[0] = 0; } return; }
  var sx = Array.from(x).sort(function (a, b) { return a - b; }), sy = Array.from(y).sort(function (a, b) { return a - b; });
  var q = function (v, p) { return v[Math.min(v.length - 1, Math.max(0, Math.round(p * (v.length - 1))))]; };
  var lo = n > 20 ? 0.03 : 0, hi = 1 - lo;
  var cx = pinned >= 0 ? x[pinned] : (q(sx, lo) + q(sx, hi)) / 2, cy = pinned >= 0 ? y[pinned] : (q(sy, lo) + q(sy, hi)) / 2;
  var rx = Math.max(cx - q(sx, lo), q(sx, hi) - cx, 1e-9), ry = Math.max(cy - q(sy, lo), q(sy, hi) - cy, 1e-9);
  var kx = W / 2 / rx, ky = H / 2 / ry;
  kx = Math.min(kx, ky * 1.5); ky = Math.min(ky, kx * 1.5);  // fill the box, but never squash the picture by more than half
  for (var i = 0; i < n; i++) {
    x[i] = Math.max(-W / 2, Math.min(W / 2, (x[i] - cx) * kx));
    y[i] = Math.max(-H / 2, Math.min(H / 2, (y[i] - cy) * ky));
  }
}

/* Start positions: seeds scaled into the canvas box; seedless nodes beside their seeded neighbours. */
function placeSeeds(items, links, x, y, W, H, pinned) {
  var n = items.length, minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  items.forEach(function (it) {
    if (!it.seed) return;
    minX = Math.min(minX, it.seed[0]); maxX = Math.max(maxX, it.seed[0]);
    minY = Math.min(minY, it.seed[1]); maxY = Math.max(maxY, it.seed[1]);
  });
  var scale = Math.min(W / Math.max(maxX - minX, 1e-9), H / Math.max(maxY - minY, 1e-9)) * 0.9;
  var cx = (minX + maxX) / 2, cy = (minY + maxY) / 2, placed = new Uint8Array(n);
  items.forEach(function (it, i) {
    if (!it.seed) return;
    x[i] = (it.seed[0] - cx) * (isFinite(scale) ? scale : 1);
    y[i] = (it.seed[1] - cy) * (isFinite(scale) ? scale : 1);
    placed[i] = 1;
  });
  var near = [];
  for (var i = 0; i < n; i++) near.push([]);
  links.forEach(function (l) { near[l[0]].push(l[1]); near[l[1]].push(l[0]); });
  for (var round = 0; round < 3; round++) {
    items.forEach(function (it, i) {
      if (placed[i]) return;
      var sx = 0, sy = 0, c = 0;
      near[i].forEach(function (j) { if (placed[j] === 1) { sx += x[j]; sy += y[j]; c++; } });
      if (!c && round < 2) return;
      var angle = 2 * Math.PI * hashUnit(it.id), r = c ? Math.sqrt(W * H / n) * 0.5 : Math.min(W, H) * 0.45;
      x[i] = (c ? sx / c : 0) + r * Math.cos(angle);
      y[i] = (c ? sy / c : 0) + r * Math.sin(angle);
      placed[i] = 2;
    });
    for (i = 0; i < n; i++) if (placed[i] === 2) placed[i] = 1;
  }
  if (pinned >= 0) {
    var ox = x[pinned], oy = y[pinned];
    for (i = 0; i < n; i++) { x[i] -= ox; y[i] -= oy; }
  }
}

/* Push apart nodes whose boxes (shape and the label under it) overlap, along the shorter way out. */
function separate(items, x, y, pinned) {
  var n = items.length, pad = 6;
  var hw = items.map(function (it) { return Math.max(it.size, textWidth(it.label, it.font) / 2) + pad / 2; });
  var top = items.map(function (it) { return it.size + pad / 2; });
  var bottom = items.map(function (it) { return it.size + (it.label ? it.font + 6 : 0) + pad / 2; });
  var passes = n > 200 ? 25 : 60;
  for (var pass = 0; pass < passes; pass++) {
    var moved = false;
    var order = Array.from({ length: n }, function (_, i) { return i; }).sort(function (i, j) { return (x[i] - hw[i]) - (x[j] - hw[j]); });
    for (var oi = 0; oi < n; oi++) {
      var i = order[oi];
      for (var oj = oi + 1; oj < n; oj++) {
        var j = order[oj];
        if (x[j] - hw[j] > x[i] + hw[i]) break;  // sorted by left edge: nothing further right overlaps i
        var ox = hw[i] + hw[j] - Math.abs(x[i] - x[j]);
        var oy = y[i] <= y[j] ? bottom[i] + top[j] - (y[j] - y[i]) : bottom[j] + top[i] - (y[i] - y[j]);
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        var si = i === pinned ? 0 : j === pinned ? 1 : 0.5, sj = 1 - si;
        if (ox < oy) {
          var dir = x[i] < x[j] || (x[i] === x[j] && i < j) ? -1 : 1;
          x[i] += dir * ox * si; x[j] -= dir * ox * sj;
        } else {
          var dv = y[i] < y[j] || (y[i] === y[j] && i < j) ? -1 : 1;
          y[i] += dv * oy * si; y[j] -= dv * oy * sj;
        }
      }
    }
    if (!moved) break;
  }
}
