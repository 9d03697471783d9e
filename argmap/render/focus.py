"""The neighbourhood of a statement: the part of a large map worth drawing around it.

Distance counts relations: a statement is one hop from another when a relation joins them
(statement, relation, statement), whichever way it points; a linked relation joins all of
its premises and its target. Formally, on the graph whose nodes are statements and
relations (as in AIF), a statement within ``depth`` hops is within ``2 * depth`` steps. An
undercut joins its attacker to the relation it attacks, so that attacker is three steps,
two hops, from the statements of the attacked inference. A relation is kept when everything
it joins is kept, and nothing is dropped silently: every kept statement counts the relations
it has outside the neighbourhood, so a diagram can say "+2 relations not shown".

Examples
--------
>>> from argmap.model import ArgumentMap, Relation, Statement
>>> m = ArgumentMap(
...     title="Chain",
...     statements=[Statement(id=i, kind="premise", text=i) for i in ("A", "B", "C", "D")],
...     relations=[
...         Relation(id="AB", type="support", sources="A", to="B"),
...         Relation(id="BC", type="support", sources="B", to="C"),
...         Relation(id="CD", type="support", sources="C", to="D"),
...     ],
... )
>>> near = neighbourhood(m, "B", 1)
>>> [s.id for s in near.map.statements], [r.key for r in near.map.relations], near.hidden
(['A', 'B', 'C'], ['AB', 'BC'], {'C': 1})
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from argmap.errors import UsageError
from argmap.model import ArgumentMap

__all__ = ["Neighbourhood", "neighbourhood"]


@dataclass(frozen=True)
class Neighbourhood:
    """A sub-map around a statement, and what it leaves out.

    Attributes
    ----------
    map : ArgumentMap
        The statements within reach, in map order, and the relations among them; the main
        claim is kept only if it is within reach.
    center : str
        The statement the neighbourhood is around.
    depth : int
        Its radius, in relations.
    hidden : dict
        For each kept statement that has relations outside the neighbourhood, how many.
    """

    map: ArgumentMap
    center: str
    depth: int
    hidden: dict[str, int]


def neighbourhood(argument_map: ArgumentMap, center: str, depth: int) -> Neighbourhood:
    """The statements within ``depth`` relations of ``center``, and the relations among them.

    Parameters
    ----------
    argument_map : ArgumentMap
    center : str
        A statement id.
    depth : int
        How many relations away a statement may be (0: ``center`` alone).

    Returns
    -------
    Neighbourhood

    Raises
    ------
    UnknownIdError
        If ``center`` names no statement (the message suggests close ids).
    UsageError
        If ``depth`` is negative.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Relation, Statement
    >>> m = ArgumentMap(
    ...     title="Linked",
    ...     statements=[Statement(id=i, kind="premise", text=i) for i in ("P", "Q", "C")],
    ...     relations=[Relation(id="S", type="support", sources=["P", "Q"], to="C")],
    ... )
    >>> [s.id for s in neighbourhood(m, "P", 1).map.statements]
    ['P', 'Q', 'C']
    >>> neighbourhood(m, "P", 0).hidden
    {'P': 1}
    """
    argument_map.statement(center)  # raises UnknownIdError
    if depth < 0:
        raise UsageError(f"depth must be 0 or more, not {depth}")
    # A graph of statements and relations, as in AIF: a relation node sits between the
    # statements (and, for an undercut, the relation) it joins, so one hop is two steps.
    around: dict[str, list[str]] = {s.id: [] for s in argument_map.statements}
    for relation in argument_map.relations:
        around.setdefault(relation.key, [])
        for end in (*relation.sources, relation.to):
            around[relation.key].append(end)
            around.setdefault(end, []).append(relation.key)
    steps = {center: 0}
    queue = deque([center])
    while queue:
        node = queue.popleft()
        if steps[node] == 2 * depth:
            continue
        for other in around[node]:
            if other not in steps:
                steps[other] = steps[node] + 1
                queue.append(other)
    kept = {s.id for s in argument_map.statements if s.id in steps}
    kept_relations: set[str] = set()
    # An undercut is kept only once the relation it attacks is, so go round until nothing changes.
    changed = True
    while changed:
        changed = False
        for relation in argument_map.relations:
            if relation.key in kept_relations:
                continue
            if all(s in kept for s in relation.sources) and (
                relation.to in kept or relation.to in kept_relations
            ):
                kept_relations.add(relation.key)
                changed = True
    relations = [r for r in argument_map.relations if r.key in kept_relations]
    hidden: dict[str, int] = {}
    for statement in argument_map.statements:
        if statement.id in kept:
            outside = sum(1 for r in around[statement.id] if r not in kept_relations)
            if outside:
                hidden[statement.id] = outside
    # A new map, not model_copy: the copy would keep the original's cached id look-ups.
    sub = ArgumentMap(
        title=argument_map.title,
        main_claim=argument_map.main_claim if argument_map.main_claim in kept else None,
        source=argument_map.source,
        statements=tuple(s for s in argument_map.statements if s.id in kept),
        relations=tuple(relations),
    )
    return Neighbourhood(map=sub, center=center, depth=depth, hidden=hidden)
