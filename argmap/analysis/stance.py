"""Stance: which side of the claim each statement argues, from the parity of attacks.

A statement that supports the claim is *pro*, one that attacks it *con*; a statement that
supports a con statement is con too, and one that attacks a con statement is pro (a reply
to an objection argues for the claim). An undercut attacks an inference, so its attacker
argues against the side of that inference's sources. A statement reached by paths of both
parities is ``both``; one with no path to the claim is ``none``.

The sides are computed on walks rather than simple paths: a breadth-first search over
(statement or relation, parity) pairs, linear in the map's size (deciding the parity of
simple paths is NP-hard in general). The two differ only where a path can go round a cycle
with an odd number of attacks, which makes the statements on it ``both``.

Examples
--------
>>> from argmap.model import ArgumentMap, Relation, Statement
>>> m = ArgumentMap(title="T", main_claim="C", statements=[
...     Statement(id="C", kind="claim", text="Take an umbrella."),
...     Statement(id="O", kind="rebuttal", text="The sky is clear."),
...     Statement(id="A", kind="rebuttal", text="The forecast says rain.")],
...     relations=[Relation(id="R1", type="attack", sources="O", to="C"),
...                Relation(id="R2", type="attack", sources="A", to="O")])
>>> stance(m).sides
{'C': 'pro', 'O': 'con', 'A': 'pro'}
"""

from __future__ import annotations

from collections import deque

from argmap.analysis.results import Side, Stance
from argmap.model import ArgumentMap, Relation, default_claim

__all__ = ["stance"]


def stance(argument_map: ArgumentMap, claim: str | None = None) -> Stance:
    """The side of the claim every statement of ``argument_map`` argues.

    Parameters
    ----------
    argument_map : ArgumentMap
    claim : str, optional
        The claim sides are taken relative to; defaults to the map's main claim, else its
        first claim.

    Returns
    -------
    Stance
        ``sides`` holds every statement, in map order: ``pro``, ``con``, ``both`` or ``none``.

    Raises
    ------
    UnknownIdError
        If ``claim`` names no statement.
    UsageError
        If no claim is given and the map has no statements.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Relation, Statement
    >>> m = ArgumentMap(title="T", statements=[
    ...     Statement(id="C", kind="claim", text="c"),
    ...     Statement(id="P", kind="premise", text="p"),
    ...     Statement(id="U", kind="rebuttal", text="u"),
    ...     Statement(id="X", kind="premise", text="x")],
    ...     relations=[Relation(id="S", type="support", sources="P", to="C"),
    ...                Relation(id="A", type="attack", sources="U", to="S")])
    >>> stance(m, "C").sides
    {'C': 'pro', 'P': 'pro', 'U': 'con', 'X': 'none'}
    """
    root = claim if claim is not None else default_claim(argument_map)
    argument_map.statement(root)  # raises UnknownIdError for an unknown claim
    into: dict[str, list[Relation]] = {}
    for relation in argument_map.relations:
        into.setdefault(relation.to, []).append(relation)
    # parity 0: argues for the claim; 1: against. A relation's parity is that of its sources.
    reached: set[tuple[str, int]] = {(root, 0)}
    queue: deque[tuple[str, int]] = deque(reached)
    while queue:
        target, parity = queue.popleft()
        for relation in into.get(target, ()):
            # Into a statement: a support shares its side, an attack takes the other. Into a
            # relation (an undercut): the attacker argues against the inference's side.
            flip = 1 if relation.type == "attack" else 0
            side = parity ^ flip
            steps = [(relation.key, side), *((source, side) for source in relation.sources)]
            for step in steps:
                if step not in reached:
                    reached.add(step)
                    queue.append(step)
    sides: dict[str, Side] = {}
    for statement in argument_map.statements:
        pro, con = (statement.id, 0) in reached, (statement.id, 1) in reached
        sides[statement.id] = "both" if pro and con else "pro" if pro else "con" if con else "none"
    return Stance(claim=root, sides=sides).drawn_on(argument_map)
