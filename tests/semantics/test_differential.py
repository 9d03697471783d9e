"""Differential tests against two independent implementations on random small frameworks.

- ``python-argumentation`` (``py_arg``, Odekerken, Borg & Berthold; Utrecht University): labelling-based
  algorithms per semantics;
- ``formal-argumentation`` (``argumentation.core.dung``): Dung's definitions checked over subsets.

Both are test-only dependencies (the ``test`` extra).
"""

from __future__ import annotations

import random

import pytest
from argumentation.core import dung
from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (  # type: ignore[import-untyped]
    AbstractArgumentationFramework,
)
from py_arg.abstract_argumentation_classes.argument import Argument  # type: ignore[import-untyped]
from py_arg.abstract_argumentation_classes.defeat import Defeat  # type: ignore[import-untyped]
from py_arg.algorithms.semantics.get_complete_extensions import get_complete_extensions  # type: ignore[import-untyped]
from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension  # type: ignore[import-untyped]
from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions  # type: ignore[import-untyped]
from py_arg.algorithms.semantics.get_stable_extensions import get_stable_extensions  # type: ignore[import-untyped]

from argmap.semantics import AttackFramework, solve

SEMANTICS = ("grounded", "complete", "preferred", "stable")


def random_framework(seed: int) -> AttackFramework:
    rng = random.Random(seed)
    n = rng.randint(0, 8)
    names = [f"a{i}" for i in range(n)]
    density = rng.choice([0.1, 0.2, 0.3, 0.5])
    attacks = [(x, y) for x in names for y in names if rng.random() < density]
    return AttackFramework(names, attacks)


def ours(af: AttackFramework, semantics: str) -> set[frozenset[str]]:
    return set(solve(af, semantics).extensions)


def py_arg(af: AttackFramework, semantics: str) -> set[frozenset[str]]:
    arguments = {name: Argument(name) for name in af.names}
    defeats = [Defeat(arguments[a], arguments[b]) for a, b in af.attack_pairs()]
    framework = AbstractArgumentationFramework("af", list(arguments.values()), defeats)
    if semantics == "grounded":
        return {frozenset(a.name for a in get_grounded_extension(framework))}
    compute = {
        "complete": get_complete_extensions,
        "preferred": get_preferred_extensions,
        "stable": get_stable_extensions,
    }
    return {frozenset(a.name for a in extension) for extension in compute[semantics](framework)}


def formal_argumentation(af: AttackFramework, semantics: str) -> set[frozenset[str]]:
    framework = dung.ArgumentationFramework(
        arguments=frozenset(af.names), defeats=frozenset(af.attack_pairs())
    )
    if semantics == "grounded":
        return {dung.grounded_extension(framework)}
    compute = {
        "complete": dung.complete_extensions,
        "preferred": dung.preferred_extensions,
        "stable": dung.stable_extensions,
    }
    return set(compute[semantics](framework))


@pytest.mark.parametrize("seed", range(300))
def test_agrees_with_python_argumentation_and_formal_argumentation(seed: int) -> None:
    af = random_framework(seed)
    for semantics in SEMANTICS:
        expected = py_arg(af, semantics)
        assert ours(af, semantics) == expected, semantics
        assert formal_argumentation(af, semantics) == expected, semantics
