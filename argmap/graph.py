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

from typing import Any

import networkx as nx

from argmap.errors import MapValidationError, Problem
from argmap.model import Answer, ArgumentMap, Relation, Source, Span, Statement

__all__ = ["from_networkx", "statement_graph", "to_networkx"]

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


def from_networkx(graph: nx.DiGraph[str]) -> ArgumentMap:
    """The map a graph in the layout of :func:`to_networkx` encodes.

    Parameters
    ----------
    graph : networkx.DiGraph

    Returns
    -------
    ArgumentMap

    Raises
    ------
    MapValidationError
        If a node lacks ``element`` or a relation node lacks exactly one conclusion
        edge, or the resulting map is invalid.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.DiGraph(title="T")
    >>> g.add_node("A", element="statement", kind="claim", text="a")
    >>> from_networkx(g).statements[0].text
    'a'
    """
    problems: list[Problem] = []
    statements: list[Statement] = []
    relations: list[Relation] = []
    for node, attrs in graph.nodes(data=True):
        element = attrs.get("element")
        if element == "statement":
            fields = {k: v for k, v in attrs.items() if k != "element"}
            if "span" in fields:
                start, end = fields["span"]
                fields["span"] = Span(start=start, end=end)
            statements.append(Statement(id=node, **fields))
        elif element == "relation":
            premises = sorted(
                (data.get("index", 0), source)
                for source, _, data in graph.in_edges(node, data=True)
                if data.get("role") == "premise"
            )
            conclusions = [
                t for _, t, data in graph.out_edges(node, data=True) if data.get("role") == "conclusion"
            ]
            if len(conclusions) != 1:
                problems.append(
                    Problem(
                        f"relation node has {len(conclusions)} conclusion edges, expected 1", id=str(node)
                    )
                )
                continue
            fields = {k: v for k, v in attrs.items() if k != "element"}
            relations.append(
                Relation(id=node, sources=tuple(s for _, s in premises), to=conclusions[0], **fields)
            )
        else:
            problems.append(
                Problem(f"node has element={element!r}, expected 'statement' or 'relation'", id=str(node))
            )
    if problems:
        raise MapValidationError(problems)
    source = graph.graph.get("source")
    return ArgumentMap(
        title=graph.graph.get("title", ""),
        main_claim=graph.graph.get("main_claim"),
        source=Source(**source) if source is not None else None,
        meta=graph.graph.get("meta"),
        statements=statements,
        relations=relations,
        tests=graph.graph.get("tests", ()),
    )


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
