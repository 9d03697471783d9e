"""Precision, recall, F1 and Cohen's kappa: hand-computed cases and scikit-learn as a second opinion."""

from __future__ import annotations

import math
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from argmap.comparison import agreement, cohen_kappa
from argmap.errors import UsageError


def test_counts_give_precision_on_a_and_recall_on_b() -> None:
    result = agreement(2, 4, 5)
    assert (result.precision, result.recall) == (0.5, 0.4)
    assert result.f1 == pytest.approx(2 * 0.5 * 0.4 / 0.9)


@pytest.mark.parametrize(
    ("a_total", "b_total", "f1"),
    [(0, 0, 1.0), (0, 3, 0.0), (3, 0, 0.0)],
    ids=["both empty agree", "only B has items", "only A has items"],
)
def test_empty_layers(a_total: int, b_total: int, f1: float) -> None:
    assert agreement(0, a_total, b_total).f1 == f1


@pytest.mark.parametrize(("matched", "a_total", "b_total"), [(-1, 2, 2), (3, 2, 5), (3, 5, 2)])
def test_impossible_counts_are_refused(matched: int, a_total: int, b_total: int) -> None:
    with pytest.raises(UsageError, match="cannot have"):
        agreement(matched, a_total, b_total)


def test_kappa_by_hand() -> None:
    # p_o = 3/4; p_e = (1*1 + 2*1 + 1*2) / 16 = 5/16; kappa = (12 - 5) / (16 - 5) = 7/11.
    a = ["claim", "premise", "premise", "evidence"]
    b = ["claim", "premise", "evidence", "evidence"]
    assert cohen_kappa(a, b) == pytest.approx(7 / 11)


def test_kappa_of_total_disagreement_on_two_labels_is_minus_one() -> None:
    assert cohen_kappa(["support", "attack"], ["attack", "support"]) == pytest.approx(-1.0)


@pytest.mark.parametrize(
    ("a", "b"),
    [([], []), (["support"] * 3, ["support"] * 3)],
    ids=["no items", "one label used by both throughout"],
)
def test_kappa_undefined(a: list[str], b: list[str]) -> None:
    assert cohen_kappa(a, b) is None


def test_kappa_needs_paired_labels() -> None:
    with pytest.raises(UsageError, match="two labels per item"):
        cohen_kappa(["a"], ["a", "b"])


labels = st.sampled_from(["claim", "premise", "evidence", "rebuttal"])


@given(st.lists(st.tuples(labels, labels), min_size=1, max_size=30))
def test_kappa_agrees_with_scikit_learn(pairs: list[tuple[str, str]]) -> None:
    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    ours = cohen_kappa(a, b)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = float(cohen_kappa_score(a, b))
    if ours is None:
        assert math.isnan(theirs)
    else:
        assert ours == pytest.approx(theirs)
