// The preview page: follows the server's state (server-sent events from /events) and shows
// the last good rendering's pages, the problems, the stale mark and the changes.
"use strict";

const $ = (id) => document.getElementById(id);
let shown = 0;       // the rendering whose pages are on the page
let wanted = 0;      // the newest rendering asked for (an older one still loading is dropped)
let changesOf = -1;  // the rendering the Changes tab shows
let current = null;  // the last state received

function status(state) {
  const r = state.rendering;
  if (state.building) return ["building", "Updating…"];
  if (state.failed && r) return ["stale", `Not up to date: ${errorCount(state)} to fix (showing ${r.built_at})`];
  if (state.failed) return ["failed", `Cannot build: ${errorCount(state)} to fix`];
  if (!r) return ["building", "Building…"];
  const seconds = state.build ? ` in ${state.build.seconds.toFixed(2)} s` : "";
  return ["ok", `Up to date: built ${r.built_at}${seconds}`];
}

function errorCount(state) {
  const n = state.problems.filter((p) => p.severity === "error").length;
  return n === 1 ? "1 error" : `${n} errors`;
}

function show(state) {
  current = state;
  $("name").textContent = state.name;
  $("file").textContent = state.edition_file;
  const [kind, text] = status(state);
  document.body.dataset.state = kind;
  $("status").textContent = text;
  showProblems(state.problems);
  const r = state.rendering;
  $("pages").classList.toggle("stale", Boolean(state.stale));
  const note = $("stale-note");
  note.hidden = !state.stale;
  if (state.stale && r) {
    note.textContent = `These pages are the last good version (built ${r.built_at}). ` +
      `The file as saved now has ${errorCount(state)}: see Problems on the right. Fix it and save; the pages come back by themselves.`;
  }
  for (const [id, url] of [["download-pdf", r && r.pdf], ["download-docx", r && r.docx]]) {
    $(id).href = url || "#";
    $(id).setAttribute("aria-disabled", url ? "false" : "true");
  }
  const previous = r ? r.previous_session : null;
  $("tab-changes").textContent = previous ? `Changes since session ${previous}` : "Changes";
  if (r && r.number !== wanted) showPages(r);
  if (r && !$("view-changes").hidden && changesOf !== r.number) loadChanges(r);
}

function showProblems(problems) {
  const list = $("problems");
  list.replaceChildren(...problems.map(problemItem));
  $("problem-count").textContent = String(problems.length);
  $("no-problems").hidden = problems.length > 0;
}

function problemItem(p) {
  const item = document.createElement("li");
  item.className = `problem ${p.severity}`;
  const where = document.createElement("div");
  where.className = "where";
  const severity = document.createElement("span");
  severity.className = "severity";
  severity.textContent = p.severity;
  where.append(severity, p.where);
  const message = document.createElement("div");
  message.className = "message";
  message.textContent = p.message;
  item.append(where, message);
  if (p.quoted !== null) item.append(quote(p));
  return item;
}

function quote(p) {
  // The offending line, wrapped like any text, the place the problem points at marked (from
  // its column to the end of the word there).
  const block = document.createElement("pre");
  block.className = "quote";
  const number = document.createElement("span");
  number.className = "line-number";
  number.textContent = `${p.line} `;
  const start = Math.min(Math.max(p.column - 1, 0), p.quoted.length);
  const rest = p.quoted.slice(start);
  const word = rest.match(/^[\w-]*/)[0] || rest.slice(0, 1);
  const mark = document.createElement("mark");
  mark.textContent = word || " ";
  block.append(number, p.quoted.slice(0, start), mark, rest.slice(word.length));
  return block;
}

async function showPages(r) {
  wanted = r.number;
  const annexes = r.pages.findIndex((page) => page.lines.some((line) => /^Annex( [IVXLC]+)?$/.test(line[4])));
  const pages = r.pages.map((page, index) => pageElement(page, index, r.pages.length,
    annexes === -1 || index < annexes ? r.paragraph_sources : {}));
  // Swap only when every image is decoded: the old pages stay until the new ones can show.
  await Promise.all(pages.map((p) => p.querySelector("img").decode().catch(() => null)));
  if (wanted !== r.number) return;
  const holder = $("pages");
  const before = new Set([...holder.querySelectorAll(".page img")].map((img) => img.getAttribute("src")));
  if (before.size) {  // a page that looks different from the last build is outlined for a moment
    pages.forEach((p) => p.classList.toggle("changed", !before.has(p.querySelector("img").getAttribute("src"))));
  }
  holder.replaceChildren(...pages.flatMap((p, i) => [p, pageNumber(i, pages.length)]));
  holder.dataset.rendering = String(r.number);
  shown = r.number;
  sizeText();
}

function pageElement(page, index, total, sources) {
  const box = document.createElement("div");
  box.className = "page";
  box.style.aspectRatio = `${page.width} / ${page.height}`;
  const img = new Image();
  img.src = page.url;
  img.alt = `Page ${index + 1} of ${total}`;
  const layer = document.createElement("div");
  layer.className = "text-layer";
  for (const [left, top, width, height, text] of page.lines) {
    const span = document.createElement("span");
    span.textContent = text;
    span.style.left = `${left * 100}%`;
    span.style.top = `${top * 100}%`;
    span.style.width = `${width * 100}%`;
    span.dataset.height = String(height);
    const number = /^(\d+)\.$/.exec(text);
    if (number && left < 0.25 && sources[number[1]]) {  // a paragraph number, in the number column
      span.classList.add("source");
      span.title = `Paragraph ${number[1]} is written at ${sources[number[1]]} (click to copy)`;
      span.addEventListener("click", () => navigator.clipboard && navigator.clipboard.writeText(sources[number[1]]));
    }
    layer.append(span);
  }
  box.append(img, layer);
  return box;
}

function pageNumber(index, total) {
  const label = document.createElement("div");
  label.className = "page-number";
  label.textContent = `Page ${index + 1} of ${total}`;
  return label;
}

function sizeText() {
  // Each line's text in a font as tall as its box, so selecting and Ctrl-F land on the words.
  for (const page of document.querySelectorAll(".page")) {
    const height = page.clientHeight;
    for (const span of page.querySelectorAll(".text-layer span")) {
      span.style.fontSize = `${Number(span.dataset.height) * height}px`;
    }
  }
}

function loadChanges(r) {
  // The redline is loaded again after each build, where the reader had scrolled to.
  changesOf = r.number;
  const frame = $("changes");
  const scrolled = frame.contentWindow ? frame.contentWindow.scrollY : 0;
  frame.onload = () => frame.contentWindow.scrollTo(0, scrolled);
  frame.src = `/changes?rendering=${r.number}`;
}

function chooseView(view) {
  for (const tab of document.querySelectorAll(".tabs button")) {
    const selected = tab.dataset.view === view;
    tab.setAttribute("aria-selected", String(selected));
    $(`view-${tab.dataset.view}`).hidden = !selected;
  }
  if (view === "changes" && current && current.rendering && changesOf !== current.rendering.number) {
    loadChanges(current.rendering);
  }
}

function connect() {
  const events = new EventSource("/events");
  events.onmessage = (event) => show(JSON.parse(event.data));
  events.onerror = () => {
    document.body.dataset.state = "disconnected";
    $("status").textContent = "The preview has stopped (or is restarting)";
  };
}

for (const tab of document.querySelectorAll(".tabs button")) {
  tab.addEventListener("click", () => chooseView(tab.dataset.view));
}
window.addEventListener("resize", sizeText);
connect();
