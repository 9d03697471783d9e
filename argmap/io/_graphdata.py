"""From a networkx graph in argmap's layout to a map, with every problem and its line.

The graph readers (GraphML, node-link JSON) build a graph and hand it to
:func:`argmap.graph.from_networkx`. When that fails, the graph is diagnosed here instead:
turned into map data, node by node, and validated by :func:`argmap.validation.build_map`,
so that every problem is reported with the line of its node.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import networkx as nx
import pydantic

from argmap.errors import MapValidationError, Problem
from argmap.graph import from_networkx
from argmap.model import ArgumentMap
from argmap.validation import build_map

__all__ = ["map_from_graph"]

LocateNode = Callable[[str], int | None]


def map_from_graph(
    graph: nx.DiGraph[Any], name: str, locate_node: LocateNode, graph_line: int | None = None
) -> ArgumentMap:
    """The map a graph encodes, or a :class:`MapValidationError` listing every problem with its line.

    ``graph_line`` is where the file declares the graph: the line of problems with the
    map's own attributes (its title, an unknown key).
    """
    try:
        return from_networkx(graph)
    except (pydantic.ValidationError, MapValidationError, TypeError, ValueError, KeyError, AttributeError):
        pass
    data, problems, order = _graph_data(graph, name, locate_node)

    def locate(path: tuple[str | int, ...]) -> tuple[int, int] | None:
        if len(path) >= 2 and isinstance(path[1], int) and path[0] in order:
            nodes = order[str(path[0])]
            if path[1] < len(nodes):
                line = locate_node(nodes[path[1]])
                return (line, 1) if line is not None else None
        if graph_line is not None and (not path or path[0] not in order):
            return (graph_line, 1)
        return None

    if problems:
        raise MapValidationError(problems)
    return build_map(data, file=name, locate=locate)


def _graph_data(
    graph: nx.DiGraph[Any], name: str, locate_node: LocateNode
) -> tuple[dict[str, Any], list[Problem], dict[str, list[str]]]:
    problems: list[Problem] = []
    statements: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    order: dict[str, list[str]] = {"statements": [], "relations": []}
    for node, attrs in graph.nodes(data=True):
        key = str(node)
        element = attrs.get("element")
        fields = {k: v for k, v in attrs.items() if k != "element"}
        if element == "statement":
            span = fields.get("span")
            if isinstance(span, list | tuple) and len(span) == 2:
                fields["span"] = {"start": span[0], "end": span[1]}
            statements.append({"id": node, **fields})
            order["statements"].append(key)
        elif element == "relation":
            premises = sorted(
                ((index if type(index := data.get("index", 0)) is int else 0), str(source))
                for source, _, data in graph.in_edges(node, data=True)
                if data.get("role") == "premise"
            )
            conclusions = [
                t for _, t, data in graph.out_edges(node, data=True) if data.get("role") == "conclusion"
            ]
            if len(conclusions) != 1:
                problems.append(
                    Problem(
                        f"relation node has {len(conclusions)} conclusion edges, expected 1",
                        file=name,
                        line=locate_node(key),
                        id=key,
                    )
                )
                continue
            relations.append({"id": node, **fields, "from": [s for _, s in premises], "to": conclusions[0]})
            order["relations"].append(key)
        else:
            problems.append(
                Problem(
                    f"node has element={element!r}, expected 'statement' or 'relation'",
                    file=name,
                    line=locate_node(key),
                    id=key,
                )
            )
    header: Mapping[str, Any] = graph.graph
    data: dict[str, Any] = {"argmap": 1, **{k: v for k, v in header.items() if k not in ("argmap",)}}
    data["statements"] = statements
    data["relations"] = relations
    return data, problems, order
