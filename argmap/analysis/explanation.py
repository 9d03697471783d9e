"""Why a statement stands or falls, and what would change it.

:func:`explain` answers three questions about one statement of a map:

**why**
    A tree of reasons over the map's attack framework (statements and relations are both
    arguments, :mod:`argmap.semantics.from_map`). Under grounded semantics it is the
    grounded game's winning strategy, a dispute tree (Modgil & Caminada 2009): an ``in``
    statement is defended against each of its attackers by an accepted statement that
    defeats it, chosen by the fixpoint's iteration order (:func:`~argmap.semantics.grounded_rounds`),
    so the tree is finite and as shallow as can be; an ``out`` statement has an accepted
    attacker, explained in turn; an ``undec`` one has undecided attackers, followed until
    they close a cycle. Under complete, preferred and stable semantics the root has one
    branch per extension: one that contains the statement, explained as a defence within
    it, and one that does not.
**flips**
    The smallest sets of other statements whose removal from the map (with every relation
    they take part in) changes the label: all of them up to a cap, found by trying sets of
    growing size among the statements that can reach the one explained. Exact while the sets
    to try stay within a budget; beyond it a shrinking search gives one set that cannot be
    made smaller, flagged as not exact.
**sensitivity**
    Under the gradual model (:func:`~argmap.analysis.strength`), how much the statement's
    strength changes when each statement that can reach it is removed, largest first.

Definitions and the budget: ``docs/analysis.md`` (Explanations).

Examples
--------
>>> import argmap
>>> m = argmap.loads('''
... argmap: 1
... title: Reinstatement
... statements:
...   - {id: C, kind: claim, text: c}
...   - {id: B, kind: rebuttal, text: b}
...   - {id: A, kind: rebuttal, text: a}
... relations:
...   - {id: R1, type: attack, from: B, to: C}
...   - {id: R2, type: attack, from: A, to: B}
... ''')
>>> e = explain(m, "C")
>>> e.label, [(r.statement, r.label) for r in e.why.because], e.why.because[0].because[0].statement
('in', [('B', 'out')], 'A')
>>> e.flips.size, e.flips.sets
(1, (('A',),))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations
from math import comb

import numpy as np
import numpy.typing as npt

from argmap.analysis.results import Effect, Explanation, Flips, Label, Reason, Sensitivity
from argmap.analysis.strength import STRENGTH_MODELS, strength
from argmap.errors import UsageError
from argmap.model import ArgumentMap, Relation, Statement
from argmap.semantics import (
    IN,
    LABEL_NAMES,
    OUT,
    SUPPORT_MODES,
    UNDEC,
    AttackFramework,
    framework_of_map,
    grounded_labels,
    grounded_rounds,
    labels_of_extension,
    semantics_names,
    solve,
)

__all__ = ["FLIP_BUDGET", "MAX_DEPTH", "MAX_FLIPS", "WIDE_FLIP_BUDGET", "explain", "explain_all"]

FLIP_BUDGET = 20_000
"""How many removals the flip search may try before it stops being exhaustive."""

WIDE_FLIP_BUDGET = 1_000
"""The same with supports (each removal rebuilds the framework) or under stable semantics (where
every statement of the map is a candidate)."""

MAX_FLIPS = 10
"""How many flip sets of the minimum size are listed."""

MAX_DEPTH = 100
"""How deep a why tree goes; a node at this depth with more below it is marked ``cut``."""


def explain(
    argument_map: ArgumentMap,
    statement: str,
    *,
    semantics: str = "grounded",
    support: str = "none",
    strength_model: str = "auto",
    max_flips: int = MAX_FLIPS,
    budget: int | None = None,
) -> Explanation:
    """Why ``statement`` has its label, which removals would change it, and what its strength rests on.

    Parameters
    ----------
    argument_map : ArgumentMap
    statement : str
        The id of the statement to explain.
    semantics : {"grounded", "complete", "preferred", "stable"}
        For the last three, the label is the skeptical one (``in`` when in every
        extension, ``out`` when attacked by every extension, else ``undec``).
    support : {"none", "deductive", "necessary"}
        Whether supports add the derived attacks of bipolar argumentation.
    strength_model : {"auto", "df-quad", "quadratic-energy", "none"}
        The gradual model of ``sensitivity``; ``none`` leaves it out.
    max_flips : int
        How many flip sets of the minimum size to list.
    budget : int, optional
        How many removals the flip search may try; beyond, the result is not exact. By
        default :data:`FLIP_BUDGET`, or :data:`WIDE_FLIP_BUDGET` with supports or stable semantics.

    Returns
    -------
    Explanation

    Raises
    ------
    UnknownIdError
        If ``statement`` names no statement of the map.
    UsageError
        For an unknown semantics, support mode or strength model, or a cap or budget below 1.

    Examples
    --------
    >>> import argmap
    >>> m = argmap.loads('''
    ... argmap: 1
    ... title: Nixon
    ... statements:
    ...   - {id: Q, kind: claim, text: Nixon is a pacifist.}
    ...   - {id: R, kind: claim, text: Nixon is not a pacifist.}
    ... relations:
    ...   - {id: A1, type: attack, from: Q, to: R}
    ...   - {id: A2, type: attack, from: R, to: Q}
    ... ''')
    >>> e = explain(m, "Q", strength_model="none")
    >>> e.label, e.why.because[0].statement, e.flips.sets
    ('undec', 'R', (('R',),))
    >>> [(b.label, b.extension) for b in explain(m, "Q", semantics="preferred").why.because]
    [('in', ('Q',)), ('out', ('R',))]
    """
    return _Explainer(
        argument_map,
        semantics=semantics,
        support=support,
        strength_model=strength_model,
        max_flips=max_flips,
        budget=budget,
    ).explain(statement)


def explain_all(
    argument_map: ArgumentMap,
    statements: Iterable[str] | None = None,
    *,
    semantics: str = "grounded",
    support: str = "none",
    strength_model: str = "auto",
    max_flips: int = MAX_FLIPS,
    budget: int | None = None,
) -> dict[str, Explanation]:
    """:func:`explain` for many statements (by default all), sharing the work between them.

    Parameters are those of :func:`explain`; ``statements`` lists the ids to explain.

    Returns
    -------
    dict
        An :class:`Explanation` by statement id, in the order asked (map order by default).

    Raises
    ------
    UnknownIdError
        If an id names no statement.
    UsageError
        For an unknown semantics, support mode or strength model.

    Examples
    --------
    >>> import argmap
    >>> m = argmap.loads("argmap: 1\\ntitle: T\\nstatements:\\n- {id: A, kind: claim, text: a}\\n")
    >>> {i: (e.label, e.flips.size) for i, e in explain_all(m).items()}
    {'A': ('in', None)}
    """
    explainer = _Explainer(
        argument_map,
        semantics=semantics,
        support=support,
        strength_model=strength_model,
        max_flips=max_flips,
        budget=budget,
    )
    wanted = [s.id for s in argument_map.statements] if statements is None else list(statements)
    return {i: explainer.explain(i) for i in wanted}


class _Explainer:
    """What every explanation of one map under one setting shares: the framework and its labels."""

    def __init__(
        self,
        argument_map: ArgumentMap,
        *,
        semantics: str,
        support: str,
        strength_model: str,
        max_flips: int,
        budget: int | None,
    ) -> None:
        if semantics not in semantics_names():
            raise UsageError(
                f"unknown semantics {semantics!r}; known semantics: {', '.join(semantics_names())}"
            )
        if support not in SUPPORT_MODES:
            raise UsageError(f"unknown support mode {support!r}; known: {', '.join(SUPPORT_MODES)}")
        if strength_model not in (*STRENGTH_MODELS, "none"):
            raise UsageError(
                f"unknown strength model {strength_model!r}; known: {', '.join((*STRENGTH_MODELS, 'none'))}"
            )
        if budget is None:
            budget = FLIP_BUDGET if support == "none" and semantics != "stable" else WIDE_FLIP_BUDGET
        if max_flips < 1 or budget < 1:
            raise UsageError("the flip cap and budget must be at least 1")
        self.map = argument_map
        self.semantics = semantics
        self.support = support
        self.max_flips = max_flips
        self.budget = budget
        self.af = framework_of_map(argument_map, support=support)
        self.relations = {r.key: r for r in argument_map.relations}
        self.order = {s.id: i for i, s in enumerate(argument_map.statements)}
        self.depends = _dependants(argument_map)
        solution = solve(self.af, semantics)
        self.extensions = solution.extensions
        labels = solution.labels
        self.labels: dict[str, Label] = (
            dict(labels) if labels is not None else dict.fromkeys(self.af.names, "undec")
        )
        self.grounded = grounded_labels(self.af) if semantics == "grounded" else None
        self.rounds = grounded_rounds(self.af) if semantics == "grounded" else None
        self.scores = strength(argument_map, strength_model) if strength_model != "none" else None

    # -- the explanation --------------------------------------------------------------

    def explain(self, statement: str) -> Explanation:
        self.map.statement(statement)
        return Explanation(
            statement=statement,
            label=self.labels[statement],
            semantics=self.semantics,
            why=self._why(statement),
            flips=self._flips(statement),
            sensitivity=self._sensitivity(statement),
        ).drawn_on(self.map)

    # -- why --------------------------------------------------------------------------

    def _why(self, statement: str) -> Reason:
        target = self.af.index(statement)
        if self.grounded is not None and self.rounds is not None:
            return _Tree(self, self.grounded, self.rounds).build(target)
        branches = []
        containing = next((e for e in self.extensions if statement in e), None)
        lacking = next((e for e in self.extensions if statement not in e), None)
        for extension in (containing, lacking):
            if extension is None:
                continue
            members = [self.af.index(name) for name in extension]
            labels = labels_of_extension(self.af, np.array(members, dtype=np.int64))
            branch = _Tree(self, labels, None).build(target)
            in_map_order = tuple(
                sorted((n for n in extension if n in self.order), key=self.order.__getitem__)
            )
            branches.append(branch.model_copy(update={"extension": in_map_order}))
        return Reason(statement=statement, label=self.labels[statement], because=tuple(branches))

    # -- flips ------------------------------------------------------------------------

    def _flips(self, statement: str) -> Flips:
        before = self.labels[statement]
        candidates = self._candidates(statement)
        if not candidates:
            return Flips(size=None, sets=(), labels=(), exact=True, candidates=0)
        evaluate = _Evaluation(self, statement)
        tried = 0
        for size in range(1, len(candidates) + 1):
            if tried + comb(len(candidates), size) > self.budget:
                return self._shrunk(statement, before, candidates, evaluate, len(candidates))
            found: list[tuple[tuple[str, ...], Label]] = []
            for removed in combinations(candidates, size):
                tried += 1
                after = evaluate.label_without(removed)
                if after != before:
                    found.append((removed, after))
                    if len(found) > self.max_flips:
                        break
            if found:
                shown = found[: self.max_flips]
                return Flips(
                    size=size,
                    sets=tuple(s for s, _ in shown),
                    labels=tuple(lab for _, lab in shown),
                    exact=True,
                    truncated=len(found) > self.max_flips,
                    candidates=len(candidates),
                )
        return Flips(size=None, sets=(), labels=(), exact=True, candidates=len(candidates))

    def _shrunk(
        self,
        statement: str,
        before: Label,
        candidates: Sequence[str],
        evaluate: _Evaluation,
        count: int,
    ) -> Flips:
        """Beyond the budget: remove every candidate, then put back each one that is not needed."""
        removed = list(candidates)
        if evaluate.label_without(tuple(removed)) == before:
            return Flips(size=None, sets=(), labels=(), exact=False, candidates=count)
        for candidate in candidates:
            trial = tuple(r for r in removed if r != candidate)
            if evaluate.label_without(trial) != before:
                removed = list(trial)
        final = tuple(removed)
        return Flips(
            size=len(final),
            sets=(final,),
            labels=(evaluate.label_without(final),),
            exact=False,
            candidates=count,
        )

    def _candidates(self, statement: str) -> list[str]:
        """The other statements whose removal can change the label, in map order.

        Grounded, complete and preferred labels depend only on the arguments that reach the
        statement along attacks (directionality); removing a statement matters only when it
        takes one of them with it. Derived attacks of bipolar supports can run against the
        direction of support, so with supports every statement connected to this one counts;
        a stable label can depend on any part of the map.
        """
        names = self.af.names
        if self.semantics == "stable":
            region = set(names)
        elif self.support == "none":
            region = {names[i] for i in _reaching(self.af, self.af.index(statement))}
        else:
            region = _connected(self.map, self.af, statement)
        return [
            s.id
            for s in self.map.statements
            if s.id != statement and s.id in self.depends and self.depends[s.id] & region
        ]

    # -- sensitivity ------------------------------------------------------------------

    def _sensitivity(self, statement: str) -> Sensitivity | None:
        if self.scores is None:
            return None
        model = self.scores.model
        base = self.scores.scores[statement]
        ancestors = _ancestors(self.map, statement)
        inside = [s for s in self.map.statements if s.id in ancestors]
        around = [r for r in self.map.relations if r.key in ancestors]
        effects = []
        for other in inside:
            if other.id == statement:
                continue
            gone = self.depends[other.id]
            reduced = _submap(
                self.map, [s for s in inside if s.id not in gone], [r for r in around if r.key not in gone]
            )
            without = strength(reduced, model).scores[statement]
            # Nine decimals: DF-QuAD's products leave differences of 1e-10 where nothing changes.
            effects.append(Effect(statement=other.id, without=without, effect=round(base - without, 9)))
        effects.sort(key=lambda e: (-abs(e.effect), self.order[e.statement]))
        return Sensitivity(model=model, strength=base, effects=tuple(effects))


class _Evaluation:
    """The label of one statement in the map with some statements removed."""

    def __init__(self, explainer: _Explainer, statement: str) -> None:
        self.explainer = explainer
        self.statement = statement
        af = explainer.af
        # Without supports, removing statements removes their arguments and nothing else: the
        # framework of the smaller map is the restriction of this one (see the tests).
        self.restricting = explainer.support == "none"
        if self.restricting and explainer.semantics != "stable":
            keep = np.array(sorted(_reaching(af, af.index(statement))), dtype=np.int64)
            self.af = af.restrict(keep)
        else:
            self.af = af
        self.position = {name: i for i, name in enumerate(self.af.names)}

    def label_without(self, removed: Iterable[str]) -> Label:
        explainer = self.explainer
        gone: set[str] = set()
        for statement in removed:
            gone |= explainer.depends[statement]
        if self.restricting:
            keep = np.array([i for name, i in self.position.items() if name not in gone], dtype=np.int64)
            framework = self.af.restrict(keep)
        else:
            reduced = _submap(
                explainer.map,
                [s for s in explainer.map.statements if s.id not in gone],
                [r for r in explainer.map.relations if r.key not in gone],
            )
            framework = framework_of_map(reduced, support=explainer.support)
        if explainer.semantics == "grounded":
            return LABEL_NAMES[int(grounded_labels(framework)[framework.index(self.statement)])]
        labels = solve(framework, explainer.semantics).labels
        return "undec" if labels is None else labels[self.statement]


class _Tree:
    """A tree of reasons over one labelling of the framework.

    ``rounds`` (grounded only) orders the defeaters: an ``out`` argument is explained by its
    ``in`` attacker of the earliest round. Without rounds (an extension's labelling), by an
    ``in`` attacker not already on the path, if there is one.
    """

    def __init__(
        self, explainer: _Explainer, labels: npt.NDArray[np.int8], rounds: npt.NDArray[np.int64] | None
    ):
        self.explainer = explainer
        self.af = explainer.af
        self.labels = labels.tolist()
        self.rounds = rounds.tolist() if rounds is not None else None
        self.expanded: set[int] = set()

    def build(self, argument: int) -> Reason:
        return self._node(argument, [], [])

    def _node(self, argument: int, path: list[int], shown: list[str]) -> Reason:
        statement, relation = self._shown_as(argument)
        label = self._label_of(statement)
        # A statement met again on its own path closes a cycle (possibly through the relations
        # it draws); one explained in another branch is not explained twice.
        if argument in self.expanded or statement in shown:
            return Reason(statement=statement, label=label, relation=relation, repeat=True)
        attackers = self.af.attackers(argument).tolist()
        if len(path) >= MAX_DEPTH:
            return Reason(statement=statement, label=label, relation=relation, cut=bool(attackers))
        self.expanded.add(argument)
        path.append(argument)
        shown.append(statement)
        mine = self.labels[argument]
        if mine == IN:
            children = attackers
        elif mine == OUT:
            children = [self._defeater(attackers, path)]
        else:
            children = [a for a in attackers if self.labels[a] == UNDEC]
        because = tuple(self._node(child, path, shown) for child in children)
        path.pop()
        shown.pop()
        return Reason(statement=statement, label=label, relation=relation, because=because)

    def _defeater(self, attackers: list[int], path: list[int]) -> int:
        accepted = [a for a in attackers if self.labels[a] == IN]
        rounds = self.rounds
        if rounds is not None:
            return min(accepted, key=lambda a: (rounds[a], a))
        return min(accepted, key=lambda a: (a in path, a))

    def _label_of(self, statement: str) -> Label:
        return LABEL_NAMES[self.labels[self.af.index(statement)]]

    def _shown_as(self, argument: int) -> tuple[str, str | None]:
        """A statement argument as itself; a relation as the source that carries its label."""
        name = self.af.names[argument]
        relation = self.explainer.relations.get(name)
        if relation is None:
            return name, None
        own = self.labels[argument]
        for source in relation.sources:
            if self.labels[self.af.index(source)] == own:
                return source, name
        return relation.sources[0], name


# -- the map as a graph ---------------------------------------------------------------


def _dependants(argument_map: ArgumentMap) -> dict[str, frozenset[str]]:
    """For each statement, what its removal takes from the map: itself and every relation it
    takes part in (as a source or as the target), and the undercuts of those, in turn."""
    touching: dict[str, list[str]] = {}
    undercuts: dict[str, list[str]] = {}
    for relation in argument_map.relations:
        for end in (*relation.sources, relation.to):
            touching.setdefault(end, []).append(relation.key)
        undercuts.setdefault(relation.to, []).append(relation.key)
    result: dict[str, frozenset[str]] = {}
    for statement in argument_map.statements:
        gone = {statement.id}
        stack = list(touching.get(statement.id, ()))
        while stack:
            relation_id = stack.pop()
            if relation_id not in gone:
                gone.add(relation_id)
                stack.extend(undercuts.get(relation_id, ()))
        result[statement.id] = frozenset(gone)
    return result


def _reaching(af: AttackFramework, target: int) -> set[int]:
    """The arguments with a path of attacks to ``target`` (and ``target``)."""
    seen = {target}
    stack = [target]
    while stack:
        for attacker in af.attackers(stack.pop()).tolist():
            if attacker not in seen:
                seen.add(attacker)
                stack.append(attacker)
    return seen


def _connected(argument_map: ArgumentMap, af: AttackFramework, statement: str) -> set[str]:
    """The names connected to ``statement`` by relations or attacks, whatever their direction."""
    neighbours: dict[str, set[str]] = {}
    edges = [(s, r.key) for r in argument_map.relations for s in r.sources]
    edges += [(r.key, r.to) for r in argument_map.relations]
    edges += list(af.attack_pairs())
    for a, b in edges:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    seen = {statement}
    stack = [statement]
    while stack:
        for other in neighbours.get(stack.pop(), ()):
            if other not in seen:
                seen.add(other)
                stack.append(other)
    return seen


def _ancestors(argument_map: ArgumentMap, statement: str) -> set[str]:
    """The statements and relations from which ``statement`` can be reached (with it): all a
    gradual strength depends on."""
    into: dict[str, list[str]] = {}
    for relation in argument_map.relations:
        into.setdefault(relation.to, []).append(relation.key)
        into.setdefault(relation.key, []).extend(relation.sources)
    seen = {statement}
    stack = [statement]
    while stack:
        for before in into.get(stack.pop(), ()):
            if before not in seen:
                seen.add(before)
                stack.append(before)
    return seen


def _submap(
    argument_map: ArgumentMap, statements: Sequence[Statement], relations: Sequence[Relation]
) -> ArgumentMap:
    """The map with only these statements and relations (closed under references: not re-validated)."""
    return ArgumentMap.model_construct(
        title=argument_map.title, statements=tuple(statements), relations=tuple(relations)
    )
