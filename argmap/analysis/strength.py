"""Gradual strength: how strong each statement is, given its base score, supporters and attackers.

Statements and relations both get a strength in [0, 1]:

* a statement's base score is its ``weight`` (0.5 when unset); its supporters are the
  support relations into it and its attackers the attack relations into it;
* a relation's base score is its ``weight`` (1 when unset) times the strength of its
  *weakest* source: a linked argument is only as strong as its weakest premise; its
  attackers are the undercuts aimed at it, and it has no supporters.

Two models:

``df-quad``
    DF-QuAD (Rago, Toni, Aurisicchio & Baroni, KR 2016), computed directly in one pass
    over a topological order, so only on maps whose dependencies are acyclic. The
    aggregation is ``F(v1..vn) = 1 - (1-v1)...(1-vn)`` and the combination
    ``C(v0, va, vs) = v0 - v0 (va - vs)`` if ``va >= vs`` else ``v0 + (1 - v0)(vs - va)``.
``quadratic-energy``
    The quadratic energy model (Potyka, KR 2018): energy ``E = sum(supporters) -
    sum(attackers)``, influence ``h(x) = max(x,0)^2 / (1 + max(x,0)^2)``, strength
    ``base - base h(-E) + (1 - base) h(E)``, iterated as a continuous dynamical system
    (Runge-Kutta 4) until no strength moves by more than ``tolerance``. It works on
    cyclic maps.

``auto`` picks DF-QuAD when the map is acyclic and the quadratic energy model otherwise.

Examples
--------
>>> import argmap
>>> m = argmap.loads('''
... argmap: 1
... title: T
... statements:
...   - {id: C, kind: claim, text: c}
...   - {id: P, kind: premise, text: p, weight: 0.8}
...   - {id: R, kind: rebuttal, text: r, weight: 0.4}
... relations:
...   - {id: S, type: support, from: P, to: C}
...   - {id: A, type: attack, from: R, to: C}
... ''')
>>> s = strength(m, "df-quad")
>>> round(s.scores["C"], 3)    # 0.5 + 0.5 * (0.8 - 0.4)
0.7
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from argmap.analysis.results import Strength
from argmap.errors import UsageError
from argmap.model import ArgumentMap

__all__ = ["STRENGTH_MODELS", "StrengthCycleError", "strength"]

STRENGTH_MODELS = ("df-quad", "quadratic-energy", "auto")
DEFAULT_STATEMENT_BASE = 0.5
DEFAULT_RELATION_WEIGHT = 1.0


class StrengthCycleError(UsageError):
    """DF-QuAD was asked for on a map whose dependencies form a cycle."""


@dataclass(frozen=True)
class _Network:
    """The dependency structure as flat arrays (statements first, then relations, in map order).

    ``base`` holds statements' base scores (relations' entries are unused);
    ``relation_weight`` each relation's weight; a relation's sources are
    ``sources[source_start[r]:source_start[r + 1]]``; each support (attack) relation ``r``
    adds ``support_rel[k] = first_relation + r`` into ``support_to[k]`` (``attack_*`` alike).
    """

    names: list[str]
    statements: int
    base: np.ndarray
    relation_weight: np.ndarray
    sources: np.ndarray
    source_start: np.ndarray
    support_to: np.ndarray
    support_rel: np.ndarray
    attack_to: np.ndarray
    attack_rel: np.ndarray


def _network(argument_map: ArgumentMap) -> _Network:
    statements, relations = argument_map.statements, argument_map.relations
    names = [s.id for s in statements] + [r.key for r in relations]
    index = {name: i for i, name in enumerate(names)}
    first = len(statements)
    base = np.array(
        [s.weight if s.weight is not None else DEFAULT_STATEMENT_BASE for s in statements]
        + [0.0] * len(relations)
    )
    weight = np.array([r.weight if r.weight is not None else DEFAULT_RELATION_WEIGHT for r in relations])
    counts = np.fromiter((len(r.sources) for r in relations), dtype=np.int64, count=len(relations))
    start = np.zeros(len(relations) + 1, dtype=np.int64)
    np.cumsum(counts, out=start[1:])
    sources = np.fromiter(
        (index[s] for r in relations for s in r.sources), dtype=np.int64, count=int(start[-1])
    )
    target = np.fromiter((index[r.to] for r in relations), dtype=np.int64, count=len(relations))
    is_support = np.fromiter((r.type == "support" for r in relations), dtype=bool, count=len(relations))
    node = np.arange(first, first + len(relations), dtype=np.int64)
    return _Network(
        names,
        first,
        base,
        weight,
        sources,
        start,
        target[is_support],
        node[is_support],
        target[~is_support],
        node[~is_support],
    )


def _relation_base(net: _Network, score: np.ndarray) -> np.ndarray:
    """Each relation's weight times the strength of its weakest source."""
    if not len(net.relation_weight):
        return net.relation_weight
    return net.relation_weight * np.minimum.reduceat(score[net.sources], net.source_start[:-1])


def _dependencies(net: _Network) -> tuple[np.ndarray, np.ndarray]:
    """Every dependency as (argument, what it depends on): sources, supporters, attackers."""
    relations = np.repeat(
        np.arange(net.statements, len(net.names), dtype=np.int64), np.diff(net.source_start)
    )
    needs = np.concatenate((relations, net.support_to, net.attack_to))
    needed = np.concatenate((net.sources, net.support_rel, net.attack_rel))
    return needs, needed


def _topological_order(net: _Network) -> list[int] | None:
    """Each argument after everything it depends on, or None if there is a cycle (Kahn's algorithm)."""
    count = len(net.names)
    needs, needed = _dependencies(net)
    waiting = np.bincount(needs, minlength=count).tolist()
    order = np.argsort(needed, kind="stable")
    dependents = needs[order].tolist()
    start = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(needed, minlength=count), out=start[1:])
    bounds = start.tolist()
    ready = np.flatnonzero(np.asarray(waiting) == 0).tolist()
    result: list[int] = []
    while ready:
        node = ready.pop()
        result.append(node)
        for dependent in dependents[bounds[node] : bounds[node + 1]]:
            waiting[dependent] -= 1
            if waiting[dependent] == 0:
                ready.append(dependent)
    return result if len(result) == count else None


def _by_target(count: int, target: np.ndarray, value: np.ndarray) -> tuple[list[int], list[int]]:
    """``value`` grouped by ``target`` in CSR form (bounds, values), map order kept within a group."""
    order = np.argsort(target, kind="stable")
    bounds = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(target, minlength=count), out=bounds[1:])
    return bounds.tolist(), value[order].tolist()


def _df_quad(net: _Network, order: list[int]) -> list[float]:
    """DF-QuAD in one pass over a topological order, on flat lists (a deep map has as many
    levels as arguments, so a pass per level would not pay)."""
    count = len(net.names)
    first = net.statements
    base = net.base.tolist()
    weight = net.relation_weight.tolist()
    source_start, sources = net.source_start.tolist(), net.sources.tolist()
    support_start, supporters = _by_target(count, net.support_to, net.support_rel)
    attack_start, attackers = _by_target(count, net.attack_to, net.attack_rel)
    score = [0.0] * count
    for node in order:
        if node >= first:
            r = node - first
            own = weight[r] * min([score[s] for s in sources[source_start[r] : source_start[r + 1]]])
        else:
            own = base[node]
        kept = 1.0
        for a in attackers[attack_start[node] : attack_start[node + 1]]:
            kept *= 1.0 - score[a]
        lent = 1.0
        for s in supporters[support_start[node] : support_start[node + 1]]:
            lent *= 1.0 - score[s]
        attack, support = 1.0 - kept, 1.0 - lent
        if attack >= support:
            score[node] = own - own * (attack - support)
        else:
            score[node] = own + (1.0 - own) * (support - attack)
    return score


def _influence(energy: np.ndarray) -> np.ndarray:
    squared: np.ndarray = np.square(np.maximum(energy, 0.0))
    influence: np.ndarray = squared / (1.0 + squared)
    return influence


def _quadratic_energy(
    net: _Network, tolerance: float, max_iterations: int, step: float
) -> tuple[list[float], int]:
    """Runge-Kutta 4 on the whole vector at once: energies are sums over the relations into each
    argument (``numpy.bincount``, in map order), relations' bases a segment minimum."""
    count = len(net.names)
    first = net.statements

    def derivative(score: np.ndarray) -> np.ndarray:
        base = np.concatenate((net.base[:first], _relation_base(net, score)))
        energy = np.bincount(net.support_to, score[net.support_rel], minlength=count) - np.bincount(
            net.attack_to, score[net.attack_rel], minlength=count
        )
        moved: np.ndarray = base - base * _influence(-energy) + (1.0 - base) * _influence(energy) - score
        return moved

    score = net.base.copy()
    moved = 0.0
    for iteration in range(1, max_iterations + 1):
        k1 = derivative(score)
        k2 = derivative(score + step / 2 * k1)
        k3 = derivative(score + step / 2 * k2)
        k4 = derivative(score + step * k3)
        new = score + step / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
        moved = float(np.max(np.abs(new - score), initial=0.0))
        score = new
        if moved < tolerance:
            return score.tolist(), iteration
    raise UsageError(
        f"the quadratic energy model did not converge within {max_iterations} iterations "
        f"(last change {moved:.2e}); raise max_iterations"
    )


def strength(
    argument_map: ArgumentMap,
    model: str = "auto",
    *,
    tolerance: float = 1e-9,
    max_iterations: int = 100_000,
    step: float = 0.5,
) -> Strength:
    """Gradual strength of every statement and relation.

    Parameters
    ----------
    argument_map : ArgumentMap
    model : {"auto", "df-quad", "quadratic-energy"}
        See the module documentation.
    tolerance, max_iterations, step
        For the quadratic energy model: stop when no strength moves by more than
        ``tolerance`` in one Runge-Kutta step of size ``step``.

    Returns
    -------
    Strength
        ``scores`` by statement and relation id, and the model actually used.

    Raises
    ------
    UsageError
        For an unknown model, or if the quadratic energy model does not converge.
    StrengthCycleError
        For ``df-quad`` on a map with cyclic dependencies (use ``quadratic-energy``).
    """
    if model not in STRENGTH_MODELS:
        raise UsageError(f"unknown strength model {model!r}; known: {', '.join(STRENGTH_MODELS)}")
    net = _network(argument_map)
    order = _topological_order(net)
    if model == "df-quad" and order is None:
        raise StrengthCycleError(
            "DF-QuAD needs a map without cycles of support and attack; use the quadratic-energy model"
        )
    if order is not None and model in ("df-quad", "auto"):
        scores = _df_quad(net, order)
        return Strength(model="df-quad", scores=dict(zip(net.names, scores, strict=True))).drawn_on(
            argument_map
        )
    scores, iterations = _quadratic_energy(net, tolerance, max_iterations, step)
    return Strength(
        model="quadratic-energy",
        scores=dict(zip(net.names, scores, strict=True)),
        iterations=iterations,
    ).drawn_on(argument_map)
