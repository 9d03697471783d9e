"""Dung's definitions checked over every subset: the reference for small frameworks (n <= 10).

Each semantics is written as its definition (Dung 1995; Caminada 2006 for semi-stable,
Verheij 1996 for stage, Dung, Mancarella & Toni 2007 for ideal), with sets of argument
indices as bit masks, without any search or pruning.
"""

from __future__ import annotations

import random

from argmap.semantics import AttackFramework

__all__ = ["SHAPES", "brute_extensions", "random_framework"]


def _masks(af: AttackFramework) -> tuple[list[int], list[int]]:
    """Per argument: the mask of its attackers, and the mask of what it attacks."""
    attackers = [0] * len(af)
    targets = [0] * len(af)
    for s, t in zip(af.sources.tolist(), af.targets.tolist(), strict=True):
        attackers[t] |= 1 << s
        targets[s] |= 1 << t
    return attackers, targets


def brute_extensions(af: AttackFramework, semantics: str) -> set[frozenset[int]]:
    """Every extension of ``semantics`` as a set of argument indices, by checking all 2^n sets."""
    n = len(af)
    attackers, targets = _masks(af)

    def attacked(s: int) -> int:
        out = 0
        for i in range(n):
            if s >> i & 1:
                out |= targets[i]
        return out

    def defended(s: int) -> int:
        hit = attacked(s)
        return sum(1 << i for i in range(n) if attackers[i] & ~hit == 0)

    every = range(1 << n)
    conflict_free = [s for s in every if attacked(s) & s == 0]
    admissible = [s for s in conflict_free if s & ~defended(s) == 0]
    complete = [s for s in admissible if defended(s) == s]
    result: list[int]
    if semantics == "conflict-free":
        result = conflict_free
    elif semantics == "admissible":
        result = admissible
    elif semantics == "complete":
        result = complete
    elif semantics == "grounded":
        result = [min(complete, key=int.bit_count)]
    elif semantics == "preferred":
        result = _maximal(admissible, lambda s: s)
    elif semantics == "stable":
        full = (1 << n) - 1
        result = [s for s in conflict_free if s | attacked(s) == full]
    elif semantics == "semi-stable":
        result = _maximal(complete, lambda s: s | attacked(s))
    elif semantics == "stage":
        result = _maximal(conflict_free, lambda s: s | attacked(s))
    elif semantics == "ideal":
        preferred = _maximal(admissible, lambda s: s)
        common = (1 << n) - 1
        for p in preferred:
            common &= p
        result = _maximal([s for s in admissible if s & ~common == 0], lambda s: s)
    else:
        raise ValueError(semantics)
    return {frozenset(i for i in range(n) if s >> i & 1) for s in result}


def _maximal(sets: list[int], key: object) -> list[int]:
    keyed = [(s, key(s)) for s in sets]  # type: ignore[operator]
    return [s for s, k in keyed if not any(k & o == k and o != k for _, o in keyed)]


SHAPES = ("random", "odd-cycle", "even-cycle", "self-attacks", "symmetric", "dense", "empty")


def random_framework(seed: int, shape: str, max_n: int = 8) -> AttackFramework:
    """A small framework of a shape that makes semantics differ (cycles, self-attacks, symmetry)."""
    rng = random.Random(seed)
    n = rng.randint(1, max_n)
    pairs: set[tuple[int, int]] = set()
    if shape == "random":
        density = rng.choice([0.1, 0.2, 0.3])
        pairs = {(i, j) for i in range(n) for j in range(n) if rng.random() < density}
    elif shape in ("odd-cycle", "even-cycle"):
        length = min(n, rng.choice([3, 5]) if shape == "odd-cycle" else rng.choice([2, 4]))
        pairs = {(i, (i + 1) % length) for i in range(length)}
        pairs |= {(rng.randrange(n), rng.randrange(n)) for _ in range(rng.randint(0, n))}
    elif shape == "self-attacks":
        pairs = {(i, i) for i in range(n) if rng.random() < 0.4}
        pairs |= {(rng.randrange(n), rng.randrange(n)) for _ in range(n)}
    elif shape == "symmetric":
        for _ in range(n + 2):
            i, j = rng.randrange(n), rng.randrange(n)
            pairs |= {(i, j), (j, i)}
    elif shape == "dense":
        pairs = {(i, j) for i in range(n) for j in range(n) if rng.random() < 0.6}
    return AttackFramework.from_edges(n, [p[0] for p in sorted(pairs)], [p[1] for p in sorted(pairs)])
