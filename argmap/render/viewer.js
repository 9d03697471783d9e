// argmap's map viewer: pan and zoom the diagram, find statements, and show a statement's or a
// relation's details in the side panel. The page opens on the main claim at a readable size.
// Data comes from the JSON element #argmap-data; text goes into the page with textContent only.
(() => {
  "use strict";
  const data = JSON.parse(document.getElementById("argmap-data").textContent);
  const viewport = document.getElementById("viewport");
  const canvas = document.getElementById("canvas");
  const panel = document.getElementById("panel");
  const svg = canvas.querySelector("svg");
  const view = { x: 0, y: 0, scale: 1 };
  const MIN_SCALE = 0.05;
  const MAX_SCALE = 8;
  const SIDES = {
    pro: "pro: argues for the main claim",
    con: "con: argues against the main claim",
    both: "pro & con: its paths to the main claim disagree",
    none: "no path to the main claim",
  };

  // With --watch the page reloads itself; the view and the selection survive the reload.
  const KEPT = `argmap-view:${location.pathname}`;
  function apply() {
    canvas.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
    if (data.reload) keep();
  }
  function keep() {
    const selected = document.querySelector("g.statement.selected");
    try {
      sessionStorage.setItem(KEPT, JSON.stringify({ view, selected: selected ? selected.id : null }));
    } catch (error) {
      // storage refused (a private window): the page still works, it just opens afresh
    }
  }
  function restore() {
    try {
      const kept = JSON.parse(sessionStorage.getItem(KEPT) || "null");
      if (kept === null) return false;
      Object.assign(view, kept.view);
      apply();
      const node = kept.selected ? document.getElementById(kept.selected) : null;
      if (node !== null) show(node.id.slice(2));
      return true;
    } catch (error) {
      return false;
    }
  }

  function zoomAt(factor, cx, cy) {
    const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale * factor));
    view.x = cx - ((cx - view.x) * scale) / view.scale;
    view.y = cy - ((cy - view.y) * scale) / view.scale;
    view.scale = scale;
    apply();
  }

  function zoomCentre(factor) {
    zoomAt(factor, viewport.clientWidth / 2, viewport.clientHeight / 2);
  }

  function fit() {
    const width = svg.width.baseVal.value || 1;
    const height = svg.height.baseVal.value || 1;
    view.scale = Math.min(viewport.clientWidth / width, viewport.clientHeight / height, 1);
    view.x = (viewport.clientWidth - width * view.scale) / 2;
    view.y = (viewport.clientHeight - height * view.scale) / 2;
    apply();
  }

  // Screen pixels per unit of font size at scale 1: the SVG's points, as the browser draws them.
  function pixelsPerPoint() {
    const box = svg.viewBox.baseVal;
    return box && box.width ? svg.width.baseVal.value / box.width : 1;
  }

  // Centre a statement at a scale where its text is READABLE px tall (never beyond 1:1).
  const READABLE = 13;
  function showAt(node, readable) {
    const text = node.querySelector("text:not([font-weight='bold'])") || node.querySelector("text");
    const size = text ? parseFloat(text.getAttribute("font-size")) || 14 : 14;
    view.scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, readable / (size * pixelsPerPoint())));
    apply();
    const box = node.getBoundingClientRect();
    const frame = viewport.getBoundingClientRect();
    view.x += frame.left + frame.width / 2 - (box.left + box.width / 2);
    view.y += frame.top + frame.height / 2 - (box.top + box.height / 2);
    apply();
  }

  function home() {
    const main = (data.main && document.getElementById(`s-${data.main}`)) || document.querySelector("g.statement");
    if (main === null) fit();
    else showAt(main, Math.max(READABLE, 10));
  }

  function reveal(node) {
    const box = node.getBoundingClientRect();
    const frame = viewport.getBoundingClientRect();
    const outside =
      box.left < frame.left || box.right > frame.right || box.top < frame.top || box.bottom > frame.bottom;
    if (outside) {
      view.x += frame.left + frame.width / 2 - (box.left + box.width / 2);
      view.y += frame.top + frame.height / 2 - (box.top + box.height / 2);
      apply();
    }
  }

  // -- panning: drag with the pointer; a press that does not move is a click --
  let drag = null;
  let swallowClick = false;
  viewport.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, moved: false, id: event.pointerId };
    swallowClick = false;
  });
  viewport.addEventListener("pointermove", (event) => {
    if (drag === null || event.pointerId !== drag.id) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) viewport.setPointerCapture(drag.id);
    drag.moved = true;
    view.x += dx;
    view.y += dy;
    drag.x = event.clientX;
    drag.y = event.clientY;
    viewport.classList.add("panning");
    apply();
  });
  function endDrag(event) {
    if (drag === null || event.pointerId !== drag.id) return;
    if (drag.moved) {
      viewport.classList.remove("panning");
      swallowClick = true; // the click that ends a pan selects nothing
    }
    if (viewport.hasPointerCapture(drag.id)) viewport.releasePointerCapture(drag.id);
    drag = null;
  }
  viewport.addEventListener("pointerup", endDrag);
  viewport.addEventListener("pointercancel", endDrag);
  viewport.addEventListener(
    "click",
    (event) => {
      if (swallowClick) event.stopPropagation();
      swallowClick = false;
    },
    { capture: true },
  );
  viewport.addEventListener(
    "wheel",
    (event) => {
      event.preventDefault();
      const frame = viewport.getBoundingClientRect();
      zoomAt(Math.exp(-event.deltaY * 0.0015), event.clientX - frame.left, event.clientY - frame.top);
    },
    { passive: false },
  );
  document.addEventListener("keydown", (event) => {
    if (event.target instanceof HTMLButtonElement || event.target instanceof HTMLInputElement) return;
    if (event.key === "+" || event.key === "=") zoomCentre(1.25);
    else if (event.key === "-" || event.key === "_") zoomCentre(0.8);
    else if (event.key === "0") fit();
    else if (event.key === "1") home();
  });
  document.getElementById("zoom-in").addEventListener("click", () => zoomCentre(1.25));
  document.getElementById("zoom-out").addEventListener("click", () => zoomCentre(0.8));
  document.getElementById("zoom-fit").addEventListener("click", fit);
  document.getElementById("zoom-claim").addEventListener("click", home);

  // -- the side panel --
  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  // An indented tree of sentences, given as [depth, sentence] pairs, as nested lists.
  function tree(lines, name) {
    const root = element("ul", null, `explanation ${name}`);
    const stack = [root];
    for (const [depth, sentence] of lines) {
      while (stack.length > depth + 1) stack.pop();
      while (stack.length < depth + 1) {
        const parent = stack[stack.length - 1];
        const holder = parent.lastElementChild || parent.appendChild(element("li", ""));
        stack.push(holder.appendChild(element("ul", null)));
      }
      stack[stack.length - 1].append(element("li", sentence));
    }
    return root;
  }

  function section(title, ...children) {
    const part = element("section");
    part.append(element("h3", title), ...children);
    return part;
  }

  function endLink(end) {
    const item = element("li");
    const node = document.getElementById(`s-${end.id}`);
    if (node !== null) {
      const button = element("button", end.id, "end");
      button.type = "button";
      button.addEventListener("click", () => node.focus());
      item.append(button);
    } else {
      item.append(element("span", end.id, "end not-drawn"));
    }
    item.append(" ", element("span", end.text));
    return item;
  }

  function relationLink(id) {
    const edge = document.querySelector(`g[data-relation="${CSS.escape(id)}"]`);
    if (edge === null) return element("span", id, "rid");
    const button = element("button", id, "rid");
    button.type = "button";
    button.setAttribute("aria-label", `relation ${id}`);
    button.addEventListener("click", () => edge.focus());
    return button;
  }

  function select(selector) {
    for (const node of document.querySelectorAll(".selected")) node.classList.remove("selected");
    for (const node of document.querySelectorAll(selector)) node.classList.add("selected");
  }

  // The panel is a list of sections (heading + content); a later view adds its own with section().
  function showRelation(id) {
    const relation = data.relations[id];
    if (relation === undefined) return;
    select(`g[data-relation="${CSS.escape(id)}"]`);
    const parts = [element("h2", relation.id), element("p", relation.type, "kind")];
    parts.push(element("p", relation.sentence, "text"));
    parts.push(section("What it means", element("p", relation.meaning)));
    if (relation.scheme) parts.push(section("Scheme", element("p", relation.scheme)));
    if (relation.note) parts.push(element("p", relation.note, "note"));
    const from = element("ul", null, "ends");
    from.append(...relation.sources.map(endLink));
    parts.push(section(relation.sources.length > 1 ? "From (jointly)" : "From", from));
    const to = element("ul", null, "ends");
    to.append(endLink(relation.target));
    parts.push(section("To", to));
    panel.replaceChildren(...parts);
  }

  function show(id) {
    const statement = data.statements[id];
    if (statement === undefined) return;
    select(`#s-${CSS.escape(id)}`);
    const parts = [element("h2", statement.id)];
    const kind = statement.main ? `${statement.kind} (main claim)` : statement.kind;
    parts.push(element("p", statement.section ? `${kind} · ${statement.section}` : kind, "kind"));
    parts.push(element("p", statement.text, "text"));
    if (statement.side && !statement.main) parts.push(element("p", SIDES[statement.side], "side"));
    if (statement.note) parts.push(element("p", statement.note, "note"));
    for (const direction of ["in", "out"]) {
      const relations = statement.relations.filter((r) => r.direction === direction);
      if (relations.length === 0) continue;
      const list = element("ul", null, "relations");
      for (const relation of relations) {
        const item = element("li");
        item.append(element("span", relation.verb, "verb"), " ", relationLink(relation.relation));
        if (relation.detail) item.append(element("span", ` · ${relation.detail.trim()}`, "detail"));
        const ends = element("ul", null, "ends");
        ends.append(...relation.ends.map(endLink));
        item.append(ends);
        list.append(item);
      }
      parts.push(section(direction === "in" ? "Relations in" : "Relations out", list));
    }
    if (statement.findings.length > 0) {
      const list = element("ul", null, "findings");
      list.append(...statement.findings.map((finding) => element("li", finding)));
      parts.push(section(data.overlay ? `Findings: ${data.overlay.title}` : "Findings", list));
    }
    if (statement.explanation) {
      for (const [key, title] of [["why", "Why"], ["flips", "What would flip it"]]) {
        parts.push(section(title, tree(statement.explanation[key], key)));
      }
    }
    if (statement.source) {
      const quote = element("blockquote", null, "source");
      quote.append(statement.source.before, element("mark", statement.source.span), statement.source.after);
      parts.push(section("In the source", quote));
    }
    panel.replaceChildren(...parts);
    if (data.reload) keep();
  }

  for (const node of document.querySelectorAll("g.statement")) {
    const id = node.id.slice(2);
    node.addEventListener("click", () => node.focus());
    node.addEventListener("focus", () => {
      // Focus scrolls the viewport natively; undo that and pan by the transform instead.
      viewport.scrollTop = 0;
      viewport.scrollLeft = 0;
      reveal(node);
      show(id);
    });
    node.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        show(id);
      }
    });
  }
  for (const edge of document.querySelectorAll("g[data-relation]")) {
    const id = edge.getAttribute("data-relation");
    edge.addEventListener("click", () => edge.focus());
    edge.addEventListener("focus", () => {
      viewport.scrollTop = 0;
      viewport.scrollLeft = 0;
      reveal(edge);
      showRelation(id);
    });
  }

  // -- search: by id (exact, any case, first) or by words of the text --
  const search = document.getElementById("search");
  const results = document.getElementById("search-results");
  function matches(query) {
    const wanted = query.trim().toLowerCase();
    if (wanted === "") return [];
    const all = Object.values(data.statements);
    const byId = all.filter((s) => s.id.toLowerCase() === wanted);
    const words = wanted.split(/\s+/);
    const byText = all.filter(
      (s) => !byId.includes(s) && (s.id.toLowerCase().startsWith(wanted) || words.every((w) => s.text.toLowerCase().includes(w))),
    );
    return [...byId, ...byText].slice(0, 8);
  }
  function go(id) {
    const node = document.getElementById(`s-${id}`);
    if (node === null) return;
    showAt(node, READABLE);
    node.focus({ preventScroll: true });
  }
  search.addEventListener("input", () => {
    const found = matches(search.value);
    results.replaceChildren(
      ...found.map((statement) => {
        const item = element("li");
        const button = element("button", statement.id, "end");
        button.type = "button";
        button.addEventListener("click", () => go(statement.id));
        item.append(button, " ", element("span", statement.text));
        return item;
      }),
    );
    if (search.value.trim() !== "" && found.length === 0) results.replaceChildren(element("li", "nothing found"));
  });
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      const found = matches(search.value);
      if (found.length > 0) go(found[0].id);
    } else if (event.key === "Escape") {
      search.value = "";
      results.replaceChildren();
    }
  });
  if (!(data.reload && restore())) home();
})();
