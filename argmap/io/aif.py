"""AIF JSON, as AIFdb and OVA write it, and the xAIF wrapper: read and write.

The argument layer becomes the map; everything else is kept, so that writing AIF back
restores it:

* an **I-node** becomes a statement with the node's id and text; its other keys (e.g.
  ``timestamp``) become the statement's ``meta``; integer ``text_begin``/``text_end``
  become its ``span``;
* an **RA-node** with I-node premises and one I-node conclusion becomes a ``support``
  (several premises into one RA: a linked argument); a **CA-node** likewise an
  ``attack``, and a CA-node whose conclusion is another mapped RA/CA node an
  **undercut**; the node's text names the relation's ``scheme`` when the scheme
  catalogue knows it (by id, name or alias: "Argument From Expert Opinion", "Example"),
  and any other text (except the defaults "Default Inference" and "Default Conflict")
  is kept as ``meta["text"]``, as is a known name spelt otherwise than the catalogue's,
  so that writing gives the node its own text back; its other keys are the relation's
  ``meta``;
* every other node (L, YA, TA, MA, PA, and S-nodes that fit no relation) and every
  edge are kept verbatim in the map's ``meta["aif"]`` (``nodes``, ``edges``), with the
  document's other keys (``locutions``, ``participants``...) in ``meta["aif"]["document"]``
  and the xAIF wrapper's (``text``, ``OVA``...) in ``meta["aif"]["xaif"]``.

Statement kinds come from the structure (:func:`argmap.io._structure.kinds_from_structure`).
``docs/formats.md`` lists what AIF cannot carry.

Examples
--------
>>> m = loads_aif('''{"nodes": [
...   {"nodeID": "1", "text": "Take an umbrella.", "type": "I"},
...   {"nodeID": "2", "text": "It will rain.", "type": "I"},
...   {"nodeID": "3", "text": "Default Inference", "type": "RA"}],
...  "edges": [{"edgeID": "1", "fromID": "2", "toID": "3"}, {"edgeID": "2", "fromID": "3", "toID": "1"}],
...  "locutions": []}''')
>>> [(s.id, s.kind) for s in m.statements], m.relations[0].sources, m.relations[0].to
([('1', 'claim'), ('2', 'premise')], ('2',), '1')
>>> loads_aif(dumps_aif(m)) == m
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

from argmap.errors import MapValidationError, ParseError, Problem
from argmap.io._checks import check_statement_count
from argmap.io._jsonutil import decode_text, item_lines, line_of, parse_json, sniffed_json
from argmap.io._losses import counted, kinds_not_from_structure, loss_line, set_on
from argmap.io._structure import kinds_from_structure, safe_id
from argmap.io.registry import Format, register
from argmap.limits import Limits, default_limits
from argmap.model import ArgumentMap
from argmap.schemes import active_catalogue
from argmap.source import SourceDocument
from argmap.validation import build_map

__all__ = ["AIF", "DEFAULT_SCHEMES", "aif_losses", "dumps_aif", "loads_aif", "sniff_aif"]

DEFAULT_SCHEMES = {"support": "Default Inference", "attack": "Default Conflict"}
_RELATION_OF = {"RA": "support", "CA": "attack"}
_NODE_OF = {"support": "RA", "attack": "CA"}
_CORE_KEYS = ("nodeID", "text", "type")
_SPAN_KEYS = ("text_begin", "text_end")


def sniff_aif(data: bytes) -> bool:
    """Whether the bytes look like AIF JSON: ``nodes`` and ``edges`` lists, or an xAIF ``AIF`` object.

    Examples
    --------
    >>> sniff_aif(b'{"nodes": [{"nodeID": "1", "type": "I", "text": "a"}], "edges": []}')
    True
    >>> sniff_aif(b'{"argmap": 1, "title": "T"}')
    False
    >>> sniff_aif(b'{"edges": [], "nodes": [], "metadata": {"core": {}}, "resources": []}')  # empty SADFace
    False
    """
    obj = sniffed_json(data)
    if not isinstance(obj, dict):
        return False
    if isinstance(obj.get("AIF"), dict):
        return True
    nodes = obj.get("nodes")
    if (
        "argmap" in obj
        or "directed" in obj
        or not isinstance(nodes, list)
        or not isinstance(obj.get("edges"), list)
    ):
        return False
    if not nodes and ("metadata" in obj or "resources" in obj):
        return False  # only empty lists under SADFace's keys: nothing says AIF
    return all(isinstance(node, dict) and "nodeID" in node for node in nodes[:5])


def _key(value: Any) -> str:
    return str(value)


def _is_id(value: Any) -> bool:
    return isinstance(value, str | int) and not isinstance(value, bool)


class _Reader:
    """One AIF document read into map data (statements, relations, meta) with every problem found."""

    def __init__(self, text: str, name: str) -> None:
        self.text = text
        self.name = name
        self.problems: list[Problem] = []

    def fail(self, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(message, file=self.name, line=line))

    def node_line(self, node_id: Any, index: int) -> int | None:
        if _is_id(node_id):
            quoted = re.escape(json.dumps(node_id) if isinstance(node_id, str) else str(node_id))
            found = line_of(self.text, rf'"nodeID"\s*:\s*{quoted}')
            if found is not None:
                return found
        return self.item_line("nodes", index)

    def edge_line(self, index: int) -> int | None:
        return self.item_line("edges", index)

    def item_line(self, key: str, index: int) -> int | None:
        lines = item_lines(self.text, key)
        return lines[index] if 0 <= index < len(lines) else None

    def read(self, root: Any) -> dict[str, Any]:
        if not isinstance(root, dict):
            raise ParseError(
                [
                    Problem(
                        "not AIF: expected a JSON object with 'nodes' and 'edges' lists",
                        file=self.name,
                        line=1,
                    )
                ]
            )
        wrapper: dict[str, Any] | None = None
        doc: Any = root
        if "AIF" in root:
            wrapper = {k: v for k, v in root.items() if k != "AIF"}
            doc = root["AIF"]
            if not isinstance(doc, dict):
                raise ParseError([Problem("xAIF: 'AIF' must be an object", file=self.name, line=1)])
        nodes, edges = doc.get("nodes"), doc.get("edges")
        for key, value in (("nodes", nodes), ("edges", edges)):
            if not isinstance(value, list):
                raise ParseError(
                    [
                        Problem(
                            f"not AIF: '{key}' must be a list",
                            file=self.name,
                            line=line_of(self.text, f'"{key}"') or 1,
                        )
                    ]
                )
        assert isinstance(nodes, list) and isinstance(edges, list)
        document = {k: v for k, v in doc.items() if k not in ("nodes", "edges")}

        by_key: dict[str, dict[str, Any]] = {}
        order: list[str] = []
        for index, node in enumerate(nodes):
            node_id = node.get("nodeID") if isinstance(node, dict) else None
            if not isinstance(node, dict) or not _is_id(node_id):
                self.fail(
                    f"nodes[{index}]: a node needs a 'nodeID' (string or integer)",
                    self.node_line(None, index),
                )
                continue
            assert isinstance(node, dict)
            key = _key(node_id)
            if not isinstance(node.get("type"), str):
                self.fail(f"node {key!r}: 'type' must be a string", self.node_line(node_id, index))
                continue
            if "text" in node and not isinstance(node["text"], str):
                self.fail(f"node {key!r}: 'text' must be a string", self.node_line(node_id, index))
                continue
            if key in by_key:
                self.fail(f"duplicate nodeID {key!r}", self.item_line("nodes", index))
                continue
            by_key[key] = node
            order.append(key)
        pairs: list[tuple[str, str]] = []
        for index, edge in enumerate(edges):
            if not isinstance(edge, dict) or not _is_id(edge.get("fromID")) or not _is_id(edge.get("toID")):
                self.fail(f"edges[{index}]: an edge needs 'fromID' and 'toID'", self.edge_line(index))
                pairs.append(("", ""))
                continue
            source, target = _key(edge["fromID"]), _key(edge["toID"])
            for end in (source, target):
                if end not in by_key:
                    self.fail(f"edges[{index}] names no node: {end!r}", self.edge_line(index))
            pairs.append((source, target))
        if self.problems:
            raise MapValidationError(self.problems)
        return self.build(by_key, order, edges, pairs, document, wrapper)

    def build(
        self,
        by_key: dict[str, dict[str, Any]],
        order: list[str],
        edges: list[Any],
        pairs: list[tuple[str, str]],
        document: dict[str, Any],
        wrapper: dict[str, Any] | None,
    ) -> dict[str, Any]:
        statements = [k for k in order if by_key[k]["type"] == "I" and by_key[k].get("text", "").strip()]
        statement_set = set(statements)
        premises: dict[str, list[str]] = {}
        conclusions: dict[str, list[str]] = {}
        for source, target in pairs:
            if target in by_key and by_key[target]["type"] in _RELATION_OF and source in statement_set:
                premises.setdefault(target, []).append(source)
            if source in by_key and by_key[source]["type"] in _RELATION_OF:
                conclusions.setdefault(source, []).append(target)
        mapped = {
            k
            for k in order
            if by_key[k]["type"] in _RELATION_OF
            and premises.get(k)
            and len(set(premises[k])) == len(premises[k])
            and len(conclusions.get(k, ())) == 1
            and conclusions[k][0] != k
        }
        changed = True
        while changed:
            changed = False
            for k in sorted(mapped):
                target = conclusions[k][0]
                ok = (
                    target in statement_set and not (by_key[k]["type"] == "RA" and target in premises[k])
                ) or (by_key[k]["type"] == "CA" and target in mapped)
                if not ok:
                    mapped.discard(k)
                    changed = True

        taken: set[str] = set()
        ids: dict[str, str] = {}
        for k in order:
            if k in statement_set or k in mapped:
                ids[k] = safe_id(k, taken)
        relation_keys = [k for k in order if k in mapped]
        triples = [
            (_RELATION_OF[by_key[k]["type"]], [ids[p] for p in premises[k]], ids[conclusions[k][0]])
            for k in relation_keys
        ]
        kinds = kinds_from_structure((ids[k] for k in statements), triples)

        statement_data = []
        for k in statements:
            node = by_key[k]
            item: dict[str, Any] = {"id": ids[k], "kind": kinds[ids[k]], "text": node["text"]}
            extras = {key: value for key, value in node.items() if key not in _CORE_KEYS}
            begin, end = extras.get("text_begin"), extras.get("text_end")
            if type(begin) is int and type(end) is int and 0 <= begin < end:
                item["span"] = {"start": begin, "end": end}
                del extras["text_begin"], extras["text_end"]
            if not (isinstance(node["nodeID"], str) and node["nodeID"] == ids[k]):
                extras["nodeID"] = node["nodeID"]
            if extras:
                item["meta"] = extras
            statement_data.append(item)
        relation_data = []
        schemes = active_catalogue()
        for k, (relation_type, sources, target) in zip(relation_keys, triples, strict=True):
            node = by_key[k]
            item = {"id": ids[k], "type": relation_type, "from": sources, "to": target}
            text = node.get("text")
            extras = {key: value for key, value in node.items() if key not in _CORE_KEYS}
            scheme = schemes.get(schemes.resolve(text) or "") if isinstance(text, str) else None
            if scheme is not None:
                item["scheme"] = scheme.id
                if text != scheme.name:
                    extras["text"] = text
            elif text != DEFAULT_SCHEMES[relation_type]:
                extras["text"] = text
            if not (isinstance(node["nodeID"], str) and node["nodeID"] == ids[k]):
                extras["nodeID"] = node["nodeID"]
            if extras:
                item["meta"] = extras
            relation_data.append(item)

        kept_nodes = [by_key[k] for k in order if k not in ids]
        aif_meta: dict[str, Any] = {}
        if kept_nodes:
            aif_meta["nodes"] = kept_nodes
        if document != {"locutions": []}:
            aif_meta["document"] = document
        if wrapper is not None:
            aif_meta["xaif"] = wrapper
        data: dict[str, Any] = {
            "argmap": 1,
            "title": _title(self.name),
            "statements": statement_data,
            "relations": relation_data,
        }
        canonical = _edges_for(data, aif_meta)
        if edges != canonical:
            aif_meta["edges"] = edges
        if aif_meta:
            data["meta"] = {"aif": aif_meta}
        return data


def _title(name: str) -> str:
    if name.startswith("<"):
        return "AIF map"
    stem = PurePath(name).name
    return stem.removesuffix(".json") or "AIF map"


def _aif_id(item: Mapping[str, Any]) -> Any:
    """The nodeID to write: ``meta["nodeID"]`` if it spells the id (an integer stays one), else the id."""
    original = (item.get("meta") or {}).get("nodeID")
    return original if _is_id(original) and _key(original) == item["id"] else item["id"]


def _edges_for(data: Mapping[str, Any], aif_meta: Mapping[str, Any]) -> list[Any]:
    """The edges to write: the kept ones that still fit the map, then new ones for what is missing."""
    aif_ids = {item["id"]: _aif_id(item) for key in ("statements", "relations") for item in data.get(key, ())}
    relation_keys = {_key(aif_ids[item["id"]]) for item in data.get("relations", ())}
    element_keys = {_key(value) for value in aif_ids.values()}
    written_keys = element_keys | {
        _key(node.get("nodeID")) for node in aif_meta.get("nodes", ()) if isinstance(node, dict)
    }
    needed: list[tuple[Any, Any]] = []
    for item in data.get("relations", ()):
        sources = item["from"] if isinstance(item["from"], list) else [item["from"]]
        rid = aif_ids[item["id"]]
        needed += [(aif_ids[source], rid) for source in sources]
        needed.append((rid, aif_ids[item["to"]]))
    needed_keys = {(_key(a), _key(b)) for a, b in needed}
    written: list[Any] = []
    covered: set[tuple[str, str]] = set()
    used_ids: set[str] = set()
    for edge in aif_meta.get("edges", ()):
        if not isinstance(edge, dict):
            continue
        pair = (_key(edge.get("fromID")), _key(edge.get("toID")))
        if pair[0] not in written_keys or pair[1] not in written_keys:
            continue
        inside = (pair[0] in relation_keys and pair[1] in element_keys) or (
            pair[1] in relation_keys and pair[0] in element_keys
        )
        if inside and (pair not in needed_keys or pair in covered):
            continue
        covered.add(pair)
        used_ids.add(_key(edge.get("edgeID")))
        written.append(edge)
    number = 0
    for source, target in needed:
        if (_key(source), _key(target)) in covered:
            continue
        number += 1
        while str(number) in used_ids:
            number += 1
        written.append({"edgeID": str(number), "fromID": source, "toID": target})
    return written


def loads_aif(
    text: str, name: str = "<string>", source: SourceDocument | None = None, limits: Limits | None = None
) -> ArgumentMap:
    """Read AIF JSON (AIFdb, OVA) or xAIF into a map.

    Parameters
    ----------
    text : str
        The JSON text.
    name : str
        The file name, for messages; its stem becomes the map's title.
    source : SourceDocument, optional
        When given, spans are checked against it.
    limits : Limits, optional
        Nesting and statement count allowed (default :func:`~argmap.limits.default_limits`).

    Returns
    -------
    ArgumentMap

    Raises
    ------
    ParseError
        If the text is not JSON or not AIF-shaped (no ``nodes``/``edges`` lists), or is
        beyond a limit.
    MapValidationError
        If a node lacks an id or type, an id repeats, or an edge names no node; each
        problem with its line.

    Examples
    --------
    >>> loads_aif('{"nodes": [], "edges": [{"fromID": "1", "toID": "2"}]}', name="x.json")
    Traceback (most recent call last):
    ...
    argmap.errors.MapValidationError: x.json:1: edges[0] names no node: '1'
    x.json:1: edges[0] names no node: '2'
    """
    limits = limits if limits is not None else default_limits()
    reader = _Reader(text, name)
    data = reader.read(parse_json(text, name, limits))

    def locate(path: tuple[str | int, ...]) -> tuple[int, int] | None:
        if len(path) >= 2 and path[0] in ("statements", "relations") and isinstance(path[1], int):
            items = data.get(str(path[0]), [])
            if path[1] < len(items):
                line = reader.node_line(_aif_id(items[path[1]]), -1)
                return (line, 1) if line is not None else None
        return None

    check_statement_count(data, name, limits, locate)
    return build_map(data, file=name, locate=locate, source=source)


def dumps_aif(argument_map: ArgumentMap) -> str:
    """The map as AIF JSON (or xAIF, if it was read from xAIF), deterministic.

    Statements become I-nodes, supports RA-nodes, attacks CA-nodes (an undercut's CA
    node points to the RA or CA node it attacks); what the map keeps in
    ``meta["aif"]`` is written back. Kinds, weights, tags, sections, notes, the title,
    the main claim and the source are not written: AIF has no place for them.

    Examples
    --------
    >>> from argmap.model import Relation, Statement
    >>> m = ArgumentMap(title="T", statements=[Statement(id="C", kind="claim", text="c"),
    ...     Statement(id="R", kind="rebuttal", text="r")],
    ...     relations=[Relation(id="A1", type="attack", sources="R", to="C")])
    >>> print(dumps_aif(m))  # doctest: +NORMALIZE_WHITESPACE
    {"nodes": [{"nodeID": "C", "text": "c", "type": "I"}, {"nodeID": "R", "text": "r", "type": "I"},
     {"nodeID": "A1", "text": "Default Conflict", "type": "CA"}],
     "edges": [{"edgeID": "1", "fromID": "R", "toID": "A1"}, {"edgeID": "2", "fromID": "A1", "toID": "C"}],
     "locutions": []}
    """
    data = argument_map.to_data()
    schemes = active_catalogue()
    meta = argument_map.meta or {}
    aif_meta = meta.get("aif") if isinstance(meta.get("aif"), dict) else {}
    assert isinstance(aif_meta, dict)
    nodes: list[Any] = []
    for item in data.get("statements", ()):
        extras = dict(item.get("meta") or {})
        node: dict[str, Any] = {"nodeID": _aif_id(item), "text": item["text"], "type": "I"}
        for key in ("nodeID", "text", "type", *(_SPAN_KEYS if "span" in item else ())):
            extras.pop(key, None)
        node.update(extras)
        if "span" in item:
            node["text_begin"], node["text_end"] = item["span"]["start"], item["span"]["end"]
        nodes.append(node)
    for item in data.get("relations", ()):
        extras = dict(item.get("meta") or {})
        node = {"nodeID": _aif_id(item)}
        extras.pop("nodeID", None)
        if "text" in extras:
            text = extras.pop("text")
        elif item.get("scheme"):
            known = schemes.get(item["scheme"])
            text = known.name if known is not None else item["scheme"]
        else:
            text = DEFAULT_SCHEMES[item["type"]]
        if text is not None:
            node["text"] = text
        node["type"] = _NODE_OF[item["type"]]
        extras.pop("type", None)
        node.update(extras)
        nodes.append(node)
    nodes += list(aif_meta.get("nodes", ()))
    document: dict[str, Any] = {"nodes": nodes, "edges": _edges_for(data, aif_meta)}
    extra = aif_meta.get("document", {"locutions": []})
    if isinstance(extra, dict):
        document.update({k: v for k, v in extra.items() if k not in ("nodes", "edges")})
    out: dict[str, Any] = document
    wrapper = aif_meta.get("xaif")
    if isinstance(wrapper, dict):
        out = {"AIF": document, **{k: v for k, v in wrapper.items() if k != "AIF"}}
    return json.dumps(out, ensure_ascii=False) + "\n"


def aif_losses(argument_map: ArgumentMap) -> tuple[str, ...]:
    """What writing ``argument_map`` as AIF loses, one line (docs/formats.md has the table).

    Examples
    --------
    >>> from argmap.model import Statement
    >>> aif_losses(ArgumentMap(title="T", main_claim="C", statements=[
    ...     Statement(id="C", kind="claim", text="c", tags=["x"], section="S")]))
    ('aif: title, main claim, 1 tag and 1 section lost',)
    """
    m = argument_map
    statements = m.statements
    items = ["title"]
    items += ["main claim"] if m.main_claim is not None else []
    items += ["source"] if m.source is not None else []
    items += [counted(len(m.tests), "test")] if m.tests else []
    items += ["the map's meta"] if {k for k in (m.meta or {}) if k != "aif"} else []
    kinds = kinds_not_from_structure(m)
    items += [counted(kinds, "kind") + " (read back from the structure)"] if kinds else []
    for name, count in (
        ("weight", set_on(m, "weight")),
        ("tag", sum(len(s.tags) for s in statements)),
        ("section", sum(1 for s in statements if s.section is not None)),
        ("note", set_on(m, "note")),
        ("answers mark", set_on(m, "answers")),
    ):
        items += [counted(count, name)] if count else []
    return loss_line("aif", items, "lost")


AIF = register(
    Format(
        name="aif",
        suffixes=(".json",),
        description="AIF JSON (AIFdb, OVA) and xAIF: I-nodes, RA/CA inferences and conflicts, "
        "undercuts, schemes; dialogue and other nodes kept in meta",
        reader=lambda data, name, source, limits: loads_aif(decode_text(data, name), name, source, limits),
        writer=lambda argument_map: dumps_aif(argument_map).encode("utf-8"),
        sniff=sniff_aif,
        losses=aif_losses,
    )
)
