// dyad web UI: plain JS, no build step, no network but this server's /api.
// All text from the store is untrusted: it is only ever set with textContent or as
// attribute values through the DOM, never parsed as HTML.
"use strict";

const QUAD = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const QUAD_COLOUR = { 1: "#2e8b57", 2: "#1f6fb2", 3: "#e08a00", 4: "#c0392b" };
const SVGNS = "http://www.w3.org/2000/svg";
const FILTER_NAMES = ["actor", "country", "cameo", "root", "plover", "quad_class", "from", "to", "negated", "hypothetical", "historical", "q"];
const state = { page: 1, perPage: 50 };

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, String(v));
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) qs.set(k, v);
  const url = "/api/" + path + (qs.toString() ? "?" + qs : "");
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => ({ error: "not JSON" }));
  if (!res.ok) throw new Error((body.parameter ? body.parameter + ": " : "") + (body.error || res.status));
  return body;
}

function showError(e) {
  const box = document.getElementById("error");
  if (!e) { box.hidden = true; box.textContent = ""; return; }
  box.hidden = false;
  box.textContent = String(e.message || e);
}

function filters() {
  const f = {};
  const form = document.getElementById("filters");
  for (const n of FILTER_NAMES) {
    const v = form.elements[n].value.trim();
    if (v) f[n] = v;
  }
  return f;
}

function setFilters(params) {
  const form = document.getElementById("filters");
  for (const n of FILTER_NAMES) form.elements[n].value = params.get(n) || "";
  form.elements.sort.value = params.get("sort") || "-date";
}

function route() {
  const hash = location.hash.replace(/^#\/?/, "") || "events";
  const [path, query] = hash.split("?");
  const parts = path.split("/");
  return { view: parts[0], id: parts[1] ? decodeURIComponent(parts[1]) : null, params: new URLSearchParams(query || "") };
}

function go(view, params) {
  const qs = new URLSearchParams(params || {}).toString();
  location.hash = "#/" + view + (qs ? "?" + qs : "");
}

function actorLabel(a) {
  if (!a) return "—";
  return a.code + " (" + a.text + ")";
}

function flags(e) {
  return (e.negated ? "N" : "") + (e.hypothetical ? "H" : "") + (e.historical ? "P" : "") || "–";
}

// ---- events table ----------------------------------------------------------
async function showEvents(params) {
  state.page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
  const q = Object.assign(filters(), { page: state.page, per_page: state.perPage, sort: document.getElementById("filters").elements.sort.value });
  const data = await api("events", q);
  const tbody = document.querySelector("#events-table tbody");
  tbody.replaceChildren();
  for (const e of data.items) {
    const tr = el("tr", { "data-event-id": e.event_id, "data-doc-id": e.doc_id, title: "open the document at this event",
      onclick: () => go("doc/" + encodeURIComponent(e.doc_id), { event: e.event_id }) },
      el("td", { class: "code nowrap", text: e.date || "?" }),
      el("td", { class: "actor source", text: actorLabel(e.source) }),
      el("td", {}, el("span", { class: "code", text: e.cameo }), " " + e.cameo_name),
      el("td", { class: "actor target", text: actorLabel(e.target) }),
      el("td", { text: e.plover.event + (e.plover.mode ? "/" + e.plover.mode : "") }),
      el("td", { class: "q" + e.quad_class, text: e.quad_class, title: QUAD[e.quad_class] }),
      el("td", { text: e.goldstein }),
      el("td", { class: "code", text: flags(e) }),
      el("td", { class: "code", text: e.num_mentions + "/" + e.num_articles + "/" + e.num_sources }),
      el("td", { class: "sentence", text: e.sentence.text }));
    tbody.append(tr);
  }
  if (!data.items.length) tbody.append(el("tr", {}, el("td", { colspan: 10, class: "note", text: "No event matches these filters." })));
  const pages = Math.max(1, Math.ceil(data.total / data.per_page));
  document.getElementById("page-info").textContent = `page ${data.page} of ${pages}${data.total_exact === false ? "+" : ""} · ${data.total}${data.total_exact === false ? "+" : ""} event(s)`;
  document.getElementById("prev").disabled = data.page <= 1;
  document.getElementById("next").disabled = data.page >= pages;
  const table = document.getElementById("events-table");
  table.dataset.query = new URLSearchParams(q).toString();
  table.setAttribute("data-loaded", "true");
}

// ---- timeline --------------------------------------------------------------
async function showTimeline() {
  const data = await api("timeline", filters());
  const box = document.getElementById("timeline");
  const days = data.days;
  const W = Math.max(720, days.length * 28 + 80), H = 300, left = 40, bottom = 60, top = 20;
  const max = Math.max(1, ...days.map(d => d.total));
  const bw = Math.max(6, Math.min(24, (W - left - 20) / Math.max(1, days.length) - 4));
  const s = svg("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events per day by QuadClass" });
  const y = v => H - bottom - (v / max) * (H - bottom - top);
  for (let t = 0; t <= 4; t++) {
    const v = Math.round(max * t / 4);
    s.append(svg("line", { x1: left, x2: W - 10, y1: y(v), y2: y(v), stroke: "#eee" }));
    s.append(svg("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end", text: v }));
  }
  days.forEach((d, i) => {
    const x = left + 10 + i * (bw + 4);
    let acc = 0;
    for (const q of [1, 2, 3, 4]) {
      const n = d["q" + q];
      if (!n) continue;
      const r = svg("rect", { x, y: y(acc + n), width: bw, height: y(acc) - y(acc + n), fill: QUAD_COLOUR[q], class: "bar",
        "data-date": d.date, "data-quad": q });
      r.append(svg("title", { text: `${d.date}: ${n} ${QUAD[q]}` }));
      s.append(r);
      acc += n;
    }
    s.append(svg("text", { x: x + bw / 2, y: H - bottom + 12, transform: `rotate(45 ${x + bw / 2} ${H - bottom + 12})`, text: d.date }));
  });
  [1, 2, 3, 4].forEach((q, i) => {
    s.append(svg("rect", { x: left + i * 150, y: 2, width: 10, height: 10, fill: QUAD_COLOUR[q] }));
    s.append(svg("text", { x: left + i * 150 + 14, y: 11, text: q + " " + QUAD[q] }));
  });
  box.replaceChildren(s);
  document.getElementById("timeline-note").textContent =
    `${days.length} day(s). ${data.not_day_precision} matching event(s) are dated only to a month or a year (or not at all) and are not drawn.`;
}

// ---- network ---------------------------------------------------------------
function goldsteinColour(g) {
  const t = Math.max(-1, Math.min(1, g / 10));
  if (t < 0) return `rgb(${Math.round(150 + 90 * -t)},${Math.round(150 - 110 * -t)},${Math.round(150 - 110 * -t)})`;
  return `rgb(${Math.round(150 - 110 * t)},${Math.round(150 + 40 * t)},${Math.round(150 - 70 * t)})`;
}

async function showNetwork() {
  const data = await api("dyads", Object.assign(filters(), { limit: 150 }));
  const box = document.getElementById("network");
  const codes = [...new Set(data.dyads.flatMap(d => [d.source, d.target]))];
  const W = 760, H = 620, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 90;
  const pos = {};
  codes.forEach((c, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, codes.length) - Math.PI / 2;
    pos[c] = [cx + R * Math.cos(a), cy + R * Math.sin(a), a];
  });
  const maxCount = Math.max(1, ...data.dyads.map(d => d.count));
  const s = svg("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "dyad network" });
  const defs = svg("defs");
  defs.append(svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" },
    svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#777" })));
  s.append(defs);
  for (const d of data.dyads) {
    const [x1, y1] = pos[d.source], [tx, ty] = pos[d.target];
    const mx = (x1 + tx) / 2 + (ty - y1) * 0.15, my = (y1 + ty) / 2 - (tx - x1) * 0.15;
    const len = Math.hypot(tx - mx, ty - my) || 1;
    const x2 = tx - (tx - mx) / len * 8, y2 = ty - (ty - my) / len * 8;
    const p = svg("path", { d: `M${x1},${y1} Q${mx},${my} ${x2},${y2}`, fill: "none", stroke: goldsteinColour(d.mean_goldstein),
      "stroke-width": 1 + 7 * d.count / maxCount, "stroke-opacity": 0.8, "marker-end": "url(#arrow)", class: "edge",
      "data-source": d.source, "data-target": d.target });
    p.append(svg("title", { text: `${d.source} → ${d.target}: ${d.count} event(s), mean Goldstein ${d.mean_goldstein}` }));
    s.append(p);
  }
  for (const c of codes) {
    const [x, y, a] = pos[c];
    const g = svg("g", { class: "node", "data-code": c, onclick: () => { document.getElementById("filters").elements.actor.value = c; go("events", filters()); } });
    g.append(svg("circle", { cx: x, cy: y, r: 6, fill: "#1d2733" }));
    const out = Math.cos(a) >= 0;
    g.append(svg("text", { x: x + (out ? 10 : -10), y: y + 4, "text-anchor": out ? "start" : "end", text: c }));
    g.append(svg("title", { text: "filter by " + c }));
    s.append(g);
  }
  if (!codes.length) s.append(svg("text", { x: 20, y: 30, text: "No dyad (event with both a source and a target) matches these filters." }));
  box.replaceChildren(s);
}

// ---- map -------------------------------------------------------------------
async function showMap() {
  const data = await api("locations", filters());
  const W = 720, H = 360;
  const px = lon => (lon + 180) / 360 * W, py = lat => (90 - lat) / 180 * H;
  const s = svg("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "event locations (equirectangular)" });
  s.append(svg("rect", { x: 0, y: 0, width: W, height: H, fill: "#eef5fb" }));
  for (let lon = -180; lon <= 180; lon += 30) s.append(svg("line", { x1: px(lon), x2: px(lon), y1: 0, y2: H, stroke: "#d5e3ef" }));
  for (let lat = -90; lat <= 90; lat += 30) s.append(svg("line", { x1: 0, x2: W, y1: py(lat), y2: py(lat), stroke: lat === 0 ? "#b8cde0" : "#d5e3ef" }));
  const located = data.places.filter(p => p.lat !== null && p.lon !== null);
  const max = Math.max(1, ...located.map(p => p.count));
  for (const p of located) {
    const c = svg("circle", { cx: px(p.lon), cy: py(p.lat), r: 3 + 9 * Math.sqrt(p.count / max), fill: goldsteinColour(p.mean_goldstein), "fill-opacity": 0.8, stroke: "#333", class: "place" });
    c.append(svg("title", { text: `${p.name}: ${p.count} event(s)` }));
    s.append(c);
  }
  document.getElementById("map").replaceChildren(s);
  document.getElementById("map-note").textContent =
    `${data.with_coordinates} of ${data.events} matching event(s) have coordinates and are drawn (equirectangular projection, ` +
    `graticule every 30°, no base map). ${data.with_place_only} more name a place without a point (a whole country, or a ` +
    `place the gazetteer does not know); they are listed below.`;
  const tbody = document.querySelector("#places tbody");
  tbody.replaceChildren(...data.places.map(p => el("tr", {},
    el("td", { text: p.name }), el("td", { class: "code", text: p.country || "" }), el("td", { text: p.count }),
    el("td", { class: "code", text: p.lat === null ? "none" : `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}` }))));
}

// ---- documents list ----------------------------------------------------------
async function showDocuments(params) {
  const q = params.get("q") || "";
  document.getElementById("doc-search").elements.q.value = q;
  const data = await api("documents", { q, per_page: 200 });
  const tbody = document.querySelector("#documents-table tbody");
  tbody.replaceChildren(...data.items.map(d => el("tr", {},
    el("td", { class: "code", text: d.published || "" }),
    el("td", {}, el("a", { href: "#/doc/" + encodeURIComponent(d.doc_id), text: d.title || d.source })),
    el("td", { text: d.site || d.url || d.source }),
    el("td", { text: d.events }),
    el("td", { class: "code", text: d.group_id === d.doc_id ? "" : "reprint of " + d.group_id }))));
  if (!data.items.length) tbody.append(el("tr", {}, el("td", { colspan: 5, class: "note", text: "No document matches." })));
}

// ---- one document ----------------------------------------------------------
const enc = new TextEncoder(), dec = new TextDecoder();

function renderArticle(doc, selected) {
  const bytes = enc.encode(doc.text);
  const marks = [];
  const add = (span, cls, title) => { if (span && span[1] > span[0]) marks.push({ s: span[0], e: span[1], cls, title }); };
  for (const x of doc.entities) add(x.span, x.actor ? "m-actor" : "m-ent", x.label + (x.actor ? " → " + x.actor : ""));
  for (const x of doc.times) add(x.span, "m-time", "time: " + x.value);
  for (const x of doc.quotes) add(x.span, "m-quote", "quote" + (x.speaker ? " by " + x.speaker : ""));
  for (const ev of doc.events) add(ev.trigger.span, "m-trigger", `${ev.cameo} ${ev.cameo_name}`);
  if (selected) {
    add(selected.source.span, "sel-src", "source: " + selected.source.code);
    if (selected.target) add(selected.target.span, "sel-tgt", "target: " + selected.target.code);
    add(selected.trigger.span, "sel-trg", "event verb: " + selected.rule);
  }
  const sents = doc.sentences.map(s => s.span);
  const points = new Set([0, bytes.length]);
  for (const m of marks) { points.add(m.s); points.add(m.e); }
  for (const s of sents) { points.add(s[0]); points.add(s[1]); }
  const cuts = [...points].filter(p => p >= 0 && p <= bytes.length).sort((a, b) => a - b);
  const root = document.getElementById("article");
  root.replaceChildren();
  let si = 0, current = null, currentIdx = -1;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i], b = cuts[i + 1];
    while (si < sents.length && sents[si][1] <= a) si++;
    const inSent = si < sents.length && sents[si][0] <= a && a < sents[si][1] ? si : -1;
    const covering = marks.filter(m => m.s <= a && b <= m.e);
    const text = dec.decode(bytes.subarray(a, b));
    const node = covering.length
      ? el("span", { class: [...new Set(covering.map(m => m.cls))].join(" "), title: covering.map(m => m.title).join("; "), text })
      : document.createTextNode(text);
    if (inSent >= 0) {
      if (currentIdx !== inSent) {
        current = el("span", { class: "sent", "data-sentence": inSent });
        if (selected && selected.sentence.index === inSent) current.classList.add("hl");
        root.append(current);
        currentIdx = inSent;
      }
      current.append(node);
    } else {
      currentIdx = -1;
      root.append(node);
    }
  }
}

function eventDetail(e) {
  const rows = [
    ["Event", `${e.cameo} ${e.cameo_name} · PLOVER ${e.plover.event}${e.plover.mode ? "/" + e.plover.mode : ""} · QuadClass ${e.quad_class} · Goldstein ${e.goldstein}`],
    ["Date", `${e.date || "?"} (${e.date_precision || "?"})${e.historical ? " · historical" : ""}`],
    ["Source", `${actorLabel(e.source)} ← ${e.source.entry}`],
    ["Target", e.target ? `${actorLabel(e.target)} ← ${e.target.entry}` : "—"],
    ["Rule", e.rule],
    ["Location", e.location ? `${e.location.name} ${e.location.country || ""} ${e.location.lat === null ? "(no coordinates)" : e.location.lat + ", " + e.location.lon}` : "—"],
    ["Flags", `negated ${e.negated} · hypothetical ${e.hypothetical}`],
    ["Mentions", `${e.num_mentions} mention(s) in ${e.num_articles} article(s) from ${e.num_sources} source(s)`],
    ["Event id", e.event_id],
  ];
  const dl = el("dl");
  for (const [k, v] of rows) dl.append(el("dt", { text: k }), el("dd", { text: v }));
  document.getElementById("event-detail").replaceChildren(dl);
}

async function showDoc(id, params) {
  const doc = await api("documents/" + encodeURIComponent(id));
  document.getElementById("doc-title").textContent = doc.title || doc.source;
  const meta = document.getElementById("doc-meta");
  meta.replaceChildren(`${doc.published || "undated"} · ${doc.site || ""} · ${doc.source} · doc ${doc.doc_id}`);
  if (doc.url && /^https?:\/\//i.test(doc.url)) {
    meta.append(" · ", el("a", { href: doc.url, rel: "noopener noreferrer nofollow", target: "_blank", text: "original" }));
  }
  if (doc.group.length > 1) {
    meta.append(el("br"), `Near-duplicate group of ${doc.group.length}: `);
    doc.group.forEach((g, i) => meta.append(i ? ", " : "", g.doc_id === doc.doc_id ? g.doc_id + " (this)" : el("a", { href: "#/doc/" + encodeURIComponent(g.doc_id), text: g.doc_id })));
  }
  const selectedId = params.get("event");
  const selected = doc.events.find(e => e.event_id === selectedId) || null;
  renderArticle(doc, selected);
  const list = document.getElementById("doc-events");
  list.replaceChildren(...doc.events.map(e => el("li", {
    "data-event-id": e.event_id, "data-sentence": e.sentence.index, class: selected && selected.event_id === e.event_id ? "selected" : null,
    onclick: () => {
      history.replaceState(null, "", "#/doc/" + encodeURIComponent(doc.doc_id) + "?event=" + encodeURIComponent(e.event_id));
      selectEvent(doc, e);
    },
  }, el("span", { class: "code", text: e.date || "?" }), " ", el("b", { text: e.source.code }), " ",
     el("span", { class: "code q" + e.quad_class, text: e.cameo }), " " + e.cameo_name + " ", el("b", { text: e.target ? e.target.code : "—" }),
     el("span", { class: "note", text: ` “${e.trigger.text}” ${flags(e) === "–" ? "" : "[" + flags(e) + "]"}` }))));
  if (!doc.events.length) list.append(el("li", { class: "note", text: "No event was coded in this document." }));
  const bp = document.getElementById("boilerplate");
  bp.replaceChildren(...doc.boilerplate.map(b => el("li", {}, el("span", { class: "reason", text: b.reason }), b.text)));
  if (!doc.boilerplate.length) bp.append(el("li", { text: "nothing" }));
  if (selected) selectEvent(doc, selected);
  else document.getElementById("event-detail").replaceChildren(el("p", { class: "note", text: "Click an event to highlight its sentence and see its provenance." }));
  document.getElementById("view-doc").setAttribute("data-doc-id", doc.doc_id);
}

function selectEvent(doc, e) {
  renderArticle(doc, e);
  for (const li of document.querySelectorAll("#doc-events li")) li.classList.toggle("selected", li.getAttribute("data-event-id") === e.event_id);
  eventDetail(e);
  const s = document.querySelector(`#article .sent[data-sentence="${Number(e.sentence.index)}"]`);
  if (s) s.scrollIntoView({ block: "center" });
}

// ---- wiring ----------------------------------------------------------------
async function render() {
  const r = route();
  showError(null);
  const views = { events: showEvents, timeline: showTimeline, network: showNetwork, map: showMap, documents: showDocuments, doc: null };
  const view = r.view in views ? r.view : "events";
  if (view !== "doc" && view !== "documents") setFilters(r.params);
  for (const s of document.querySelectorAll(".view")) s.hidden = s.id !== "view-" + view;
  for (const a of document.querySelectorAll("nav a")) a.classList.toggle("active", a.dataset.view === view);
  document.getElementById("filters").hidden = view === "doc" || view === "documents";
  try {
    if (view === "doc") await showDoc(r.id, r.params);
    else await views[view](r.params);
  } catch (e) {
    showError(e);
  }
}

async function init() {
  const root = document.querySelector("#filters select[name=root]");
  for (let i = 1; i <= 20; i++) { const c = String(i).padStart(2, "0"); root.append(el("option", { value: c, text: c })); }
  document.getElementById("filters").addEventListener("submit", ev => {
    ev.preventDefault();
    const r = route();
    const view = ["events", "timeline", "network", "map"].includes(r.view) ? r.view : "events";
    const p = filters();
    const sort = document.getElementById("filters").elements.sort.value;
    if (view === "events" && sort !== "-date") p.sort = sort;
    go(view, p);
  });
  document.getElementById("reset").addEventListener("click", () => { setFilters(new URLSearchParams()); go(route().view === "doc" ? "events" : route().view); });
  document.getElementById("prev").addEventListener("click", () => { const p = route().params; p.set("page", Math.max(1, state.page - 1)); go("events", Object.fromEntries(p)); });
  document.getElementById("next").addEventListener("click", () => { const p = route().params; p.set("page", state.page + 1); go("events", Object.fromEntries(p)); });
  document.getElementById("doc-search").addEventListener("submit", ev => { ev.preventDefault(); go("documents", { q: ev.target.elements.q.value.trim() }); });
  // keep the view's links carrying the current filters
  for (const a of document.querySelectorAll("nav a")) a.addEventListener("click", ev => {
    const v = a.dataset.view;
    if (["events", "timeline", "network", "map"].includes(v)) { ev.preventDefault(); go(v, filters()); }
  });
  window.addEventListener("hashchange", render);
  try {
    const s = await api("stats");
    document.getElementById("stats").textContent =
      `${s.counts.documents} document(s) · ${s.counts.events} event(s) · ${s.counts.actors} actor(s)` + (s.first_day ? ` · ${s.first_day} – ${s.last_day}` : "");
  } catch (e) { showError(e); }
  await render();
}

init();
