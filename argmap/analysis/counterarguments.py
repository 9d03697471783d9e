"""Counterarguments to a claim, and whether the map answers them.

A counterargument is an attack relation aimed at the claim itself (a *rebut*), at a
statement the claim rests on through support (an *undermine*), or at one of the support
relations of that tree (an *undercut*). Attacks on attackers are defences, not
counterarguments, and are not listed.

Its status comes from the grounded labelling of the attack relation (which is ``in``
exactly when all its premises are ``in`` and nothing undercuts it): ``out`` means
*answered* (``answered_by`` names the accepted statements whose attacks defeat it),
``in`` means *standing*, ``undec`` means *contested*.

Examples
--------
>>> import argmap
>>> m = argmap.loads('''
... argmap: 1
... title: T
... main_claim: C
... statements:
...   - {id: C, kind: claim, text: c}
...   - {id: R, kind: rebuttal, text: r}
...   - {id: D, kind: rebuttal, text: d}
... relations:
...   - {id: A1, type: attack, from: R, to: C}
...   - {id: A2, type: attack, from: D, to: R}
... ''')
>>> [(c.attacker, c.kind, c.status, c.answered_by) for c in counterarguments(m)]
[('R', 'rebut', 'answered', ('D',))]
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.analysis.acceptability import grounded_labels
from argmap.analysis.chains import SupportStructure, support_structure
from argmap.analysis.results import Counterargument, Label
from argmap.model import ArgumentMap

__all__ = ["counterarguments"]

_STATUS: dict[str, str] = {"out": "answered", "in": "standing", "undec": "contested"}


def counterarguments(
    argument_map: ArgumentMap, claim: str | None = None, *, support: str = "none"
) -> tuple[Counterargument, ...]:
    """Every attack on ``claim``, its support tree or its inferences, with its status.

    Parameters
    ----------
    argument_map : ArgumentMap
    claim : str, optional
        Defaults to the map's main claim.
    support : {"none", "deductive", "necessary"}
        How supports add attacks in the grounded labelling that decides the status.

    Returns
    -------
    tuple of Counterargument
        In map order of the attack relations.

    Raises
    ------
    UnknownIdError
        If ``claim`` names no statement.
    """
    structure = support_structure(argument_map, claim)
    return _counterarguments_from(argument_map, structure, grounded_labels(argument_map, support=support))


def _counterarguments_from(
    argument_map: ArgumentMap, structure: SupportStructure, labels: Mapping[str, Label]
) -> tuple[Counterargument, ...]:
    """The counterarguments, from a support structure and grounded labels already computed."""
    claim = structure.names[structure.dag.root]
    tree = structure.tree
    inferences = {r.key for r in argument_map.relations if r.type == "support" and r.to in tree}
    attacks_on: dict[str, list[str]] = {}
    for relation in argument_map.relations:
        if relation.type == "attack":
            attacks_on.setdefault(relation.to, []).append(relation.key)
    found = []
    for relation in argument_map.relations:
        if relation.type != "attack":
            continue
        if relation.to == claim:
            kind = "rebut"
        elif relation.to in inferences:
            kind = "undercut"
        elif relation.to in tree:
            kind = "undermine"
        else:
            continue
        label = labels.get(relation.key, "undec")
        answered_by: tuple[str, ...] = ()
        if label == "out":
            answered_by = _defeaters(argument_map, relation.key, attacks_on, labels)
        found.append(
            Counterargument(
                attacker=relation.sources[0],
                attackers=relation.sources,
                target=relation.to,
                relation=relation.key,
                kind=kind,
                status=_STATUS[label],
                answered_by=answered_by,
            )
        )
    return tuple(found)


def _defeaters(
    argument_map: ArgumentMap, attack: str, attacks_on: Mapping[str, list[str]], labels: Mapping[str, Label]
) -> tuple[str, ...]:
    """Accepted statements whose attacks (on the attack itself or on its premises) are accepted."""
    relation = argument_map.relation(attack)
    targets = [attack, *relation.sources]
    names: dict[str, None] = {}
    for target in targets:
        for defeater in attacks_on.get(target, ()):
            if labels.get(defeater) == "in":
                names.update(dict.fromkeys(argument_map.relation(defeater).sources))
    return tuple(names)
