// argmap's worksheet: build an argument map by clicking, and download it as an argmap file.
// Data comes from the JSON element #worksheet-data; text goes into the page with textContent only.
(() => {
  "use strict";
  const data = JSON.parse(document.getElementById("worksheet-data").textContent);
  const SVG = "http://www.w3.org/2000/svg";
  const byId = (id) => document.getElementById(id);
  const statementsList = byId("statements");
  const drawnList = byId("drawn");
  const status = byId("status");
  const supportButton = byId("as-support");
  const attackButton = byId("as-attack");
  const undoButton = byId("undo");
  const diagram = byId("diagram");
  const kindsHidden = data.hide !== "relations";
  const relationsHidden = data.hide !== "kinds";

  const state = { sources: [], target: null, relations: [], kinds: {}, history: [] };
  const letters = data.statements.map((s) => s.letter);

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  // -- the sheet: intro, tasks, critical questions, statements --
  byId("intro").textContent = data.intro;
  for (const prompt of data.tasks) byId("tasks").appendChild(element("li", prompt));
  if (data.critical_questions.length) {
    const box = byId("questions");
    box.hidden = false;
    box.appendChild(element("p", data.placeholder_note, "hint"));
    for (const item of data.critical_questions) {
      box.appendChild(element("p", item.heading));
      const list = element("ol");
      for (const question of item.questions) list.appendChild(element("li", question));
      box.appendChild(list);
    }
  }
  if (!relationsHidden) {
    const given = byId("given");
    given.appendChild(element("li", "The relations are given:", "hint"));
    for (const relation of data.relations) given.appendChild(element("li", relation.sentence));
    for (const button of [supportButton, attackButton, byId("clear")]) button.hidden = true;
  }

  for (const statement of data.statements) {
    const item = element("li", null, "statement");
    item.id = `st-${statement.letter}`;
    item.dataset.letter = statement.letter;
    item.tabIndex = 0;
    item.setAttribute("role", "button");
    item.setAttribute("aria-pressed", "false");
    item.appendChild(element("span", statement.letter, "letter"));
    item.appendChild(element("span", statement.text, "text"));
    if (kindsHidden) {
      const select = element("select", null, "kind");
      select.setAttribute("aria-label", `kind of ${statement.letter}`);
      select.appendChild(element("option", "kind?"));
      select.firstChild.value = "";
      for (const kind of data.kinds) {
        const option = element("option", kind);
        option.value = kind;
        select.appendChild(option);
      }
      select.addEventListener("click", (event) => event.stopPropagation());
      select.addEventListener("keydown", (event) => event.stopPropagation());
      select.addEventListener("change", () => setKind(statement.letter, select.value));
      item.appendChild(select);
    } else {
      item.appendChild(element("span", statement.kind, "kind-label"));
    }
    item.addEventListener("click", (event) => choose(statement.letter, event.shiftKey));
    item.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        choose(statement.letter, event.shiftKey);
      }
    });
    statementsList.appendChild(item);
  }

  // -- choosing: sources, then a target (a statement, or a drawn relation for an undercut) --
  function choose(letter, adding) {
    if (!relationsHidden) return;
    if (state.sources.length === 0) {
      state.sources = [letter];
    } else if (state.target === null && state.sources.includes(letter)) {
      state.sources = state.sources.filter((s) => s !== letter);
    } else if (adding && state.target === null) {
      state.sources.push(letter);
    } else {
      state.target = letter;
    }
    refresh();
  }

  function chooseRelation(id) {
    if (state.sources.length === 0) {
      say("First click the statement the attack comes from.");
      return;
    }
    state.target = id;
    refresh();
  }

  function clearSelection() {
    state.sources = [];
    state.target = null;
  }

  // -- relations: ids spelled from their content, as argmap generates them --
  function relationId(type, sources, to) {
    const base = [type, ...sources, to].join(".");
    const taken = new Set([...letters, ...state.relations.map((r) => r.id)]);
    let candidate = base;
    for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}.${n}`;
    return candidate;
  }

  function isRelation(id) {
    return state.relations.some((r) => r.id === id);
  }

  function add(type) {
    const { sources, target } = state;
    if (sources.length === 0 || target === null) return;
    if (type === "support" && isRelation(target)) {
      say("Only an attack can target a step; choose attacks, or another target.");
      return;
    }
    if (sources.includes(target)) {
      say(`${target} cannot ${type} itself.`);
      return;
    }
    const same = state.relations.find(
      (r) => r.type === type && r.to === target && r.from.join() === sources.join(),
    );
    if (same) {
      say(`You already drew: ${sentence(same)}.`);
      return;
    }
    const relation = { id: relationId(type, sources, target), type, from: [...sources], to: target };
    state.relations.push(relation);
    state.history.push({ undo: () => remove(relation.id, false) });
    clearSelection();
    refresh(`Drawn: ${sentence(relation)}.`);
  }

  function remove(id, record = true) {
    const index = state.relations.findIndex((r) => r.id === id);
    if (index < 0) return;
    const dependent = state.relations.filter((r) => r.to === id);
    const removed = [state.relations[index], ...dependent];
    state.relations = state.relations.filter((r) => !removed.includes(r));
    if (state.target === id) state.target = null;
    if (record) {
      state.history.push({
        undo: () => {
          state.relations.splice(index, 0, removed[0]);
          state.relations.push(...removed.slice(1));
        },
      });
    }
    refresh(record ? `Deleted: ${sentence(removed[0])}.` : undefined);
  }

  function setKind(letter, kind) {
    const before = state.kinds[letter] || "";
    if (kind) state.kinds[letter] = kind;
    else delete state.kinds[letter];
    state.history.push({
      undo: () => {
        if (before) state.kinds[letter] = before;
        else delete state.kinds[letter];
      },
    });
    refresh();
  }

  function undo() {
    const last = state.history.pop();
    if (!last) return;
    last.undo();
    refresh("Undone.");
  }

  function step(id) {
    const relation = state.relations.find((r) => r.id === id);
    if (!relation) return id;
    const target = isRelation(relation.to) ? `(${step(relation.to)})` : relation.to;
    return `${relation.from.join(" + ")} ${relation.type === "support" ? "→" : "⇥"} ${target}`;
  }

  function sentence(relation) {
    const many = relation.from.length > 1;
    const who = many
      ? `${relation.from.slice(0, -1).join(", ")} and ${relation.from[relation.from.length - 1]} together`
      : relation.from[0];
    const verb = relation.type + (many ? "" : "s");
    const target = isRelation(relation.to) ? `the step ${step(relation.to)}` : relation.to;
    return `${who} ${verb} ${target}`;
  }

  // -- showing the state --
  function say(message) {
    status.textContent = message;
  }

  function refresh(message) {
    for (const item of statementsList.children) {
      const letter = item.dataset.letter;
      const source = state.sources.includes(letter);
      item.classList.toggle("source", source);
      item.classList.toggle("target", state.target === letter);
      item.setAttribute("aria-pressed", String(source || state.target === letter));
      const select = item.querySelector("select");
      if (select) select.value = state.kinds[letter] || "";
    }
    const ready = state.sources.length > 0 && state.target !== null;
    supportButton.disabled = !ready || isRelation(state.target);
    attackButton.disabled = !ready;
    undoButton.disabled = state.history.length === 0;
    drawnList.replaceChildren();
    for (const relation of state.relations) {
      const item = element("li", null, `relation ${relation.type}`);
      item.dataset.id = relation.id;
      if (state.target === relation.id) item.classList.add("target");
      item.appendChild(element("span", sentence(relation), "sentence"));
      const aim = element("button", "as target", "aim");
      aim.type = "button";
      aim.setAttribute("aria-label", `attack the step: ${sentence(relation)}`);
      aim.addEventListener("click", () => chooseRelation(relation.id));
      const drop = element("button", "delete", "delete");
      drop.type = "button";
      drop.setAttribute("aria-label", `delete: ${sentence(relation)}`);
      drop.addEventListener("click", () => remove(relation.id));
      item.append(aim, drop);
      drawnList.appendChild(item);
    }
    if (message !== undefined) say(message);
    else if (!relationsHidden) say("Mark the kind of each statement, then download your map.");
    else if (state.sources.length === 0) say("Click the statement an arrow starts from.");
    else if (state.target === null) say(`From ${state.sources.join(" + ")}: now click where the arrow goes.`);
    else {
      const target = isRelation(state.target) ? `the step ${step(state.target)}` : state.target;
      say(`From ${state.sources.join(" + ")} to ${target}: supports or attacks?`);
    }
    draw();
  }

  // -- the diagram: statements on a circle, arrows between them --
  function draw() {
    diagram.replaceChildren();
    const defs = document.createElementNS(SVG, "defs");
    for (const type of ["support", "attack"]) {
      const marker = document.createElementNS(SVG, "marker");
      marker.setAttribute("id", `head-${type}`);
      marker.setAttribute("viewBox", "0 0 10 10");
      marker.setAttribute("refX", "10");
      marker.setAttribute("refY", "5");
      marker.setAttribute("markerWidth", "6");
      marker.setAttribute("markerHeight", "6");
      marker.setAttribute("orient", "auto-start-reverse");
      const path = document.createElementNS(SVG, "path");
      path.setAttribute("d", "M 0 0 L 10 5 L 0 10 z");
      path.setAttribute("class", `head ${type}`);
      marker.appendChild(path);
      defs.appendChild(marker);
    }
    diagram.appendChild(defs);
    const shown = relationsHidden ? state.relations : data.relations;
    const used = new Set(shown.flatMap((r) => [...r.from, r.to]));
    const placed = data.statements.filter((s) => used.has(s.letter) || state.sources.includes(s.letter));
    const centre = 200;
    const radius = placed.length > 1 ? 160 : 0;
    const at = {};
    placed.forEach((s, i) => {
      const angle = (2 * Math.PI * i) / placed.length - Math.PI / 2;
      at[s.letter] = { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle) };
    });
    const middle = {};
    const ordered = [...shown].sort((a, b) => Number(a.to in at ? 0 : 1) - Number(b.to in at ? 0 : 1));
    for (const relation of ordered) {
      const end = at[relation.to] || middle[relation.to];
      if (!end) continue;
      let sumX = 0;
      let sumY = 0;
      for (const source of relation.from) {
        const start = at[source];
        const line = document.createElementNS(SVG, "line");
        const gap = relation.to in at ? shorten(start, end, 16) : end;
        line.setAttribute("x1", start.x);
        line.setAttribute("y1", start.y);
        line.setAttribute("x2", gap.x);
        line.setAttribute("y2", gap.y);
        line.setAttribute("class", `edge ${relation.type}`);
        line.setAttribute("marker-end", `url(#head-${relation.type})`);
        line.dataset.relation = relation.id;
        diagram.appendChild(line);
        sumX += (start.x + end.x) / 2;
        sumY += (start.y + end.y) / 2;
      }
      middle[relation.id] = { x: sumX / relation.from.length, y: sumY / relation.from.length };
    }
    for (const statement of placed) {
      const group = document.createElementNS(SVG, "g");
      group.setAttribute("class", "node");
      const circle = document.createElementNS(SVG, "circle");
      circle.setAttribute("cx", at[statement.letter].x);
      circle.setAttribute("cy", at[statement.letter].y);
      circle.setAttribute("r", "15");
      const label = document.createElementNS(SVG, "text");
      label.setAttribute("x", at[statement.letter].x);
      label.setAttribute("y", at[statement.letter].y + 5);
      label.setAttribute("text-anchor", "middle");
      label.textContent = statement.letter;
      group.append(circle, label);
      diagram.appendChild(group);
    }
  }

  function shorten(start, end, by) {
    const dx = end.x - start.x;
    const dy = end.y - start.y;
    const length = Math.hypot(dx, dy) || 1;
    return { x: end.x - (dx * by) / length, y: end.y - (dy * by) / length };
  }

  // -- the student's map as an argmap file --
  function studentMap() {
    const missing = [];
    const statements = data.statements.map((s) => {
      const kind = kindsHidden ? state.kinds[s.letter] : s.kind;
      if (!kind) missing.push(s.letter);
      return { id: s.letter, kind: kind || "claim", text: s.text };
    });
    if (missing.length) return { missing };
    const name = byId("student").value.trim();
    const map = { argmap: 1, title: name ? `${data.title}: map by ${name}` : `${data.title}: my map` };
    if (data.main_claim) map.main_claim = data.main_claim;
    map.statements = statements;
    const relations = relationsHidden ? state.relations : data.relations;
    if (relations.length) {
      map.relations = relations.map((r) => ({ id: r.id, type: r.type, from: r.from.length === 1 ? r.from[0] : r.from, to: r.to }));
    }
    return { map };
  }

  // YAML is a superset of JSON: double-quoted JSON strings are YAML strings, once what YAML reads
  // differently raw is escaped too: C1 controls and DEL (not allowed), U+0085, U+2028 and U+2029
  // (line breaks, which a quoted scalar folds), and U+FEFF.
  function quote(value) {
    return JSON.stringify(value).replace(
      /[\u007f-\u009f\u2028\u2029\ufeff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
  }

  function yaml(map) {
    const lines = [`argmap: 1`, `title: ${quote(map.title)}`];
    if (map.main_claim) lines.push(`main_claim: ${quote(map.main_claim)}`);
    lines.push("statements:");
    for (const s of map.statements) lines.push(`  - {id: ${quote(s.id)}, kind: ${s.kind}, text: ${quote(s.text)}}`);
    if (map.relations) {
      lines.push("relations:");
      for (const r of map.relations) {
        const from = Array.isArray(r.from) ? `[${r.from.map(quote).join(", ")}]` : quote(r.from);
        lines.push(`  - {id: ${quote(r.id)}, type: ${r.type}, from: ${from}, to: ${quote(r.to)}}`);
      }
    }
    return lines.join("\n") + "\n";
  }

  function download(format) {
    const built = studentMap();
    if (built.missing) {
      say(`Mark the kind of every statement first (not yet: ${built.missing.join(", ")}).`);
      return;
    }
    const text = format === "json" ? JSON.stringify(built.map, null, 2) + "\n" : yaml(built.map);
    const blob = new Blob([text], { type: format === "json" ? "application/json" : "application/yaml" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `my-map.${format === "json" ? "json" : "yaml"}`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    say(`Downloaded ${link.download}.`);
  }

  supportButton.addEventListener("click", () => add("support"));
  attackButton.addEventListener("click", () => add("attack"));
  byId("clear").addEventListener("click", () => {
    clearSelection();
    refresh();
  });
  undoButton.addEventListener("click", undo);
  byId("download-yaml").addEventListener("click", () => download("yaml"));
  byId("download-json").addEventListener("click", () => download("json"));
  refresh();
})();
