"""From an argument map to an attack framework (see ``docs/semantics.md``).

Every statement and every relation of the map becomes an argument, named by its id.
With ``support="none"`` the attacks are:

1. an attack relation ``r`` with target ``x`` (a statement, or a relation for an
   undercut) attacks ``x``: ``r -> x``;
2. every relation ``q`` inherits the attackers of its sources: if ``a -> s`` by rule 1
   and ``s`` is a source of ``q``, then ``a -> q``.

So a relation is ``in`` exactly when all its sources are ``in`` and all its undercuts
are ``out``, and an attack whose source is defeated defeats nothing.

``support="deductive"`` and ``support="necessary"`` add the attacks that bipolar
argumentation derives from support (Cayrol & Lagasquie-Schiex 2013, *Bipolarity in
argumentation graphs: towards a better understanding*, IJAR 54(7); Nouioua & Risch
2010, *Bipolar argumentation frameworks with specialized supports*, ICTAI). The
support graph ``=>`` has an edge ``q => t`` for each support relation ``q`` with target
``t`` (the relation argument stands for its joint sources) and ``s => q`` for a source
``s`` of a relation ``q``:

* deductive (``a => b``: if ``a`` is accepted, so is ``b``): only for support relations,
  and only when ``s`` is the *only* source (a premise of a linked argument does not
  carry it alone);
* necessary (``a => b``: ``b`` cannot be accepted without ``a``): for every source of every
  relation, support or attack (each premise of a linked argument is necessary).

With ``=>+`` the transitive closure, ``->`` the attacks of rules 1-2, and ``x ~> c``
meaning ``x -> c`` or ``x`` is the only source of an attack relation on ``c``:

* deductive: *supported* attack ``a =>+ x ~> c`` gives ``a -> c``; *mediated* attack
  ``a =>+ x``, ``c -> x`` gives ``c -> a``;
* necessary: *secondary* attack ``c -> x =>+ b`` gives ``c -> b``; *extended* attack
  ``x =>+ a``, ``x ~> c`` gives ``a -> c``.

Examples
--------
>>> from argmap.model import ArgumentMap, Relation, Statement
>>> m = ArgumentMap(
...     title="T",
...     statements=[Statement(id=i, kind="premise", text=i) for i in ("A", "B", "C")],
...     relations=[Relation(id="s", type="support", sources="A", to="B"),
...                Relation(id="r", type="attack", sources="C", to="B")],
... )
>>> sorted(framework_of_map(m).attack_pairs())
[('r', 'B')]
>>> sorted(framework_of_map(m, support="deductive").attack_pairs())
[('r', 'A'), ('r', 'B'), ('r', 's')]
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.errors import UsageError
from argmap.limits import Limits, default_limits
from argmap.model import ArgumentMap
from argmap.semantics.framework import AttackFramework, SupportMode

__all__ = ["SUPPORT_MODES", "framework_of_map"]

SUPPORT_MODES: tuple[SupportMode, ...] = ("none", "deductive", "necessary")

Edges = set[tuple[str, str]]


def framework_of_map(
    argument_map: ArgumentMap, *, support: SupportMode | str = "none", limits: Limits | None = None
) -> AttackFramework:
    """The attack framework of a map: statements and relations as arguments.

    Parameters
    ----------
    argument_map : ArgumentMap
    support : {"none", "deductive", "necessary"}
        How support relations add attacks (see the module docstring).
    limits : Limits, optional
        Its ``max_attacks`` bounds the attacks (and support reaches) built; by default
        :func:`argmap.limits.default_limits`.

    Returns
    -------
    AttackFramework
        Argument names are the statement and relation ids.

    Raises
    ------
    UsageError
        If ``support`` is not one of the three modes.
    LimitError
        If the framework would have more than ``limits.max_attacks`` attacks: counted
        before they are built (a map of 163k attacks on 700 statements derives ~38M).

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Relation, Statement
    >>> m = ArgumentMap(
    ...     title="T",
    ...     statements=[Statement(id=i, kind="premise", text=i) for i in ("P", "C", "R")],
    ...     relations=[Relation(id="s", type="support", sources="P", to="C"),
    ...                Relation(id="r", type="attack", sources="R", to="P")],
    ... )
    >>> sorted(framework_of_map(m, support="necessary").attack_pairs())
    [('r', 'C'), ('r', 'P'), ('r', 's')]
    """
    if support not in SUPPORT_MODES:
        raise UsageError(f"unknown support mode {support!r}; known modes: {', '.join(SUPPORT_MODES)}")
    limits = limits if limits is not None else default_limits()
    names = [s.id for s in argument_map.statements] + [r.key for r in argument_map.relations]
    attacks = _base_attacks(argument_map, limits)
    if support != "none":
        supports = _support_edges(argument_map, support)
        lone_attacks = {
            (r.sources[0], r.to) for r in argument_map.relations if r.type == "attack" and len(r.sources) == 1
        }
        attacks |= _derived_attacks(names, attacks, attacks | lone_attacks, supports, support, limits)
    return AttackFramework(names, sorted(attacks))


def _base_attacks(argument_map: ArgumentMap, limits: Limits) -> Edges:
    attacks: Edges = set()
    attackers_of: dict[str, list[str]] = {}
    for relation in argument_map.relations:
        if relation.type == "attack":
            attacks.add((relation.key, relation.to))
            attackers_of.setdefault(relation.to, []).append(relation.key)
    inherited = sum(len(attackers_of.get(s, ())) for r in argument_map.relations for s in r.sources)
    limits.check_attacks(len(attacks) + inherited)
    for relation in argument_map.relations:
        for source in relation.sources:
            attacks.update((attacker, relation.key) for attacker in attackers_of.get(source, ()))
    return attacks


def _support_edges(argument_map: ArgumentMap, support: str) -> Edges:
    edges: Edges = set()
    for relation in argument_map.relations:
        if relation.type == "support":
            edges.add((relation.key, relation.to))
            if support == "necessary" or len(relation.sources) == 1:
                edges.update((source, relation.key) for source in relation.sources)
        elif support == "necessary":
            edges.update((source, relation.key) for source in relation.sources)
    return edges


def _reach(names: Iterable[str], edges: Edges, limits: Limits) -> dict[str, set[str]]:
    """``result[a]``: every ``b`` with ``a =>+ b`` (their number bounded by ``max_attacks``)."""
    total = 0
    successors: dict[str, list[str]] = {}
    for a, b in edges:
        successors.setdefault(a, []).append(b)
    reach: dict[str, set[str]] = {}
    for start in names:
        seen: set[str] = set()
        stack = list(successors.get(start, ()))
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                stack.extend(successors.get(node, ()))
        reach[start] = seen
        total += len(seen)
        limits.check_attacks(total)
    return reach


def _derived_attacks(
    names: list[str], attacks: Edges, reaches: Edges, supports: Edges, support: str, limits: Limits
) -> Edges:
    reach = _reach(names, supports, limits)
    attackers_of: dict[str, set[str]] = {}
    for a, b in attacks:
        attackers_of.setdefault(b, set()).add(a)
    reached_by: dict[str, set[str]] = {}
    for a, b in reaches:
        reached_by.setdefault(a, set()).add(b)
    derived: Edges = set()
    for a in names:
        for x in reach[a]:
            if support == "deductive":
                derived.update((a, c) for c in reached_by.get(x, ()))  # supported
                derived.update((c, a) for c in attackers_of.get(x, ()))  # mediated
            else:
                derived.update((c, x) for c in attackers_of.get(a, ()))  # secondary: c -> a =>+ x
                derived.update((x, c) for c in reached_by.get(a, ()))  # extended: a =>+ x, a ~> c
        limits.check_attacks(len(attacks) + len(derived))
    return derived
