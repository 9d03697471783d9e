"""The semantics registry, the one result type, and the queries written once over it."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from argmap.errors import UnknownIdError, UsageError
from argmap.semantics import (
    AttackFramework,
    Solution,
    credulous,
    get_solver,
    grounded_labels,
    register_semantics,
    semantics_names,
    skeptical,
    solve,
)
from argmap.semantics.labelling import IN, search

ODD = AttackFramework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
NIXON = AttackFramework(["a", "b"], [("a", "b"), ("b", "a")])


def test_registry_names_the_four_semantics() -> None:
    assert semantics_names() == ("grounded", "complete", "preferred", "stable")


def test_unknown_semantics_lists_the_known_ones() -> None:
    with pytest.raises(
        UsageError, match="unknown semantics 'ideal'; known semantics: grounded, complete, preferred, stable"
    ):
        solve(NIXON, "ideal")
    with pytest.raises(UsageError, match="known semantics"):
        credulous(NIXON, "semi-stable", "a")
    with pytest.raises(UsageError, match="unknown search mode"):
        search(NIXON, "grounded")  # type: ignore[arg-type]


def test_solve_needs_a_framework() -> None:
    with pytest.raises(UsageError, match="needs an AttackFramework, not list"):
        solve([], "grounded")  # type: ignore[arg-type]


def test_unknown_argument_in_a_query() -> None:
    with pytest.raises(UnknownIdError, match="no argument 'z'"):
        skeptical(NIXON, "grounded", "z")


@pytest.mark.parametrize(
    ("semantics", "argument", "credulously", "skeptically"),
    [
        ("grounded", "a", False, False),
        ("complete", "a", True, False),
        ("preferred", "b", True, False),
        ("stable", "a", True, False),
    ],
)
def test_queries_on_nixon(semantics: str, argument: str, credulously: bool, skeptically: bool) -> None:
    assert credulous(NIXON, semantics, argument) is credulously
    assert skeptical(NIXON, semantics, argument) is skeptically


def test_no_stable_extension_makes_every_argument_skeptically_accepted() -> None:
    """The ICCMA convention: DS-ST is YES when there is no stable extension (vacuous truth)."""
    assert skeptical(ODD, "stable", "a") is True
    assert credulous(ODD, "stable", "a") is False
    assert solve(ODD, "stable").accepted_by_all is None


def test_one_frozen_result_type() -> None:
    solutions = [solve(NIXON, name) for name in semantics_names()]
    assert all(type(s) is Solution for s in solutions)
    with pytest.raises(ValidationError):
        solutions[0].semantics = "x"  # type: ignore[misc]
    assert [s.semantics for s in solutions] == list(semantics_names())
    assert solve(NIXON, "preferred").accepted_by_some == {"a", "b"}
    assert solve(NIXON, "preferred").accepted_by_all == frozenset()


def test_solution_validates_when_built_by_hand() -> None:
    with pytest.raises(ValidationError):
        Solution(semantics="x", labels={"a": "maybe"}, extensions=())


def test_registering_a_semantics() -> None:
    def naive(af: AttackFramework) -> Solution:
        return Solution(semantics="naive-empty", labels=None, extensions=(frozenset(),))

    try:
        register_semantics("naive-empty", naive)
        assert "naive-empty" in semantics_names()
        assert skeptical(NIXON, "naive-empty", "a") is False
    finally:
        from argmap.semantics import solvers

        del solvers._SOLVERS["naive-empty"]
    assert get_solver("grounded") is not naive


def test_labels_as_an_array() -> None:
    """The efficient path: labels by index, no Python object per attack."""
    chain = AttackFramework.from_edges(5, range(4), range(1, 5))
    assert (grounded_labels(chain) == IN).nonzero()[0].tolist() == [0, 2, 4]


def test_long_chain_is_linear() -> None:
    """A chain of 200,000 attacks: the queue labels it in one pass (no rounds of the fixpoint)."""
    n = 200_000
    chain = AttackFramework.from_edges(n, range(n - 1), range(1, n))
    labels = grounded_labels(chain)
    assert int((labels == IN).sum()) == n // 2
