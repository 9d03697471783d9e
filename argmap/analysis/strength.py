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
    """The dependency structure: for each argument, its base, supporters, attackers and sources."""

    names: list[str]
    base: list[float]
    relation_weight: list[float | None]  # set for relations: their weight; None for statements
    sources: list[list[int]]
    supporters: list[list[int]]
    attackers: list[list[int]]


def _network(argument_map: ArgumentMap) -> _Network:
    names = [s.id for s in argument_map.statements] + [r.key for r in argument_map.relations]
    index = {name: i for i, name in enumerate(names)}
    base = [s.weight if s.weight is not None else DEFAULT_STATEMENT_BASE for s in argument_map.statements]
    relation_weight: list[float | None] = [None] * len(argument_map.statements)
    sources: list[list[int]] = [[] for _ in argument_map.statements]
    for relation in argument_map.relations:
        base.append(0.0)
        relation_weight.append(relation.weight if relation.weight is not None else DEFAULT_RELATION_WEIGHT)
        sources.append([index[s] for s in relation.sources])
    supporters: list[list[int]] = [[] for _ in names]
    attackers: list[list[int]] = [[] for _ in names]
    for relation in argument_map.relations:
        target = index[relation.to]
        (supporters if relation.type == "support" else attackers)[target].append(index[relation.key])
    return _Network(names, base, relation_weight, sources, supporters, attackers)


def _aggregate(values: list[float]) -> float:
    product = 1.0
    for value in values:
        product *= 1.0 - value
    return 1.0 - product


def _combine(base: float, attack: float, support: float) -> float:
    if attack >= support:
        return base - base * (attack - support)
    return base + (1.0 - base) * (support - attack)


def _topological_order(net: _Network) -> list[int] | None:
    """Each argument after everything it depends on, or None if there is a cycle."""
    depends = [net.sources[i] + net.supporters[i] + net.attackers[i] for i in range(len(net.names))]
    waiting = [len(d) for d in depends]
    dependents: list[list[int]] = [[] for _ in net.names]
    for node, needs in enumerate(depends):
        for need in needs:
            dependents[need].append(node)
    ready = [i for i, w in enumerate(waiting) if w == 0]
    order: list[int] = []
    while ready:
        node = ready.pop()
        order.append(node)
        for dependent in dependents[node]:
            waiting[dependent] -= 1
            if waiting[dependent] == 0:
                ready.append(dependent)
    return order if len(order) == len(net.names) else None


def _base(net: _Network, node: int, score: list[float]) -> float:
    """A statement's own base score; a relation's weight times its weakest source's strength."""
    weight = net.relation_weight[node]
    return net.base[node] if weight is None else weight * min(score[s] for s in net.sources[node])


def _df_quad(net: _Network, order: list[int]) -> list[float]:
    score = [0.0] * len(net.names)
    for node in order:
        base = _base(net, node, score)
        attack = _aggregate([score[a] for a in net.attackers[node]])
        support = _aggregate([score[s] for s in net.supporters[node]])
        score[node] = _combine(base, attack, support)
    return score


def _influence(energy: float) -> float:
    if energy <= 0.0:
        return 0.0
    squared = energy * energy
    return squared / (1.0 + squared)


def _quadratic_energy(
    net: _Network, tolerance: float, max_iterations: int, step: float
) -> tuple[list[float], int]:
    count = len(net.names)

    def target(score: list[float]) -> list[float]:
        result = [0.0] * count
        for node in range(count):
            base = _base(net, node, score)
            energy = sum(score[s] for s in net.supporters[node]) - sum(score[a] for a in net.attackers[node])
            result[node] = base - base * _influence(-energy) + (1.0 - base) * _influence(energy)
        return result

    def derivative(score: list[float]) -> list[float]:
        return [t - s for t, s in zip(target(score), score, strict=True)]

    def shifted(score: list[float], slope: list[float], factor: float) -> list[float]:
        return [s + factor * d for s, d in zip(score, slope, strict=True)]

    score = [net.base[i] if net.relation_weight[i] is None else 0.0 for i in range(count)]
    for iteration in range(1, max_iterations + 1):
        k1 = derivative(score)
        k2 = derivative(shifted(score, k1, step / 2))
        k3 = derivative(shifted(score, k2, step / 2))
        k4 = derivative(shifted(score, k3, step))
        new = [
            s + step / 6 * (a + 2 * b + 2 * c + d)
            for s, a, b, c, d in zip(score, k1, k2, k3, k4, strict=True)
        ]
        moved = max((abs(n - s) for n, s in zip(new, score, strict=True)), default=0.0)
        score = new
        if moved < tolerance:
            return score, iteration
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
