// tc0's circuit viewer: the region tree drawn by level, aggregated until a group of gates is small enough to
// draw gate by gate. The head (figures, regions, critical path) is read at once; the gate data is inflated in
// the background and only needed to open a group of gates. Everything is in this page: nothing is fetched.
"use strict";
(function () {
  const GATE_LIMIT = 200;     // a group of at most this many gates is drawn gate by gate
  const CHILD_LIMIT = 200;    // children listed under one row; the rest are counted (search finds them)
  const PER_COLUMN = 24;      // gates stacked on one level before a block wraps into another column
  const SOURCE_LIMIT = 300;   // nodes outside a drawn group that feed it, drawn where no more than this

  const head = JSON.parse(document.getElementById("tc0-head").textContent);
  const R = head.regions;
  const n = R.region.length;
  const firstGate = head.inputs + 1;
  const fmt = d3.format(",");

  // ---- the region tree (preorder, parents first) ----
  const index = new Map();                 // region id -> preorder index
  R.region.forEach((id, i) => index.set(id, i));
  const parentIx = R.parent.map(p => p < 0 ? -1 : index.get(p));
  const children = Array.from({length: n}, () => []);
  for (let i = 1; i < n; i++) children[parentIx[i]].push(i);
  const path = new Array(n);
  for (let i = 0; i < n; i++) path[i] = i === 0 ? "" : (parentIx[i] === 0 ? R.name[i] : path[parentIx[i]] + "/" + R.name[i]);
  const end = new Int32Array(n);           // subtree of i = preorder indices [i, end[i])
  for (let i = n - 1; i >= 0; i--) { end[i] = i + 1; for (const c of children[i]) end[i] = Math.max(end[i], end[c]); }
  const ownGates = R.gates.map((g, i) => g - children[i].reduce((s, c) => s + R.gates[c], 0));
  const critical = new Set(head.criticalPath);
  const criticalNext = new Map();          // node -> the next node on the critical path
  head.criticalPath.forEach((v, k) => { if (k > 0) criticalNext.set(head.criticalPath[k - 1], v); });

  // ---- the gate data, inflated in the background ----
  let G = null;
  const gatesReady = inflateGates().then(g => { G = g; return g; });

  async function inflateGates() {
    const text = document.getElementById("tc0-gates").textContent.trim();
    const packed = Uint8Array.fromBase64 ? Uint8Array.fromBase64(text) : Uint8Array.from(atob(text), ch => ch.charCodeAt(0));
    const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("deflate"));
    const buf = await new Response(stream).arrayBuffer();
    const gates = head.gates, stored = head.storedWires;
    let at = 0;
    const take = (Type, count) => { const a = new Type(buf, at, count); at += count * Type.BYTES_PER_ELEMENT; return a; };
    const threshold = take(Float64Array, gates);
    const weight = take(head.weightBytes === 8 ? Float64Array : Int32Array, stored);
    const level = take(Int32Array, gates);
    const region = take(Int32Array, gates);
    const faninStart = take(Int32Array, gates);
    const faninEnd = take(Int32Array, gates);
    const source = take(Int32Array, stored);
    for (let e = 1; e < stored; e++) source[e] += source[e - 1];   // deltas to node ids, in place
    const regionIx = new Int32Array(gates);
    for (let g = 0; g < gates; g++) regionIx[g] = index.get(region[g]);
    return {threshold, weight, level, regionIx, faninStart, faninEnd, source};
  }

  // ---- groups: what a row stands for ----
  // {kind: "region", i} a region's subtree; {kind: "gates", i, list, label} some gates of region i (its own
  // gates, or a slice of them by level); every group has a stable key so that open rows stay open.
  const open = new Set(["r0"]);
  const gateLists = new Map();             // region index -> its own gates (gate indices), once computed

  function ownList(i) {
    if (!gateLists.has(i)) {
      const list = [];
      for (let g = 0; g < head.gates; g++) if (G.regionIx[g] === i) list.push(g);
      gateLists.set(i, list);
    }
    return gateLists.get(i);
  }

  function regionGroup(i) { return {kind: "region", i, key: "r" + i}; }

  function gatesGroup(i, list, label, key) { return {kind: "gates", i, list, label, key}; }

  /** The rows under an open group; null while the gate data is still inflating. */
  function childGroups(group) {
    if (group.kind === "region") {
      const i = group.i, out = children[i].map(regionGroup);
      if (ownGates[i] > 0) {
        if (!G) return null;
        const own = gatesGroup(i, ownList(i), children[i].length ? "(own gates)" : "gates", "o" + i);
        if (!children[i].length) return own.list.length <= GATE_LIMIT ? [] : slices(own);
        out.push(own);
      }
      return out;
    }
    return group.list.length <= GATE_LIMIT ? [] : slices(group);
  }

  /** A large group of gates cut by level into slices of at most GATE_LIMIT gates (a wide level by position). */
  function slices(group) {
    const byLevel = new Map();
    for (const g of group.list) { const l = G.level[g]; if (!byLevel.has(l)) byLevel.set(l, []); byLevel.get(l).push(g); }
    const levels = [...byLevel.keys()].sort((a, b) => a - b);
    const out = [];
    let cur = [], lo = -1, hi = -1;
    const flush = () => {
      if (!cur.length) return;
      out.push(gatesGroup(group.i, cur, lo === hi ? "level " + lo : "levels " + lo + "–" + hi, group.key + ":" + lo + "-" + hi + ":" + out.length));
      cur = [];
    };
    for (const l of levels) {
      const at = byLevel.get(l);
      if (at.length > GATE_LIMIT) {
        flush();
        for (let k = 0; k < at.length; k += GATE_LIMIT) {
          const part = at.slice(k, k + GATE_LIMIT);
          out.push(gatesGroup(group.i, part, "level " + l + ", gates " + (k + 1) + "–" + (k + part.length) + " of " + at.length, group.key + ":" + l + "#" + k));
        }
        continue;
      }
      if (cur.length + at.length > GATE_LIMIT) flush();
      if (!cur.length) lo = l;
      hi = l;
      cur.push(...at);
    }
    flush();
    return out;
  }

  /** Figures of a group: from the head for a region, counted from the gate data for a group of gates. */
  function figures(group) {
    if (group.kind === "region") {
      const i = group.i;
      return {gates: R.gates[i], wires: R.wires[i], depth: R.depth[i], width: R.width[i], maxFanin: R.maxFanin[i],
              first: R.first[i], last: R.last[i], critical: R.critical[i]};
    }
    let first = Infinity, last = -1, wires = 0, maxFanin = 0, crit = 0;
    for (const g of group.list) {
      const l = G.level[g], f = G.faninEnd[g] - G.faninStart[g];
      first = Math.min(first, l); last = Math.max(last, l); wires += f; maxFanin = Math.max(maxFanin, f);
      if (critical.has(g + firstGate)) crit++;
    }
    return {gates: group.list.length, wires, depth: null, width: null, maxFanin, first, last, critical: crit};
  }

  /** Levels of the critical path's gates inside a group of gates. */
  function criticalLevels(group) {
    const members = new Set(group.list), out = [];
    head.criticalPath.forEach((v, k) => { if (members.has(v - firstGate)) out.push(k + 1); });
    return out;
  }

  function inSubtree(i, j) { return j >= i && j < end[i]; }

  /** Levels of the critical path's gates inside a region's subtree (known once the gate data is). */
  function criticalLevelsOfRegion(i) {
    if (!G) return [];
    const out = [];
    head.criticalPath.forEach((v, k) => { if (inSubtree(i, G.regionIx[v - firstGate])) out.push(k + 1); });
    return out;
  }

  // ---- drawing ----
  const rowsEl = document.getElementById("rows");
  const details = document.getElementById("details");
  const x = d3.scaleLinear().domain([0, Math.max(1, head.depth) + 1]);
  let chartWidth = 600;

  function measure() {
    const probe = document.querySelector("#axis .chart");
    chartWidth = Math.max(200, probe ? probe.clientWidth : 600);
    x.range([8, chartWidth - 8]); // room for the axis' end labels
  }

  function drawAxis() {
    const axis = d3.select("#axis").html("");
    const row = axis.append("div").attr("class", "row");
    row.append("div").attr("class", "name").html("<b>level →</b> <span class='fig'>critical path left to right</span>");
    row.append("div").attr("class", "bars").html("<span class='fig'>size · depth</span>");
    row.append("div").attr("class", "chart");
    measure();
    const svg = row.select(".chart").append("svg").attr("height", 40).attr("class", "axis");
    const maxW = d3.max(head.profile.slice(1)) || 1;
    const h = d3.scaleLinear().domain([0, maxW]).range([0, 22]);
    svg.selectAll("rect").data(head.profile).join("rect").attr("class", "profile")
      .attr("x", (d, l) => x(l)).attr("width", Math.max(0.5, x(1) - x(0) - 0.3))
      .attr("y", d => 22 - h(d)).attr("height", d => h(d))
      .append("title").text((d, l) => "level " + l + ": " + fmt(d) + " gates");
    svg.append("g").attr("transform", "translate(0,24)")
      .call(d3.axisBottom(x).ticks(Math.min(12, head.depth + 1)).tickFormat(d3.format("d")));
  }

  function render() {
    const scroll = window.scrollY;
    rowsEl.textContent = "";
    addRows(regionGroup(0), 0, 0);
    window.scrollTo(0, scroll);
  }

  function addRows(group, depth, parentGates) {
    rowsEl.appendChild(rowFor(group, depth, parentGates));
    if (!open.has(group.key)) return;
    const f = figures(group);
    const kids = childGroups(group);
    if (kids === null) { rowsEl.appendChild(note(depth + 1, "inflating the gate data…")); gatesReady.then(render); return; }
    if (group.kind === "gates" && kids.length === 0) { rowsEl.appendChild(gateBlock(group, depth + 1)); return; }
    if (group.kind === "region" && kids.length === 0 && ownGates[group.i] > 0) {
      rowsEl.appendChild(gateBlock(gatesGroup(group.i, ownList(group.i), "gates", "o" + group.i), depth + 1));
      return;
    }
    kids.slice(0, CHILD_LIMIT).forEach(k => addRows(k, depth + 1, f.gates));
    if (kids.length > CHILD_LIMIT) rowsEl.appendChild(note(depth + 1, fmt(kids.length - CHILD_LIMIT) + " more; search finds them by name"));
  }

  function note(depth, text) {
    const div = document.createElement("div");
    div.className = "row more";
    div.style.paddingLeft = (depth * 14 + 14) + "px";
    div.textContent = text;
    return div;
  }

  function labelOf(group) {
    if (group.kind === "gates") return group.label;
    return group.i === 0 ? "(circuit)" : R.name[group.i];
  }

  function rowFor(group, depth, parentGates) {
    const f = figures(group);
    const row = d3.create("div").attr("class", "row " + group.kind)
      .classed("critical", f.critical > 0)
      .attr("data-key", group.key)
      .attr("data-path", group.kind === "region" ? path[group.i] : path[group.i] + "#" + group.label);
    const name = row.append("div").attr("class", "name").style("padding-left", (depth * 14) + "px")
      .attr("title", (group.kind === "region" ? (path[group.i] || "(circuit)") : path[group.i] + " · " + group.label) +
             "\n" + fmt(f.gates) + " gates, " + fmt(f.wires) + " wires" + (f.depth != null ? ", depth " + f.depth + ", width " + fmt(f.width) : "") +
             (f.first >= 0 ? ", levels " + f.first + "–" + f.last : ""));
    name.append("span").attr("class", "tw").text(open.has(group.key) ? "▾" : "▸");
    name.append("span").attr("class", "label").text(labelOf(group));
    name.append("span").attr("class", "fig").text(fmt(f.gates) + " g" + (f.depth != null ? " · d " + f.depth : ""));
    name.on("click", () => { toggle(group.key); showGroup(group); });
    const bars = row.append("div").attr("class", "bars").on("click", () => showGroup(group));
    const share = parentGates > 0 ? f.gates / parentGates : 1;
    bars.append("div").attr("class", "bar size").attr("title", "gates: " + fmt(f.gates) + (parentGates ? " (" + d3.format(".1%")(share) + " of the parent's)" : ""))
      .append("i").style("width", (100 * share) + "%");
    const depthShare = f.depth != null ? f.depth / Math.max(1, head.depth) : (f.last - f.first + 1) / Math.max(1, head.depth);
    bars.append("div").attr("class", "bar depth").attr("title", "depth: " + (f.depth != null ? f.depth : "levels " + f.first + "–" + f.last) + " of " + head.depth)
      .append("i").style("width", (100 * depthShare) + "%");
    const svg = row.append("div").attr("class", "chart").on("click", () => showGroup(group))
      .append("svg").attr("height", 18);
    if (f.first >= 0) {
      svg.append("rect").attr("class", "span").attr("x", x(f.first)).attr("y", 3)
        .attr("width", Math.max(2, x(f.last + 1) - x(f.first))).attr("height", 12)
        .append("title").text("levels " + f.first + "–" + f.last);
      const crit = group.kind === "region" ? criticalLevelsOfRegion(group.i) : criticalLevels(group);
      svg.selectAll("rect.crit").data(crit).join("rect").attr("class", "crit")
        .attr("x", l => x(l)).attr("y", 7).attr("width", Math.max(1.5, x(1) - x(0))).attr("height", 4)
        .append("title").text(l => "critical path, level " + l);
    }
    return row.node();
  }

  function toggle(key) {
    if (open.has(key)) open.delete(key); else open.add(key);
    render();
  }

  /** A group of at most GATE_LIMIT gates, drawn gate by gate: x = level, wires between them, and the nodes
   *  outside the group that feed it (hollow) where they are few enough to draw. */
  function gateBlock(group, depth) {
    const list = group.list;
    const members = new Set(list);
    const outside = new Set();
    for (const g of list) {
      for (let e = G.faninStart[g]; e < G.faninEnd[g]; e++) {
        const s = G.source[e];
        if (s !== 0 && !members.has(s - firstGate)) outside.add(s);
      }
    }
    const drawOutside = outside.size <= SOURCE_LIMIT;
    const levelOf = node => node < firstGate ? 0 : G.level[node - firstGate];
    const nodes = list.map(g => g + firstGate).concat(drawOutside ? [...outside].sort((a, b) => a - b) : []);
    const byLevel = new Map();
    for (const v of nodes) { const l = levelOf(v); if (!byLevel.has(l)) byLevel.set(l, []); byLevel.get(l).push(v); }
    const lo = d3.min(nodes, levelOf), hi = d3.max(nodes, levelOf);
    const bx = d3.scaleLinear().domain([lo - 0.5, hi + 0.5]).range([8, chartWidth - 8]);
    const band = bx(lo + 1) - bx(lo);
    const at = new Map();
    let height = 0;
    for (const [l, vs] of byLevel) {
      const cols = Math.ceil(vs.length / PER_COLUMN);
      vs.forEach((v, k) => {
        const c = Math.floor(k / PER_COLUMN), r = k % PER_COLUMN;
        at.set(v, [bx(l) - band / 2 + band * (c + 0.5) / cols, 10 + r * 14]);
        height = Math.max(height, 10 + r * 14 + 12);
      });
    }
    const div = d3.create("div").attr("class", "row block").attr("data-key", group.key + "/gates");
    const name = div.append("div").attr("class", "name").style("padding-left", (depth * 14) + "px");
    name.html("<span class='fig'>" + fmt(list.length) + " gates, x = level" +
            (drawOutside ? (outside.size ? "; hollow: the " + fmt(outside.size) + " nodes outside that feed them" : "")
                         : "; fed by " + fmt(outside.size) + " nodes outside, too many to draw") + "</span>");
    div.append("div").attr("class", "bars");
    const svg = div.append("div").attr("class", "chart").append("svg").attr("height", height + 16);
    const drawing = svg.append("g").attr("class", "zoom"); // what zoom and pan move; the level axis is redrawn instead
    const wires = [];
    for (const g of list) {
      const node = g + firstGate, to = at.get(node);
      for (let e = G.faninStart[g]; e < G.faninEnd[g]; e++) {
        const s = G.source[e], from = at.get(s);
        if (from) wires.push({from, to, neg: G.weight[e] < 0, crit: criticalNext.get(s) === node, src: s, dst: node});
      }
    }
    drawing.append("g").selectAll("path").data(wires).join("path")
      .attr("class", w => "wire" + (w.neg ? " neg" : "") + (w.crit ? " critical" : ""))
      .attr("data-src", w => w.src).attr("data-dst", w => w.dst)
      .attr("d", w => "M" + w.from[0] + "," + w.from[1] + "C" + (w.from[0] + w.to[0]) / 2 + "," + w.from[1] + " " + (w.from[0] + w.to[0]) / 2 + "," + w.to[1] + " " + w.to[0] + "," + w.to[1]);
    if (drawOutside) {
      drawing.append("g").selectAll("circle").data([...outside]).join("circle")
        .attr("class", v => "source" + (critical.has(v) ? " critical" : ""))
        .attr("cx", v => at.get(v)[0]).attr("cy", v => at.get(v)[1]).attr("r", 3.5)
        .append("title").text(v => nodeLabel(v) + ", level " + levelOf(v) + (v >= firstGate ? ", " + (path[G.regionIx[v - firstGate]] || "(circuit)") : ""));
    }
    drawing.append("g").selectAll("circle").data(list).join("circle")
      .attr("class", g => "gate" + (critical.has(g + firstGate) ? " critical" : ""))
      .attr("data-node", g => g + firstGate)
      .attr("cx", g => at.get(g + firstGate)[0]).attr("cy", g => at.get(g + firstGate)[1]).attr("r", 4.5)
      .on("click", (ev, g) => { showGate(g); d3.select(ev.currentTarget).classed("selected", true); svg.selectAll(".wire").classed("hot", w => w.dst === g + firstGate); })
      .append("title").text(g => "g" + (g + firstGate) + ", level " + G.level[g]);
    const axis = svg.append("g").attr("class", "axis").attr("transform", "translate(0," + height + ")");
    const drawAxis = scale => axis.call(d3.axisBottom(scale).ticks(Math.min(10, hi - lo + 1)).tickFormat(d3.format("d")));
    drawAxis(bx);
    zoomable(svg, drawing, name, [chartWidth, height + 16], t => drawAxis(t.rescaleX(bx)));
    return div.node();
  }

  /** Zoom and pan for a gate drawing: a drag pans, Ctrl + wheel (or a pinch) zooms at the pointer, a plain wheel
   *  still scrolls the page; the buttons zoom about the middle and reset. The drawing stays inside its box. */
  function zoomable(svg, drawing, bar, [w, h], onZoom) {
    // the view is the box as laid out (d3's default extent); the content may not pan past the drawing's edges
    const zoom = d3.zoom().scaleExtent([1, 64]).translateExtent([[0, 0], [w, h]])
      .filter(ev => ev.type === "wheel" ? ev.ctrlKey || ev.metaKey : !ev.button)
      .on("zoom", ev => { drawing.attr("transform", ev.transform); onZoom(ev.transform); });
    svg.call(zoom).on("dblclick.zoom", null);
    const buttons = bar.insert("span", ":first-child").attr("class", "zoom-buttons"); // first: the figures may overflow the cell
    buttons.append("button").attr("class", "zoom-in").attr("title", "zoom in (or Ctrl + wheel)").text("+")
      .on("click", ev => { ev.stopPropagation(); svg.call(zoom.scaleBy, 2); });
    buttons.append("button").attr("class", "zoom-out").attr("title", "zoom out").text("−")
      .on("click", ev => { ev.stopPropagation(); svg.call(zoom.scaleBy, 0.5); });
    buttons.append("button").attr("class", "zoom-reset").attr("title", "whole drawing").text("1:1")
      .on("click", ev => { ev.stopPropagation(); svg.call(zoom.transform, d3.zoomIdentity); });
  }

  /** The critical path as a strip under the axis: one mark per level, a click shows that gate. */
  function drawCriticalStrip() {
    const row = d3.select("#axis").append("div").attr("class", "row critical-strip");
    row.append("div").attr("class", "name").html("<span class='label'>critical path</span> <span class='fig'>" + head.criticalPath.length + " gates, click one</span>");
    row.append("div").attr("class", "bars");
    const svg = row.append("div").attr("class", "chart").append("svg").attr("height", 14);
    svg.append("line").attr("class", "crit-line").attr("x1", x(1)).attr("x2", x(head.depth + 1)).attr("y1", 7).attr("y2", 7);
    svg.selectAll("rect").data(head.criticalPath).join("rect").attr("class", "crit step")
      .attr("data-node", v => v)
      .attr("x", (v, k) => x(k + 1)).attr("y", 2).attr("width", Math.max(2, x(1) - x(0) - 0.5)).attr("height", 10)
      .on("click", (ev, v) => gatesReady.then(() => { revealGate(v - firstGate); showGate(v - firstGate); }))
      .append("title").text((v, k) => "level " + (k + 1) + ": g" + v);
  }

  // ---- details ----
  function nodeLabel(node) {
    if (node === 0) return "0 (constant)";
    if (node < firstGate) {
      const k = node - 1;
      const b = head.inputBuses.find(b => k >= b.offset && k < b.offset + b.width);
      return b ? b.name + "[" + (k - b.offset) + "]" : "input " + k;
    }
    return "g" + node;
  }

  function showGroup(group) {
    const f = figures(group);
    const p = group.kind === "region" ? (path[group.i] || "(circuit)") : path[group.i] + " · " + group.label;
    const rows = [["gates", fmt(f.gates)], ["wires", fmt(f.wires)],
      ["depth", f.depth != null ? f.depth : "–"], ["width", f.width != null ? fmt(f.width) : "–"],
      ["max fan-in", f.maxFanin], ["levels", f.first + "–" + f.last], ["critical-path gates", f.critical]];
    if (group.kind === "region") rows.push(["own gates", fmt(ownGates[group.i])], ["child regions", children[group.i].length]);
    details.innerHTML = "";
    const d = d3.select(details);
    d.append("h2").attr("id", "detail-title").text(p);
    const t = d.append("table").attr("id", "detail-figures");
    rows.forEach(([k, v]) => { const tr = t.append("tr"); tr.append("th").text(k); tr.append("td").attr("class", "num").text(v); });
  }

  function showGate(g) {
    d3.selectAll(".gate.selected").classed("selected", false);
    d3.selectAll('circle.gate[data-node="' + (g + firstGate) + '"]').classed("selected", true);
    const node = g + firstGate, s = G.faninStart[g], e = G.faninEnd[g];
    details.innerHTML = "";
    const d = d3.select(details);
    d.append("h2").attr("id", "detail-title").text("gate g" + node + (critical.has(node) ? " (critical path)" : ""));
    const t = d.append("table").attr("id", "gate-figures");
    [["region", path[G.regionIx[g]] || "(circuit)"], ["level", G.level[g]], ["threshold", "≥ " + G.threshold[g]],
     ["fan-in", e - s]].forEach(([k, v]) => { const tr = t.append("tr"); tr.append("th").text(k); tr.append("td").text(v); });
    if (!head.exact) d.append("p").attr("class", "hint").text("Some weights or thresholds exceed 2^53 and are shown rounded; the JSON export has them exactly.");
    d.append("h2").text("weights");
    const w = d.append("table").attr("id", "gate-weights");
    w.append("tr").html("<th>from</th><th>level</th><th class='num'>weight</th>");
    const shown = Math.min(e, s + 500);
    for (let k = s; k < shown; k++) {
      const src = G.source[k];
      const tr = w.append("tr").attr("class", "weight");
      const from = tr.append("td").text(nodeLabel(src));
      if (src >= firstGate) from.attr("class", "link").on("click", () => { revealGate(src - firstGate); showGate(src - firstGate); });
      tr.append("td").text(src >= firstGate ? G.level[src - firstGate] : 0);
      tr.append("td").attr("class", "num").text(G.weight[k]);
    }
    if (e > shown) d.append("p").attr("class", "hint").text(fmt(e - shown) + " more wires");
  }

  // ---- search ----
  const search = document.getElementById("search");
  const results = document.getElementById("results");

  function find(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    const out = [];
    for (let i = 1; i < n && out.length < 100; i++) if (path[i].toLowerCase().includes(q)) out.push(i);
    return out;
  }

  function showResults() {
    const found = find(search.value);
    results.textContent = "";
    results.hidden = !search.value.trim();
    if (!found.length && search.value.trim()) { const li = document.createElement("li"); li.className = "more"; li.textContent = "no region matches"; results.appendChild(li); }
    for (const i of found) {
      const li = document.createElement("li");
      li.className = "result";
      li.dataset.path = path[i];
      li.innerHTML = "";
      li.append(path[i]);
      const s = document.createElement("span"); s.className = "n"; s.textContent = fmt(R.gates[i]) + " gates"; li.appendChild(s);
      li.addEventListener("click", () => reveal(i));
      results.appendChild(li);
    }
  }

  /** Opens every ancestor of region i, draws, marks its row and scrolls it into view. */
  function reveal(i) {
    for (let a = parentIx[i]; a >= 0; a = parentIx[a]) open.add("r" + a);
    results.hidden = true;
    render();
    const row = rowsEl.querySelector('[data-key="r' + i + '"]');
    if (row) { row.classList.add("found"); row.scrollIntoView({block: "center"}); }
    showGroup(regionGroup(i));
  }

  /** Opens the groups down to gate g's drawing (its region's ancestors, the region, the slices holding it). */
  function revealGate(g) {
    const i = G.regionIx[g];
    for (let a = i; a >= 0; a = parentIx[a]) open.add("r" + a);
    let group = regionGroup(i);
    for (;;) {
      const kids = childGroups(group);
      const next = kids.find(k => k.kind === "gates" && k.list.includes(g));
      if (!next) break;
      open.add(next.key);
      group = next;
    }
    render();
    const circle = rowsEl.querySelector('circle[data-node="' + (g + firstGate) + '"]');
    if (circle) circle.scrollIntoView({block: "center"});
  }

  search.addEventListener("input", showResults);
  search.addEventListener("keydown", ev => {
    if (ev.key === "Enter") { const f = find(search.value); if (f.length) reveal(f[0]); }
    if (ev.key === "Escape") results.hidden = true;
  });

  // ---- start ----
  document.getElementById("summary").textContent = fmt(head.gates) + " gates · " + fmt(head.wires) + " wires · depth " +
    head.depth + " · " + fmt(head.inputs) + " inputs · " + fmt(head.outputs) + " outputs · " + fmt(n) + (n === 1 ? " region" : " regions");
  drawAxis();
  drawCriticalStrip();
  render();
  const status = document.getElementById("status");
  status.textContent = "inflating";
  gatesReady.then(() => { render(); status.textContent = "ready"; document.body.dataset.ready = "true"; },
                  err => { status.textContent = "gate data unreadable: " + err; });
  let resizing = null;
  window.addEventListener("resize", () => { clearTimeout(resizing); resizing = setTimeout(() => { drawAxis(); drawCriticalStrip(); render(); }, 150); });
  window.tc0viewer = {head, gatesReady, reveal, revealGate: node => revealGate(node - firstGate),
                      path: i => path[i], indexOf: p => path.indexOf(p)};
})();
