"""Argument maps as networkx graphs, and back.

In the graph, relations are nodes of their own, as AIF's scheme nodes are, so that
a linked argument (several premises, one inference) and an undercut (an attack on
an inference) survive the conversion:

* a **statement node** has ``element="statement"`` and the attributes ``kind``,
  ``text``, and where set ``span`` (a ``(start, end)`` tuple), ``weight``, ``tags``
  (a tuple), ``section``, ``note``, ``answers`` (a tuple of ``{"relation", "question"}`` dicts);
* a **relation node** has ``element="relation"`` and ``type`` (``"support"`` or
  ``"attack"``), and where set ``weight``, ``scheme``, ``note``, ``answers``, ``meta``;
* an edge from each source statement to its relation node has ``role="premise"`` and
  ``index`` (the source's position in ``from``); one edge from the relation node to
  its target (a statement, or a relation for an undercut) has ``role="conclusion"``;
* the graph attributes hold ``title``, and where set ``main_claim``, ``source``
  (a dict of the source's fields), ``tests`` (a list of dicts, as in the file) and ``meta``.

Node ids are the statement and relation ids, which share one namespace.
:func:`from_networkx` reverses :func:`to_networkx` exactly, including the order of
statements and relations (networkx keeps insertion order).

Examples
--------
>>> from argmap.model import ArgumentMap, Statement, Relation
>>> m = ArgumentMap(
...     title="T",
...     statements=[Statement(id=i, kind="premise", text=i) for i in ("A", "B", "C")],
...     relations=[Relation(id="R", type="support", sources=["A", "B"], to="C")],
... )
>>> g = to_networkx(m)
>>> sorted(g.predecessors("R")), list(g.successors("R"))
(['A', 'B'], ['C'])
>>> from_networkx(g) == m
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import networkx as nx

from argmap.errors import MapValidationError, Problem
from argmap.model import Answer, ArgumentMap
from argmap.validation import build_map

__all__ = ["LocateNode", "from_networkx", "statement_graph", "to_networkx"]

LocateNode = Callable[[str], int | None]

_MAP_ATTRIBUTES = ("title", "main_claim", "source", "tests", "meta")
_STATEMENT_FIELDS = ("weight", "section", "note", "meta")
_RELATION_FIELDS = ("weight", "scheme", "note", "meta")


def to_networkx(argument_map: ArgumentMap) -> nx.DiGraph[str]:
    """The map as a directed graph with a node per statement and per relation.

    Parameters
    ----------
    argument_map : ArgumentMap

    Returns
    -------
    networkx.DiGraph
        Laid out as the module documentation describes.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Statement, Relation
    >>> m = ArgumentMap(title="T", statements=[Statement(id="A", kind="claim", text="a"),
    ...     Statement(id="B", kind="rebuttal", text="b")],
    ...     relations=[Relation(id="R1", type="attack", sources="B", to="A")])
    >>> g = to_networkx(m)
    >>> g.nodes["R1"]["type"], g.edges["B", "R1"]["role"]
    ('attack', 'premise')
    """
    graph: nx.DiGraph[str] = nx.DiGraph(title=argument_map.title)
    if argument_map.main_claim is not None:
        graph.graph["main_claim"] = argument_map.main_claim
    if argument_map.source is not None:
        graph.graph["source"] = argument_map.source.model_dump(exclude_none=True)
    if argument_map.tests:
        graph.graph["tests"] = [t.model_dump(mode="json", exclude_none=True) for t in argument_map.tests]
    if argument_map.meta is not None:
        graph.graph["meta"] = argument_map.meta
    for statement in argument_map.statements:
        attrs: dict[str, Any] = {"element": "statement", "kind": statement.kind, "text": statement.text}
        if statement.span is not None:
            attrs["span"] = (statement.span.start, statement.span.end)
        if statement.tags:
            attrs["tags"] = statement.tags
        if statement.answers:
            attrs["answers"] = _answers(statement.answers)
        for name in _STATEMENT_FIELDS:
            value = getattr(statement, name)
            if value is not None:
                attrs[name] = value
        graph.add_node(statement.id, **attrs)
    for relation in argument_map.relations:
        attrs = {"element": "relation", "type": relation.type}
        for name in _RELATION_FIELDS:
            value = getattr(relation, name)
            if value is not None:
                attrs[name] = value
        if relation.answers:
            attrs["answers"] = _answers(relation.answers)
        graph.add_node(relation.key, **attrs)
    for relation in argument_map.relations:
        for index, source in enumerate(relation.sources):
            graph.add_edge(source, relation.key, role="premise", index=index)
        graph.add_edge(relation.key, relation.to, role="conclusion")
    return graph


def _answers(answers: tuple[Answer, ...]) -> tuple[dict[str, str], ...]:
    return tuple(answer.model_dump() for answer in answers)


def from_networkx(
    graph: nx.DiGraph[Any],
    *,
    name: str | None = None,
    locate_node: LocateNode | None = None,
    graph_line: int | None = None,
) -> ArgumentMap:
    """The map a graph in the layout of :func:`to_networkx` encodes: argmap's one graph decoder.

    The graph becomes map data, node by node, validated by
    :func:`argmap.validation.build_map` as a map file is; the graph readers (GraphML,
    node-link JSON) pass where each node is in their file, so that every problem has
    its line.

    Parameters
    ----------
    graph : networkx.DiGraph
    name : str, optional
        The file the graph was read from, for messages.
    locate_node : callable, optional
        A node's id to its 1-based line in that file (or ``None``).
    graph_line : int, optional
        The line where the file declares the graph: the line of problems with the map's
        own attributes (its title, an unknown key).

    Returns
    -------
    ArgumentMap

    Raises
    ------
    MapValidationError
        Listing every problem: a node without ``element``, a relation node without exactly
        one conclusion edge, an attribute of the wrong type, or a map that is invalid.

    Examples
    --------
    >>> g = nx.DiGraph(title="T")
    >>> g.add_node("A", element="statement", kind="claim", text="a")
    >>> from_networkx(g).statements[0].text
    'a'
    >>> g.add_node(3, element="statement", kind="claim", text="b")
    >>> from_networkx(g)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.MapValidationError: ...: id: ...
    """
    locate_line = locate_node if locate_node is not None else _nowhere
    data, problems, order = _graph_data(graph, name, locate_line)

    def locate(path: tuple[str | int, ...]) -> tuple[int, int] | None:
        if len(path) >= 2 and isinstance(path[1], int) and path[0] in order:
            nodes = order[str(path[0])]
            if path[1] < len(nodes):
                line = locate_line(nodes[path[1]])
                return (line, 1) if line is not None else None
        if graph_line is not None and (not path or path[0] not in order):
            return (graph_line, 1)
        return None

    if problems:
        raise MapValidationError(problems)
    return build_map(data, file=name, locate=locate)


def _nowhere(node: str) -> int | None:
    return None


def _graph_data(
    graph: nx.DiGraph[Any], name: str | None, locate_node: LocateNode
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
    # Only the map's own attributes: networkx and the file formats add theirs (GraphML's node_default).
    data: dict[str, Any] = {"argmap": 1, **{k: v for k, v in header.items() if k in _MAP_ATTRIBUTES}}
    data["statements"] = statements
    data["relations"] = relations
    return data, problems, order


def statement_graph(argument_map: ArgumentMap, relation_type: str = "support") -> nx.DiGraph[str]:
    """The statement-level graph of one relation type: an edge from each source to its target.

    Undercuts (attacks on relations) have no statement target and are left out. Each
    edge's ``relation`` attribute names the relation it comes from.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Statement, Relation
    >>> m = ArgumentMap(title="T",
    ...     statements=[Statement(id=i, kind="premise", text=i) for i in "ABC"],
    ...     relations=[Relation(id="R", type="support", sources=["A", "B"], to="C")])
    >>> sorted(statement_graph(m).edges)
    [('A', 'C'), ('B', 'C')]
    """
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(s.id for s in argument_map.statements)
    for relation in argument_map.relations:
        if relation.type == relation_type and argument_map.has_statement(relation.to):
            for source in relation.sources:
                graph.add_edge(source, relation.to, relation=relation.key)
    return graph
