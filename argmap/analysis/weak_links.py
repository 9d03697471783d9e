"""Weak links: where the argument for a claim is fragile, each with a severity and a plain explanation.

The vocabulary of kinds is fixed (``WEAK_LINK_KINDS``); ``docs/analysis.md`` defines each
and how its severity in [0, 1] is set. Results are sorted by severity, highest first.

Examples
--------
>>> import argmap
>>> m = argmap.loads('''
... argmap: 1
... title: T
... main_claim: C
... statements:
...   - {id: C, kind: claim, text: c}
...   - {id: P, kind: premise, text: p}
... relations:
...   - {type: support, from: P, to: C}
... ''')
>>> [(w.kind, w.nodes) for w in weak_links(m)]
[('single-point-of-failure', ('P',)), ('unsupported-premise', ('P',))]
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from argmap.analysis.acceptability import grounded_labels
from argmap.analysis.chains import SupportStructure, support_structure
from argmap.analysis.dag import dominator_tree, dominators
from argmap.analysis.results import WEAK_LINK_KINDS, Label, WeakLink
from argmap.analysis.strength import strength
from argmap.model import ArgumentMap
from argmap.schemes import Catalogue, open_questions

__all__ = ["DEFAULT_STEP_RELIABILITY", "weak_links"]

DEFAULT_STEP_RELIABILITY = 0.9
WEAK_INFERENCE_THRESHOLD = 0.3
LONG_CHAIN_THRESHOLD = 0.5


def weak_links(
    argument_map: ArgumentMap,
    claim: str | None = None,
    *,
    support: str = "none",
    strength_model: str = "auto",
    weak_inference: float = WEAK_INFERENCE_THRESHOLD,
    long_chain: float = LONG_CHAIN_THRESHOLD,
    schemes: Catalogue | None = None,
) -> tuple[WeakLink, ...]:
    """Every weak link of the argument for ``claim``, most severe first.

    Parameters
    ----------
    argument_map : ArgumentMap
    claim : str, optional
        Defaults to the map's main claim.
    support : {"none", "deductive", "necessary"}
        How supports add attacks when deciding which attacks are unanswered.
    strength_model : str
        The gradual model used for ``weak-inference`` (see :func:`argmap.analysis.strength`),
        or ``"none"`` to judge inferences by their weights alone.
    weak_inference : float
        A relation whose weight or strength is below this is a ``weak-inference``.
    long_chain : float
        A chain whose reliability (the product of its steps' weights, 0.9 when unset)
        falls below this is a ``long-chain``.
    schemes : Catalogue, optional
        The catalogue whose critical questions make ``open-critical-question`` links;
        by default the one in force (:func:`argmap.schemes.active_catalogue`).

    Returns
    -------
    tuple of WeakLink

    Raises
    ------
    UnknownIdError
        If ``claim`` names no statement.
    """
    structure = support_structure(argument_map, claim)
    labels = grounded_labels(argument_map, support=support)
    scores = strength(argument_map, strength_model).scores if strength_model != "none" else {}
    return _weak_links_from(argument_map, structure, labels, scores, weak_inference, long_chain, schemes)


# Weak links are built with ``WeakLink.model_construct``: every field is computed here, within its
# bounds, and validating 10⁵ of them (one per statement of a long chain) cost more than finding them.


def _weak_links_from(
    argument_map: ArgumentMap,
    structure: SupportStructure,
    labels: Mapping[str, Label],
    scores: Mapping[str, float],
    weak_inference: float = WEAK_INFERENCE_THRESHOLD,
    long_chain: float = LONG_CHAIN_THRESHOLD,
    schemes: Catalogue | None = None,
) -> tuple[WeakLink, ...]:
    """The weak links, from analyses already computed (what :func:`argmap.analysis.analyze` uses)."""
    found: list[WeakLink] = []
    claim = structure.names[structure.dag.root]
    tree = structure.tree
    found += _single_points_of_failure(structure, claim)
    found += _unsupported(argument_map, structure, claim)
    found += _linked_premises(argument_map, tree)
    found += _unanswered_attacks(argument_map, tree, claim, labels)
    found += _circular_support(argument_map, tree)
    found += _weak_inferences(argument_map, tree, scores, weak_inference)
    found += _long_chain(argument_map, structure, long_chain)
    found += _open_critical_questions(argument_map, tree, schemes)
    order = {kind: i for i, kind in enumerate(WEAK_LINK_KINDS)}
    return tuple(sorted(found, key=lambda w: (-w.severity, order[w.kind], w.nodes)))


def _single_points_of_failure(structure: SupportStructure, claim: str) -> list[WeakLink]:
    dag = structure.dag
    if dag.count == 0:
        return []
    idom = dominator_tree(dag)
    below = dict.fromkeys(idom, 1)
    for node in dag.order:  # grounds first: each statement adds its dominated subtree to its dominator
        if node in idom and node != dag.root:
            below[idom[node]] += below[node]
    supporting = len(idom) - 1
    links = []
    for node in dominators(dag):
        name = structure.names[node]
        share = below[node] / supporting
        links.append(
            WeakLink.model_construct(
                kind="single-point-of-failure",
                nodes=(name,),
                severity=round(0.5 + 0.5 * share, 3),
                explanation=(
                    f"Every line of support for {claim} runs through {name}: "
                    f"if {name} falls, {claim} loses all of its support."
                ),
            )
        )
    return links


def _unsupported(argument_map: ArgumentMap, structure: SupportStructure, claim: str) -> list[WeakLink]:
    dag = structure.dag
    attacked = {r.to for r in argument_map.relations if r.type == "attack"}
    links = []
    if dag.is_ground(dag.root):
        return [
            WeakLink.model_construct(
                kind="unsupported-premise",
                nodes=(claim,),
                severity=0.8,
                explanation=f"The claim {claim} has no support at all in the map.",
            )
        ]
    for node in dag.order:
        name = structure.names[node]
        statement = argument_map.statement(name)
        if dag.is_ground(node) and statement.kind in ("premise", "claim"):
            severity = (0.6 if statement.kind == "claim" else 0.5) + (0.2 if name in attacked else 0.0)
            contested = " and it is attacked" if name in attacked else ""
            links.append(
                WeakLink.model_construct(
                    kind="unsupported-premise",
                    nodes=(name,),
                    severity=severity,
                    explanation=(
                        f"{name} is a {statement.kind} that nothing in the map supports{contested}: "
                        "it rests on assertion alone."
                    ),
                )
            )
    return links


def _linked_premises(argument_map: ArgumentMap, tree: set[str]) -> list[WeakLink]:
    links = []
    for relation in argument_map.relations:
        if relation.type == "support" and relation.linked and relation.to in tree:
            count = len(relation.sources)
            for premise in relation.sources:
                links.append(
                    WeakLink.model_construct(
                        kind="linked-premise",
                        nodes=(premise, relation.key, relation.to),
                        severity=0.4,
                        explanation=(
                            f"{premise} is one of {count} premises that support {relation.to} only "
                            f"together ({relation.key}): if {premise} falls, the whole inference falls."
                        ),
                    )
                )
    return links


def _unanswered_attacks(
    argument_map: ArgumentMap, tree: set[str], claim: str, labels: Mapping[str, Label]
) -> list[WeakLink]:
    inferences = {r.key for r in argument_map.relations if r.type == "support" and r.to in tree}
    links = []
    for relation in argument_map.relations:
        if relation.type != "attack" or labels.get(relation.key) != "in":
            continue
        if relation.to not in tree and relation.to not in inferences:
            continue
        on_claim = relation.to == claim
        what = "the inference" if relation.to in inferences else "the claim" if on_claim else "the premise"
        attackers = " and ".join(relation.sources)
        links.append(
            WeakLink.model_construct(
                kind="unanswered-attack",
                nodes=(*relation.sources, relation.to, relation.key),
                severity=0.9 if on_claim else 0.75,
                explanation=(
                    f"{attackers} attack{'s' if len(relation.sources) == 1 else ''} {what} {relation.to} "
                    "and nothing in the map defeats the attack."
                ),
            )
        )
    return links


def _support_cycles(argument_map: ArgumentMap) -> list[list[int]]:
    """The strongly connected components (two statements or more) of the support graph, as
    statement positions: Tarjan's algorithm, iterative, on the edges in CSR form."""
    position = {s.id: i for i, s in enumerate(argument_map.statements)}
    count = len(position)
    edges = [
        (position[source], position[r.to])
        for r in argument_map.relations
        if r.type == "support" and r.to in position
        for source in r.sources
    ]
    if not edges:
        return []
    pairs = np.array(edges, dtype=np.int64)
    pairs = pairs[np.argsort(pairs[:, 0], kind="stable")]
    bounds = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(pairs[:, 0], minlength=count), out=bounds[1:])
    start, successors = bounds.tolist(), pairs[:, 1].tolist()
    index = [-1] * count
    low = [0] * count
    on_stack = [False] * count
    stack: list[int] = []
    components: list[list[int]] = []
    counter = 0
    for root in range(count):
        if index[root] >= 0 or start[root] == start[root + 1]:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        work = [(root, start[root])]
        while work:
            node, edge = work[-1]
            if edge < start[node + 1]:
                work[-1] = (node, edge + 1)
                successor = successors[edge]
                if index[successor] < 0:
                    index[successor] = low[successor] = counter
                    counter += 1
                    stack.append(successor)
                    on_stack[successor] = True
                    work.append((successor, start[successor]))
                elif on_stack[successor] and index[successor] < low[node]:
                    low[node] = index[successor]
                continue
            work.pop()
            if work and low[node] < low[work[-1][0]]:
                low[work[-1][0]] = low[node]
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack[member] = False
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(sorted(component))
    return components


def _circular_support(argument_map: ArgumentMap, tree: set[str]) -> list[WeakLink]:
    links = []
    for component in _support_cycles(argument_map):
        members = tuple(argument_map.statements[i].id for i in component)
        in_tree = not tree.isdisjoint(members)
        links.append(
            WeakLink.model_construct(
                kind="circular-support",
                nodes=members,
                severity=0.8 if in_tree else 0.5,
                explanation=(
                    f"{', '.join(members)} support one another in a circle, so each partly rests on "
                    "itself; chain counting ignores the edge that closes the circle."
                ),
            )
        )
    return links


def _weak_inferences(
    argument_map: ArgumentMap, tree: set[str], scores: Mapping[str, float], threshold: float
) -> list[WeakLink]:
    links = []
    for relation in argument_map.relations:
        if relation.type != "support" or relation.to not in tree:
            continue
        values = [v for v in (relation.weight, scores.get(relation.key)) if v is not None]
        if not values or min(values) >= threshold:
            continue
        value = min(values)
        sources = " and ".join(relation.sources)
        links.append(
            WeakLink.model_construct(
                kind="weak-inference",
                nodes=(*relation.sources, relation.to, relation.key),
                severity=round(1.0 - value, 3),
                explanation=(
                    f"The step from {sources} to {relation.to} ({relation.key}) is weak "
                    f"(strength {value:.2f}): it lends {relation.to} little support."
                ),
            )
        )
    return links


OPEN_QUESTION_SEVERITY = 0.3
OPEN_QUESTION_ELSEWHERE_SEVERITY = 0.15


def _open_critical_questions(
    argument_map: ArgumentMap, tree: set[str], schemes: Catalogue | None
) -> list[WeakLink]:
    """One link per critical question that no ``answers`` mark takes up (argmap.schemes.open_questions)."""
    links = []
    for open_question in open_questions(argument_map, schemes):
        relation = argument_map.relation(open_question.relation)
        inside = relation.type == "support" and relation.to in tree
        role = "the inference" if relation.type == "support" else "the objection"
        links.append(
            WeakLink.model_construct(
                kind="open-critical-question",
                nodes=(*relation.sources, relation.to, relation.key),
                severity=OPEN_QUESTION_SEVERITY if inside else OPEN_QUESTION_ELSEWHERE_SEVERITY,
                explanation=(
                    f"{role.capitalize()} {relation.key} ({' and '.join(relation.sources)} to {relation.to}) "
                    f"follows the scheme {open_question.scheme}, and nothing in the map takes up its "
                    f"critical question {open_question.question!r}: {open_question.text}"
                ),
                scheme=open_question.scheme,
                question=open_question.question,
            )
        )
    return links


def _long_chain(argument_map: ArgumentMap, structure: SupportStructure, threshold: float) -> list[WeakLink]:
    """The least reliable chain (product of step weights), if it falls below the threshold."""
    dag = structure.dag
    if dag.count == 0:
        return []
    step: dict[tuple[str, str], float] = {}
    for relation in argument_map.relations:
        if relation.type == "support":
            weight = relation.weight if relation.weight is not None else DEFAULT_STEP_RELIABILITY
            for source in relation.sources:
                key = (source, relation.to)
                step[key] = max(step.get(key, 0.0), weight)
    best: dict[int, tuple[float, int | None]] = {}
    for node in dag.order:
        if dag.paths[node] == 0:
            continue
        if dag.is_ground(node):
            best[node] = (1.0, None)
            continue
        options = [
            (best[s][0] * step[(structure.names[s], structure.names[node])], s)
            for s in dag.kept[node]
            if s in best
        ]
        best[node] = min(options, key=lambda option: option[0])
    reliability, previous = best[dag.root]
    if reliability >= threshold:
        return []
    chain = [dag.root]
    while previous is not None:
        chain.append(previous)
        previous = best[previous][1]
    names = tuple(structure.names[i] for i in reversed(chain))
    return [
        WeakLink.model_construct(
            kind="long-chain",
            nodes=names,
            severity=round(1.0 - reliability, 3),
            explanation=(
                f"The chain {' -> '.join(names)} has {len(names) - 1} steps; with each step less than "
                f"certain it carries only {reliability:.0%} of its ground's support to {names[-1]}."
            ),
        )
    ]
