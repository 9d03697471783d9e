// argmap's map viewer: pan and zoom the diagram, and show a statement's details in the side panel.
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

  function apply() {
    canvas.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
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
    if (event.target instanceof HTMLButtonElement) return;
    if (event.key === "+" || event.key === "=") zoomCentre(1.25);
    else if (event.key === "-" || event.key === "_") zoomCentre(0.8);
    else if (event.key === "0") fit();
  });
  document.getElementById("zoom-in").addEventListener("click", () => zoomCentre(1.25));
  document.getElementById("zoom-out").addEventListener("click", () => zoomCentre(0.8));
  document.getElementById("zoom-fit").addEventListener("click", fit);

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

  function show(id) {
    const statement = data.statements[id];
    if (statement === undefined) return;
    for (const node of document.querySelectorAll("g.statement.selected")) node.classList.remove("selected");
    document.getElementById(`s-${id}`).classList.add("selected");
    const parts = [element("h2", statement.id)];
    const kind = statement.main ? `${statement.kind} (main claim)` : statement.kind;
    parts.push(element("p", statement.section ? `${kind} · ${statement.section}` : kind, "kind"));
    parts.push(element("p", statement.text, "text"));
    if (statement.note) parts.push(element("p", statement.note, "note"));
    for (const direction of ["in", "out"]) {
      const relations = statement.relations.filter((r) => r.direction === direction);
      if (relations.length === 0) continue;
      const list = element("ul", null, "relations");
      for (const relation of relations) {
        const item = element("li");
        item.append(element("span", relation.verb, "verb"), " ", element("span", relation.relation, "rid"));
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
  fit();
})();
