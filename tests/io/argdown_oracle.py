"""Argdown's own reading as the judge: run ``argdown json`` and compare its reading with argmap's.

Both sides are normalised to one form: a set of statement keys and a set of relation keys.
A statement is its title (made an id as argmap makes it), or, untitled, its text reduced to
lower-case letters and digits. A relation is ``(type, sources, target)``, the target being a
statement or, for an undercut, the key of the relation it attacks, so undercut targets are
compared in full. The Argdown side is read by argmap's documented modelling (docs/formats.md):

* an argument with a premise-conclusion structure is its inferences (each a support from
  the statements its ``uses`` names, else those since the previous inference and that
  inference's conclusion); as a source or supported it stands for its main conclusion
  (Argdown's export already moves its relations there); attacked or undercut, its last
  inference is attacked; an undercut written on an inference attacks that inference;
* an argument without one is a statement (attacked, that statement is attacked; undercut,
  every relation it is the source of is attacked), except an argument argmap wrote for a
  relation (data ``{argmap: {relation: ...}}``): the statements supporting it are the
  relation's sources, its one outgoing relation its type and target;
* ``contrary`` is an attack, ``contradictory`` an attack each way, ``entails`` (strict mode) a
  support; an undercut of a statement attacks the relations that statement is a source of (as
  argmap reads it); a linked attack is one attack per premise (Argdown has no linked attack
  without a conclusion of its own).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap.io._structure import safe_id
from argmap.model import ArgumentMap
from tests.conftest import ROOT

__all__ = ["ARGDOWN_CLI", "Reading", "argdown_json", "argdown_reading", "argmap_reading"]

ARGDOWN_CLI = ROOT / ".cache" / "argdown" / "node_modules" / ".bin" / "argdown"
_TAG = re.compile(r"#\([^)]*\)|#[^\s#()\[\]<>{}]+")
_DATA = re.compile(r"\{.*\}\s*$")
# argmap keeps two things of Argdown's source in a statement's text that Argdown's text drops:
# a Markdown link's target, and the ASCII shorthand Argdown turns into logic symbols (.A. for ∀).
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
_LOGIC = re.compile(r"\.(?:A|E|v|\^|~|->|<->|<-|=>|<=>)\.")

Key = tuple[Any, ...]


@dataclass(frozen=True)
class Reading:
    """A map as sets of statement keys and relation keys, comparable across readers."""

    statements: frozenset[Key]
    relations: frozenset[Key]


def _text_key(text: str) -> Key:
    text = _LOGIC.sub(" ", _LINK_TARGET.sub("]", _DATA.sub("", _TAG.sub(" ", text))))
    return ("text", "".join(ch for ch in text.lower() if ch.isalnum()))


def argdown_json(files: Iterable[Path], workdir: Path) -> dict[Path, dict[str, Any] | None]:
    """Argdown's JSON export of each file (``None`` where Argdown rejects it), in one node run.

    Node starts slowly (seconds on a busy machine), so every file is exported by one
    ``argdown json`` run: each file's folder is copied (its includes stay resolvable) and the
    file is copied beside itself under a unique name, which also keeps Argdown's CLI from
    skipping partials (it skips names starting with ``_``). The CLI must be installed
    (``scripts/setup.sh test``); a missing CLI fails the test, never skips it.
    """
    if not ARGDOWN_CLI.exists():
        raise AssertionError(
            f"{ARGDOWN_CLI} is missing: run `bash scripts/setup.sh test` (it installs @argdown/cli)"
        )
    source = workdir / "in"
    folders: dict[Path, Path] = {}
    exported: dict[Path, str] = {}
    for number, path in enumerate(files):
        if path.parent not in folders:
            folders[path.parent] = source / f"f{len(folders)}"
            shutil.copytree(
                path.parent,
                folders[path.parent],
                ignore=lambda _, names: [n for n in names if n.endswith(".json")],
            )
        exported[path] = f"k{number}-{path.stem}"
        shutil.copy(path, folders[path.parent] / f"{exported[path]}{path.suffix}")
    out = workdir / "out"
    subprocess.run(
        [str(ARGDOWN_CLI), "json", f"{source}/**/k[0-9]*-*.{{argdown,ad}}", str(out), "--silent"],
        check=False,
        capture_output=True,
        timeout=1800,
    )
    results: dict[Path, dict[str, Any] | None] = {}
    for path, name in exported.items():
        result = out / f"{name}.json"
        results[path] = json.loads(result.read_text()) if result.exists() else None
    return results


def argmap_reading(m: ArgumentMap, titled: set[str] | None = None) -> Reading:
    """argmap's map as a :class:`Reading`; statements not in ``titled`` (when given) go by their text."""

    def statement(identifier: str) -> Key:
        if titled is None or identifier in titled:
            return ("id", identifier)
        return _text_key(m.statement(identifier).text)

    by_id = {r.key: r for r in m.relations}

    def relation(identifier: str) -> set[Key]:
        r = by_id[identifier]
        targets = relation(r.to) if r.to in by_id else {statement(r.to)}
        if r.type == "support":
            return {("support", frozenset(statement(s) for s in r.sources), t) for t in targets}
        return {("attack", frozenset({statement(s)}), t) for s in r.sources for t in targets}

    return Reading(
        frozenset(statement(s.id) for s in m.statements),
        frozenset(key for r in m.relations for key in relation(r.key)),
    )


def argdown_reading(export: Mapping[str, Any]) -> Reading:
    """Argdown's JSON export as a :class:`Reading`, by the rules in the module documentation."""
    taken: set[str] = set()
    ids = {title: safe_id(title, taken) for title in [*export["statements"], *export["arguments"]]}

    def statement(title: str) -> Key:
        if not title.startswith("Untitled "):
            return ("id", ids[title])
        members = export["statements"][title]["members"]
        return _text_key(next((m["text"] for m in members if m.get("text", "").strip()), title))

    arguments = export["arguments"]
    relation_arguments = {
        title: a["data"]["argmap"]["relation"]
        for title, a in arguments.items()
        if isinstance(a.get("data"), dict)
        and isinstance(a["data"].get("argmap"), dict)
        and isinstance(a["data"]["argmap"].get("relation"), dict)
    }
    inferences: dict[str, list[Key]] = {}
    conclusion: dict[str, Key] = {}
    for title, argument in arguments.items():
        pcs = argument.get("pcs") or []
        if not pcs:
            continue
        since: list[Key] = []
        steps: list[Key] = []
        for item in pcs:
            key = statement(item["title"])
            inference = item.get("inference")
            if inference:
                uses = (inference.get("data") or {}).get("uses")
                premises = [statement(pcs[n - 1]["title"]) for n in uses] if uses else since
                steps.append(("support", frozenset(premises), key))
                since = []
            since.append(key)
        inferences[title] = steps
        conclusion[title] = statement(pcs[-1]["title"])

    relations: set[Key] = set()
    for steps in inferences.values():
        relations.update(steps)

    def end(title: str, kind: str) -> Key:
        if kind == "equivalence-class":
            return statement(title)
        if title in conclusion:
            return conclusion[title]
        return ("id", ids[title])

    raw = export["relations"]
    collapsed: dict[str, dict[str, Any]] = {t: {"sources": set(), "target": None} for t in relation_arguments}
    plain: list[dict[str, Any]] = []
    for r in raw:
        if r["toType"] == "argument" and r["to"] in collapsed and r["relationType"] == "support":
            collapsed[r["to"]]["sources"].add(end(r["from"], r["fromType"]))
        elif r["fromType"] == "argument" and r["from"] in collapsed:
            collapsed[r["from"]]["target"] = r
        else:
            plain.append(r)

    def attacked(r: Mapping[str, Any]) -> set[Key]:
        """What an attack or undercut relation ``r`` attacks."""
        to, kind = r["to"], r["toType"]
        if kind == "inference":
            steps = inferences[to]
            index = [n for n, item in enumerate(arguments[to]["pcs"]) if item.get("inference")]
            return {steps[index.index(r["conclusionIndex"])]}
        if kind == "argument" and to in inferences:
            return {inferences[to][-1]}
        if kind == "argument" and to in collapsed:
            return made(to)
        if kind in ("argument", "equivalence-class") and r["relationType"] == "undercut":
            # argmap's reading: undercutting a statement attacks the relations it is a source of
            found = {
                key
                for other in raw
                if other["from"] == to and other["fromType"] == kind
                for key in keys(other)
            }
            if kind == "equivalence-class":
                found |= {step for steps in inferences.values() for step in steps if statement(to) in step[1]}
            return found or {end(to, kind)}
        return {end(to, kind)}

    def keys(r: Mapping[str, Any]) -> set[Key]:
        source = end(r["from"], r["fromType"])
        kind = r["relationType"]
        if kind in ("support", "entails"):  # strict mode calls a support between statements entailment
            return {("support", frozenset({source}), end(r["to"], r["toType"]))}
        found = {("attack", frozenset({source}), target) for target in attacked(r)}
        if kind == "contradictory":
            found.add(("attack", frozenset({end(r["to"], r["toType"])}), source))
        return found

    def made(title: str) -> set[Key]:
        entry = collapsed[title]
        r = entry["target"]
        if r is None or not entry["sources"]:
            return {("id", ids[title])}
        if r["relationType"] == "support":
            return {("support", frozenset(entry["sources"]), end(r["to"], r["toType"]))}
        return {("attack", frozenset({s}), t) for s in entry["sources"] for t in attacked(r)}

    for r in plain:
        relations.update(keys(r))
    for title in collapsed:
        relations.update(made(title))
    statements = {statement(t) for t in export["statements"]}
    statements |= {("id", ids[t]) for t in arguments if t not in inferences and t not in collapsed}
    return Reading(frozenset(statements), frozenset(relations))
