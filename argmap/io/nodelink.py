"""networkx node-link JSON: the graph of :func:`argmap.graph.to_networkx`, as ``node_link_data`` writes it.

The layout is that of ``docs/format.md`` (section "As a networkx graph"): a node per
statement and per relation (``element``), premise edges with ``role`` and ``index``,
one conclusion edge per relation; the map's title, main claim, source and meta are the
graph attributes. A statement's ``span`` is a two-number list. Everything is carried.
Reading accepts ``links`` as well as ``edges`` (older networkx writes ``links``).

Examples
--------
>>> from argmap.model import ArgumentMap, Relation, Statement
>>> m = ArgumentMap(title="T", statements=[Statement(id="C", kind="claim", text="c"),
...     Statement(id="P", kind="premise", text="p")],
...     relations=[Relation(id="S1", type="support", sources="P", to="C")])
>>> loads_node_link(dumps_node_link(m)) == m
True
"""

from __future__ import annotations

import json
import re
from typing import Any

import networkx as nx

from argmap.errors import MapValidationError, ParseError, Problem
from argmap.graph import from_networkx, to_networkx
from argmap.io._jsonutil import decode_text, item_lines, line_of, parse_json, sniffed_json
from argmap.io.registry import Format, register
from argmap.limits import Limits, default_limits
from argmap.model import ArgumentMap
from argmap.source import SourceDocument
from argmap.validation import build_map

__all__ = ["NODE_LINK", "dumps_node_link", "loads_node_link", "sniff_node_link"]


def sniff_node_link(data: bytes) -> bool:
    """Whether the bytes look like node-link JSON: ``nodes``, ``edges``/``links``, ``directed`` or ``graph``.

    Examples
    --------
    >>> sniff_node_link(b'{"directed": true, "graph": {}, "nodes": [], "edges": []}')
    True
    >>> sniff_node_link(b'{"nodes": [], "edges": []}')
    False
    """
    obj = sniffed_json(data)
    return (
        isinstance(obj, dict)
        and "argmap" not in obj
        and isinstance(obj.get("nodes"), list)
        and isinstance(obj.get("edges", obj.get("links")), list)
        and ("directed" in obj or "graph" in obj)
    )


def _is_id(value: Any) -> bool:
    return isinstance(value, str | int) and not isinstance(value, bool)


def loads_node_link(
    text: str, name: str = "<string>", source: SourceDocument | None = None, limits: Limits | None = None
) -> ArgumentMap:
    """Read node-link JSON in argmap's graph layout.

    Parameters
    ----------
    text : str
        The JSON text.
    name : str
        The file name, for messages.
    source : SourceDocument, optional
        When given, spans and ``source.sha256`` are checked against it.
    limits : Limits, optional
        Nesting and statement count allowed (default :func:`~argmap.limits.default_limits`).

    Returns
    -------
    ArgumentMap

    Raises
    ------
    ParseError
        If the text is not JSON or not node-link shaped, or is beyond a limit.
    MapValidationError
        If a node or edge breaks the layout, or the map is invalid; with lines.

    Examples
    --------
    >>> loads_node_link('{"graph": {"title": "T"}, "nodes": [{"id": "A", "element": "x"}], "edges": []}')
    Traceback (most recent call last):
    ...
    argmap.errors.MapValidationError: <string>:1: A: node has element='x', expected 'statement' or 'relation'
    """
    limits = limits if limits is not None else default_limits()
    obj = parse_json(text, name, limits)
    if not isinstance(obj, dict) or not isinstance(obj.get("nodes"), list):
        raise ParseError(
            [Problem("not node-link JSON: expected an object with a 'nodes' list", file=name, line=1)]
        )
    limits.check_statements(
        sum(1 for node in obj["nodes"] if isinstance(node, dict) and node.get("element") == "statement"), name
    )
    edges = obj.get("edges", obj.get("links", []))
    header = obj.get("graph", {})
    if not isinstance(edges, list) or not isinstance(header, dict):
        raise ParseError(
            [Problem("not node-link JSON: 'edges' must be a list, 'graph' an object", file=name, line=1)]
        )

    def locate_node(key: str) -> int | None:
        return line_of(text, rf'"id"\s*:\s*{_json_pattern(key)}')

    def item_line(key: str, index: int) -> int:
        """The line of an item of the ``key`` list, else of the list (problems always have a line)."""
        lines = item_lines(text, key)
        return lines[index] if index < len(lines) else (line_of(text, f'"{key}"') or 1)

    edge_key = "edges" if "edges" in obj else "links"

    problems: list[Problem] = []
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.graph.update(header)
    for index, node in enumerate(obj["nodes"]):
        if not isinstance(node, dict) or not _is_id(node.get("id")):
            problems.append(
                Problem(f"nodes[{index}]: a node needs an 'id'", file=name, line=item_line("nodes", index))
            )
            continue
        key = str(node["id"])
        if key in graph:
            problems.append(Problem(f"duplicate node id {key!r}", file=name, line=locate_node(key), id=key))
            continue
        graph.add_node(key, **{k: v for k, v in node.items() if k != "id"})
    for index, edge in enumerate(edges):
        ends = (edge.get("source"), edge.get("target")) if isinstance(edge, dict) else (None, None)
        if not all(_is_id(end) for end in ends):
            message = f"{edge_key}[{index}]: an edge needs 'source' and 'target'"
            problems.append(Problem(message, file=name, line=item_line(edge_key, index)))
            continue
        assert isinstance(edge, dict)
        source_key, target_key = str(ends[0]), str(ends[1])
        missing = [end for end in (source_key, target_key) if end not in graph]
        if missing:
            message = f"{edge_key}[{index}] names no node: {missing[0]!r}"
            problems.append(Problem(message, file=name, line=item_line(edge_key, index)))
            continue
        graph.add_edge(
            source_key, target_key, **{k: v for k, v in edge.items() if k not in ("source", "target")}
        )
    if problems:
        raise MapValidationError(problems)
    argument_map = from_networkx(
        graph, name=name, locate_node=locate_node, graph_line=line_of(text, r"\"graph\"\s*:") or 1
    )
    if source is not None:
        return build_map(argument_map.to_data(), file=name, source=source)
    return argument_map


def _json_pattern(key: str) -> str:
    return re.escape(json.dumps(key, ensure_ascii=False))


def dumps_node_link(argument_map: ArgumentMap) -> str:
    """The map's graph (:func:`argmap.graph.to_networkx`) as node-link JSON, deterministic.

    Examples
    --------
    >>> print(dumps_node_link(ArgumentMap(title="T")), end="")
    {
      "directed": true,
      "multigraph": false,
      "graph": {
        "title": "T"
      },
      "nodes": [],
      "edges": []
    }
    """
    data = nx.node_link_data(to_networkx(argument_map), edges="edges")
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


NODE_LINK = register(
    Format(
        name="node-link",
        suffixes=(".json",),
        description="networkx node-link JSON of the map's graph (relations as nodes): carries everything",
        reader=lambda data, name, source, limits: loads_node_link(
            decode_text(data, name), name, source, limits
        ),
        writer=lambda argument_map: dumps_node_link(argument_map).encode("utf-8"),
        sniff=sniff_node_link,
    )
)
