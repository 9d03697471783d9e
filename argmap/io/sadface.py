"""SADFace JSON (the Simple Argument Description Format of Open-Argumentation/SADFace): read it.

SADFace, like AIF, puts a scheme node between the statements an inference relates:

========================================  ==================================================
SADFace                                   map
========================================  ==================================================
``atom`` node                             statement: id (the node's ``id``, made valid),
                                          ``text``; its ``metadata`` and non-empty
                                          ``sources`` are the statement's ``meta``
``scheme`` node named ``support`` (or     ``support`` from the atoms with an edge into it to
``inference``)                            the one node it has an edge to
``scheme`` node named ``attack`` (or      ``attack``; when its target is a scheme node that
``conflict``)                             became a relation, an undercut of that relation
other scheme nodes (``rephrase``,         kept verbatim in ``meta["sadface"]["nodes"]``
``preference``...), schemes without a
premise or with other than one target
``metadata.core.title``                   the title (else the file name's stem)
``metadata``, ``resources``               ``meta["sadface"]``
========================================  ==================================================

The mapping follows arguebuf's SADFace loader (atoms to atom nodes with their metadata,
schemes by name, edges between them), except that a name it leaves without a type
(``conflict``, the name SADFace's own tools write for an attack, and ``inference``) is an
attack or a support here. An edge naming no node, a node without ``id`` or ``type``, an atom
without ``text`` or a repeated ``id`` is an error with its line and column, never dropped.
Names match ignoring case. Kinds come from the structure (``docs/formats.md``).

Examples
--------
>>> m = loads_sadface('''{"metadata": {"core": {"title": "T"}}, "nodes": [
...   {"id": "a", "type": "atom", "text": "We should go.", "metadata": {}},
...   {"id": "b", "type": "atom", "text": "It is sunny.", "metadata": {}},
...   {"id": "s", "type": "scheme", "name": "support", "metadata": {}}],
...  "edges": [{"id": "e1", "source_id": "b", "target_id": "s"},
...            {"id": "e2", "source_id": "s", "target_id": "a"}]}''')
>>> [(r.id, r.type, r.sources, r.to) for r in m.relations]
[('s', 'support', ('b',), 'a')]
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from argmap.errors import MapValidationError, ParseError, Problem
from argmap.io._checks import check_statement_count
from argmap.io._jsonutil import decode_text, json_locator, parse_json, sniffed_json
from argmap.io._structure import kinds_from_structure, safe_id
from argmap.io.registry import Format, register
from argmap.limits import Limits, default_limits
from argmap.model import ArgumentMap
from argmap.source import SourceDocument
from argmap.validation import build_map

__all__ = ["SADFACE", "loads_sadface", "sniff_sadface"]

_RELATION_OF = {"support": "support", "inference": "support", "attack": "attack", "conflict": "attack"}


def sniff_sadface(data: bytes) -> bool:
    """Whether the bytes look like SADFace: ``nodes`` and ``edges`` lists with SADFace's keys.

    A document is SADFace when it has ``metadata.core`` (every SADFace document does, even an
    empty one), or its nodes have an atom or scheme ``type`` and no AIF ``nodeID``.

    Examples
    --------
    >>> sniff_sadface(b'{"edges": [], "nodes": [], "metadata": {"core": {"id": "x"}}, "resources": []}')
    True
    >>> sniff_sadface(b'{"nodes": [{"nodeID": "1", "type": "I", "text": "a"}], "edges": []}')
    False
    """
    obj = sniffed_json(data)
    if (
        not isinstance(obj, dict)
        or not isinstance(obj.get("nodes"), list)
        or not isinstance(obj.get("edges"), list)
    ):
        return False
    metadata = obj.get("metadata")
    if isinstance(metadata, dict) and isinstance(metadata.get("core"), dict):
        return True
    nodes = [node for node in obj["nodes"][:5] if isinstance(node, dict)]
    return bool(nodes) and all("nodeID" not in n and n.get("type") in ("atom", "scheme") for n in nodes)


def loads_sadface(
    text: str, name: str = "<string>", source: SourceDocument | None = None, limits: Limits | None = None
) -> ArgumentMap:
    """Read a SADFace JSON document into a map (the mapping is in the module documentation).

    Parameters
    ----------
    text : str
        The JSON text.
    name : str
        The file name, for messages; its stem is the title when the document has none.
    source : SourceDocument, optional
        Unused (SADFace carries no spans); accepted for the reader interface.
    limits : Limits, optional
        Nesting and statement count allowed (default :func:`~argmap.limits.default_limits`).

    Returns
    -------
    ArgumentMap

    Raises
    ------
    ParseError
        If the text is not JSON, not an object with ``nodes`` and ``edges`` lists, or is
        beyond a limit.
    MapValidationError
        If a node lacks ``id`` or ``type``, an atom lacks ``text``, an ``id`` repeats or an
        edge names no node; each problem with its line and column.

    Examples
    --------
    >>> text = '{"nodes": [],\\n "edges": [{"id": "e", "source_id": "a", "target_id": "b"}]}'
    >>> loads_sadface(text, name="x.json")
    Traceback (most recent call last):
    ...
    argmap.errors.MapValidationError: x.json:2:12: edges[0] names no node: 'a'
    x.json:2:12: edges[0] names no node: 'b'
    """
    limits = limits if limits is not None else default_limits()
    root = parse_json(text, name, limits)
    if (
        not isinstance(root, dict)
        or not isinstance(root.get("nodes"), list)
        or not isinstance(root.get("edges"), list)
    ):
        raise ParseError(
            [
                Problem(
                    "not SADFace: expected a JSON object with 'nodes' and 'edges' lists",
                    file=name,
                    line=1,
                    column=1,
                )
            ]
        )
    place = json_locator(text)  # each array is scanned once, and only when a place is asked for
    problems: list[Problem] = []

    def problem(message: str, where: str, index: int) -> None:
        line, column = place((where, index)) or (None, None)
        problems.append(Problem(message, file=name, line=line, column=column))

    nodes: dict[str, dict[str, Any]] = {}
    index_of: dict[str, int] = {}
    for index, node in enumerate(root["nodes"]):
        if (
            not isinstance(node, dict)
            or not isinstance(node.get("id"), str)
            or node.get("type") not in ("atom", "scheme")
        ):
            problem(f"nodes[{index}] needs a string 'id' and a 'type' of 'atom' or 'scheme'", "nodes", index)
        elif node["id"] in nodes:
            problem(f"nodes[{index}] repeats the id {node['id']!r}", "nodes", index)
        elif node["type"] == "atom" and not (isinstance(node.get("text"), str) and node["text"].strip()):
            problem(f"nodes[{index}] ({node['id']}) is an atom without 'text'", "nodes", index)
        else:
            nodes[node["id"]], index_of[node["id"]] = node, index
    into: dict[str, list[str]] = {key: [] for key in nodes}
    out_of: dict[str, list[str]] = {key: [] for key in nodes}
    for index, edge in enumerate(root["edges"]):
        ends = [edge.get("source_id"), edge.get("target_id")] if isinstance(edge, dict) else [None, None]
        missing = [end for end in ends if end not in nodes]
        for end in missing:
            problem(f"edges[{index}] names no node: {end!r}", "edges", index)
        start, end = (str(ends[0]), str(ends[1]))
        if not missing:
            out_of[start].append(end)
            into[end].append(start)
    if problems:
        raise MapValidationError(problems)

    taken: set[str] = set()
    ids = {key: safe_id(key, taken) for key in nodes}
    atoms = [key for key, node in nodes.items() if node["type"] == "atom"]
    relations: dict[str, dict[str, Any]] = {}
    for key, node in nodes.items():
        kind = _RELATION_OF.get(str(node.get("name", "")).lower()) if node["type"] == "scheme" else None
        premises = [p for p in into[key] if nodes[p]["type"] == "atom"]
        if kind is None or not premises or len(out_of[key]) != 1:
            continue
        item: dict[str, Any] = {"id": ids[key], "type": kind, "from": [ids[p] for p in premises]}
        item["target"] = out_of[key][0]
        meta = dict(node.get("metadata") or {})
        if node.get("name") not in ("support", "attack"):
            meta["name"] = node.get("name")
        if meta:
            item["meta"] = meta
        relations[key] = item
    for key, item in list(relations.items()):
        target = item.pop("target")
        if nodes[target]["type"] == "atom" or (item["type"] == "attack" and target in relations):
            item["to"] = ids[target]
        else:
            del relations[key]  # a support of a relation, or a target that is no relation: kept verbatim
    kept = [node for key, node in nodes.items() if node["type"] == "scheme" and key not in relations]
    statements: list[dict[str, Any]] = []
    for key in atoms:
        node = nodes[key]
        meta = dict(node.get("metadata") or {})
        if node.get("sources"):
            meta["sources"] = node["sources"]
        statements.append(
            {"id": ids[key], "kind": "claim", "text": node["text"], **({"meta": meta} if meta else {})}
        )
    kinds = kinds_from_structure(
        [s["id"] for s in statements], [(r["type"], r["from"], r["to"]) for r in relations.values()]
    )
    for statement in statements:
        statement["kind"] = kinds[statement["id"]]
    metadata: Any = root.get("metadata")
    core: Any = metadata.get("core") if isinstance(metadata, dict) else None
    title = core.get("title") if isinstance(core, dict) else None
    title = title if isinstance(title, str) and title.strip() else None
    sadface: dict[str, Any] = {k: v for k, v in root.items() if k not in ("nodes", "edges")}
    if kept:
        sadface["nodes"] = kept
    data: dict[str, Any] = {
        "argmap": 1,
        "title": title or (Path(name).stem if not name.startswith("<") else "SADFace map"),
        "statements": statements,
        "relations": list(relations.values()),
    }
    if sadface:
        data["meta"] = {"sadface": sadface}
    lines = {ids[key]: at for key in nodes if (at := place(("nodes", index_of[key]))) is not None}

    def locate(path: tuple[str | int, ...]) -> tuple[int, int] | None:
        if len(path) >= 2 and path[0] in ("statements", "relations") and isinstance(path[1], int):
            items = data[str(path[0])]
            return lines.get(items[path[1]]["id"]) if path[1] < len(items) else None
        return None

    check_statement_count(data, name, limits, locate)
    return build_map(data, file=name, locate=locate, source=source)


SADFACE = register(
    Format(
        name="sadface",
        suffixes=(".json",),
        description="SADFace JSON (read): atoms, support and conflict schemes, undercuts; "
        "metadata kept in meta",
        reader=lambda data, name, source, limits: loads_sadface(
            decode_text(data, name), name, source, limits
        ),
        sniff=sniff_sadface,
    )
)
