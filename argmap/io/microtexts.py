"""The Argumentative Microtext Corpus XML (``arggraph.dtd``, Peldszus & Stede 2015): read only.

Each ADU becomes a statement (id: the ADU's id, text: its EDU's text, ``meta``:
``{"adu_type": "pro" | "opp", "edu": <EDU id>}``); each ``sup`` or ``exa`` edge a
``support`` (``exa``: scheme ``argument-from-example``, its source is ``evidence``), each ``reb`` an
``attack``, each ``und`` an attack on the relation its target edge became (an
undercut), and each ``add`` a further premise of its target's relation (a linked
argument). Relation ids are the edge ids; ``meta`` records the edge type. The central
claim (the ADU with no outgoing argumentative edge) is the map's ``main_claim``; other
kinds come from the structure. The ``arggraph`` id is the title, ``topic_id`` and
``stance`` go to the map's ``meta``.

Spans: given the source text (the ``.txt`` beside each ``.xml``, read by :func:`load`),
each EDU is found in it in order, and its offsets become the span of its ADU's
statement; ``source.sha256`` pins the text.

All XML is parsed with ``defusedxml`` (no entity expansion, no external resources).

Examples
--------
>>> xml = '''<arggraph id="micro_x">
...   <edu id="e1"><![CDATA[Take an umbrella.]]></edu><edu id="e2"><![CDATA[It will rain.]]></edu>
...   <adu id="a1" type="pro"/><adu id="a2" type="pro"/>
...   <edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e2" trg="a2" type="seg"/>
...   <edge id="c3" src="a2" trg="a1" type="sup"/>
... </arggraph>'''
>>> m = loads_microtext(xml, source_text="Take an umbrella. It will rain.")
>>> m.main_claim, m.relations[0].sources, m.statement("a2").span.start
('a1', ('a2',), 18)
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from argmap.errors import MapValidationError, ParseError, Problem
from argmap.io._checks import check_statement_count
from argmap.io._jsonutil import decode_text, line_of
from argmap.io._structure import kinds_from_structure
from argmap.io._xml import parse_xml
from argmap.io.registry import Format, register
from argmap.limits import Limits, default_limits
from argmap.model import ArgumentMap
from argmap.source import SourceDocument
from argmap.validation import build_map

__all__ = ["EDGE_TYPES", "MICROTEXTS", "load_microtext", "loads_microtext"]

EDGE_TYPES = ("seg", "sup", "exa", "reb", "und", "add")
_ADU_TYPES = ("pro", "opp")
_RELATION_OF = {"sup": "support", "exa": "support", "reb": "attack", "und": "attack"}


class _Problems:
    def __init__(self, text: str, name: str) -> None:
        self.text = text
        self.name = name
        self.found: list[Problem] = []

    def add(
        self, message: str, element_id: str | None = None, tag: str | None = None, index: int = 0
    ) -> None:
        line = None
        if element_id is not None:
            line = line_of(self.text, rf'\bid\s*=\s*["\']{re.escape(element_id)}["\']')
        if line is None and tag is not None:  # the tag as written, whatever characters it has
            line = line_of(self.text, rf"<{re.escape(tag)}(?=[\s/>])", index + 1) or 1
        self.found.append(Problem(message, file=self.name, line=line, id=element_id))


def loads_microtext(
    text: str,
    name: str = "<string>",
    source: SourceDocument | None = None,
    *,
    source_text: str | None = None,
    limits: Limits | None = None,
) -> ArgumentMap:
    """Read one ``arggraph`` XML document into a map.

    Parameters
    ----------
    text : str
        The XML.
    name : str
        The file name, for messages.
    source : SourceDocument, optional
        The text the EDUs come from: spans are computed in it and checked against it.
    source_text : str, optional
        The same as ``source``, as a plain string (no checksum is recorded).
    limits : Limits, optional
        Nesting, entities and statement count allowed (default :func:`~argmap.limits.default_limits`).

    Returns
    -------
    ArgumentMap

    Raises
    ------
    ParseError
        If the XML is not well-formed, uses forbidden constructs (entities, external
        references) or is beyond a limit.
    MapValidationError
        If the graph breaks the DTD's rules: an unknown element, edge or ADU type, a
        duplicate id, an edge naming nothing; each with its line.

    Examples
    --------
    >>> loads_microtext('<arggraph id="x"><adu id="a1" type="con"/></arggraph>', name="x.xml")
    Traceback (most recent call last):
    ...
    argmap.errors.MapValidationError: x.xml:1: a1: ADU type 'con' is not one of: pro, opp
    """
    limits = limits if limits is not None else default_limits()
    root = parse_xml(text, name, limits)
    problems = _Problems(text, name)
    if root.tag != "arggraph":
        raise ParseError(
            [Problem(f"not a microtext graph: the root is <{root.tag}>, not <arggraph>", file=name, line=1)]
        )
    edus: dict[str, str] = {}
    joints: set[str] = set()
    adus: dict[str, str] = {}
    edges: list[tuple[str, str, str, str]] = []
    seen: set[str] = set()
    counts: dict[str, int] = {}
    for element in root:
        tag = element.tag if isinstance(element.tag, str) else "?"
        index = counts.get(tag, 0)
        counts[tag] = index + 1
        element_id = element.get("id")
        if tag not in ("edu", "joint", "adu", "edge"):
            problems.add(f"unknown element <{tag}> (expected edu, joint, adu, edge)", tag=tag, index=index)
            continue
        if not element_id:
            problems.add(f"<{tag}> without an id", tag=tag, index=index)
            continue
        if element_id in seen:
            problems.add(f"duplicate id {element_id!r}", element_id)
            continue
        seen.add(element_id)
        if tag == "edu":
            edu_text = element.text or ""
            if not edu_text.strip():
                problems.add("EDU without text", element_id)
            edus[element_id] = edu_text
        elif tag == "joint":
            joints.add(element_id)
        elif tag == "adu":
            adu_type = element.get("type", "")
            if adu_type not in _ADU_TYPES:
                problems.add(f"ADU type {adu_type!r} is not one of: {', '.join(_ADU_TYPES)}", element_id)
            adus[element_id] = adu_type
        else:
            edge_type = element.get("type", "")
            src, trg = element.get("src", ""), element.get("trg", "")
            if edge_type not in EDGE_TYPES:
                problems.add(f"edge type {edge_type!r} is not one of: {', '.join(EDGE_TYPES)}", element_id)
                continue
            edges.append((element_id, src, trg, edge_type))
    if problems.found:
        raise MapValidationError(problems.found)

    edge_ids = {edge_id for edge_id, *_ in edges}
    segments: dict[str, list[str]] = {}
    relations: dict[str, dict[str, Any]] = {}
    additions: list[tuple[str, str, str]] = []
    for edge_id, src, trg, edge_type in edges:
        if edge_type == "seg":
            if src not in edus and src not in joints:
                problems.add(f"seg edge: src {src!r} names no EDU or joint", edge_id)
            elif trg not in adus and trg not in joints:
                problems.add(f"seg edge: trg {trg!r} names no ADU or joint", edge_id)
            else:
                segments.setdefault(trg, []).append(src)
            continue
        if src not in adus:
            problems.add(f"{edge_type} edge: src {src!r} names no ADU", edge_id)
            continue
        if edge_type in ("und", "add"):
            if trg not in edge_ids:
                problems.add(f"{edge_type} edge: trg {trg!r} names no edge", edge_id)
                continue
        elif trg not in adus:
            problems.add(f"{edge_type} edge: trg {trg!r} names no ADU", edge_id)
            continue
        if edge_type == "add":
            additions.append((edge_id, src, trg))
        else:
            relations[edge_id] = {
                "id": edge_id,
                "type": _RELATION_OF[edge_type],
                "from": [src],
                "to": trg,
                "meta": {"edge_type": edge_type},
            }
            if edge_type == "exa":
                relations[edge_id]["scheme"] = "argument-from-example"
    for edge_id, src, trg in additions:
        if trg not in relations:
            problems.add(f"add edge: trg {trg!r} is not an argumentative edge", edge_id)
        else:
            relations[trg]["from"].append(src)
            relations[trg]["meta"].setdefault("add", []).append(edge_id)
    for relation in relations.values():
        if relation["to"] in edge_ids and relation["to"] not in relations:
            problems.add(f"und edge: trg {relation['to']!r} is not an argumentative edge", relation["id"])
    if problems.found:
        raise MapValidationError(problems.found)

    def edus_of(unit: str, depth: int = 0) -> list[str]:
        found: list[str] = []
        for part in segments.get(unit, ()):
            found += [part] if part in edus else (edus_of(part, depth + 1) if depth < 5 else [])
        return found

    document = source.text if source is not None else source_text
    spans = _edu_spans(edus, document) if document is not None else {}
    relation_list = list(relations.values())
    arguing = {s for r in relation_list for s in r["from"]}
    central = [a for a in adus if a not in arguing]
    kinds = kinds_from_structure(adus, [(r["type"], r["from"], r["to"]) for r in relation_list])
    for relation in relation_list:
        if relation["meta"]["edge_type"] == "exa":
            for premise in relation["from"]:
                kinds[premise] = "evidence"
    statements = []
    for adu_id, adu_type in adus.items():
        parts = edus_of(adu_id)
        if not parts:
            problems.add("ADU without a seg edge from an EDU", adu_id)
            continue
        item: dict[str, Any] = {
            "id": adu_id,
            "kind": "claim" if central == [adu_id] else kinds[adu_id],
            "text": " ".join(edus[p].strip() for p in parts),
        }
        located = [spans[p] for p in parts if p in spans]
        if located and len(located) == len(parts):
            item["span"] = {"start": min(s for s, _ in located), "end": max(e for _, e in located)}
        item["meta"] = {"adu_type": adu_type, "edu": parts[0] if len(parts) == 1 else parts}
        statements.append(item)
    if problems.found:
        raise MapValidationError(problems.found)
    data: dict[str, Any] = {
        "argmap": 1,
        "title": root.get("id") or "microtext",
        "statements": statements,
        "relations": relation_list,
    }
    if len(central) == 1:
        data["main_claim"] = central[0]
    if source is not None:
        data["source"] = {"title": Path(source.name).name, "sha256": source.sha256}
    header = {key: root.get(key) for key in ("topic_id", "stance") if root.get(key) is not None}
    if header:
        data["meta"] = header

    def locate(path: tuple[str | int, ...]) -> tuple[int, int] | None:
        if len(path) >= 2 and path[0] in ("statements", "relations") and isinstance(path[1], int):
            items = data[str(path[0])]
            if path[1] < len(items):
                line = line_of(text, rf'\bid\s*=\s*["\']{re.escape(items[path[1]]["id"])}["\']')
                return (line, 1) if line is not None else None
        return None

    check_statement_count(data, name, limits, locate)
    return build_map(data, file=name, locate=locate, source=source)


def _edu_spans(edus: dict[str, str], document: str) -> dict[str, tuple[int, int]]:
    """Each EDU's offsets in the document, searched in order from the end of the previous one."""
    spans: dict[str, tuple[int, int]] = {}
    position = 0
    for edu_id, edu_text in edus.items():
        needle = edu_text.strip()
        if not needle:
            continue
        start = document.find(needle, position)
        if start < 0:
            start = document.find(needle)
        if start < 0:
            continue
        spans[edu_id] = (start, start + len(needle))
        position = start + len(needle)
    return spans


def load_microtext(
    path: str | Path, source: SourceDocument | None = None, limits: Limits | None = None
) -> ArgumentMap:
    """Read a microtext ``.xml`` file; the ``.txt`` beside it, if there is one, gives the spans.

    Raises
    ------
    ParseError
        If a file cannot be read, or the XML is malformed.
    MapValidationError
        If the graph breaks the DTD's rules.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "m.txt").write_text("A. B.")
    >>> _ = (folder / "m.xml").write_text('<arggraph id="m"><edu id="e1">A.</edu><edu id="e2">B.</edu>'
    ...     '<adu id="a1" type="pro"/><adu id="a2" type="opp"/>'
    ...     '<edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e2" trg="a2" type="seg"/>'
    ...     '<edge id="c3" src="a2" trg="a1" type="reb"/></arggraph>')
    >>> m = load_microtext(folder / "m.xml")
    >>> m.statement("a2").kind, m.statement("a2").span.start, m.source.title
    ('rebuttal', 3, 'm.txt')
    """
    from argmap.io import load

    return load(path, "microtexts", source=source, limits=limits)


def _read(data: bytes, name: str, source: SourceDocument | None, limits: Limits) -> ArgumentMap:
    if source is None and not name.startswith("<"):
        beside = Path(name).with_suffix(".txt")
        if beside.is_file():
            source = SourceDocument.read(beside)
    return loads_microtext(decode_text(data, name), name, source, limits=limits)


MICROTEXTS = register(
    Format(
        name="microtexts",
        suffixes=(".xml",),
        description="Argumentative Microtext Corpus XML (read only): ADUs, pro/opp, sup/exa/reb/und/add; "
        "spans from the .txt beside it",
        reader=_read,
    )
)
