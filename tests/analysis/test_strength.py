"""Gradual strength: DF-QuAD (Rago et al. 2016) and the quadratic energy model (Potyka 2018)."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings

import argmap
from argmap.analysis.strength import StrengthCycleError, strength
from argmap.errors import UsageError
from argmap.model import ArgumentMap
from tests.conftest import ARTICLE_MAP
from tests.strategies import argument_maps

HEADER = "argmap: 1\ntitle: T\n"


def test_df_quad_hand_computed_example() -> None:
    """Two supporters and one attacker of C.

    F(supporters) = 1 - (1-0.8)(1-0.5) = 0.9; F(attackers) = 0.6;
    C(0.5, 0.6, 0.9) = 0.5 + 0.5 * (0.9 - 0.6) = 0.65 (Rago et al. 2016, Def. of DF-QuAD).
    """
    m = argmap.loads(
        HEADER + "statements:\n"
        "  - {id: C, kind: claim, text: c}\n"
        "  - {id: P1, kind: premise, text: p1, weight: 0.8}\n"
        "  - {id: P2, kind: premise, text: p2}\n"
        "  - {id: R, kind: rebuttal, text: r, weight: 0.6}\n"
        "relations:\n"
        "  - {id: S1, type: support, from: P1, to: C}\n"
        "  - {id: S2, type: support, from: P2, to: C}\n"
        "  - {id: A, type: attack, from: R, to: C}\n"
    )
    result = strength(m, "df-quad")
    assert result.model == "df-quad"
    assert result.scores["C"] == pytest.approx(0.65)
    assert result.scores["S1"] == pytest.approx(0.8)


def test_linked_relation_is_as_strong_as_its_weakest_premise_and_undercuts_weaken_it() -> None:
    m = argmap.loads(
        HEADER + "statements:\n"
        "  - {id: C, kind: claim, text: c, weight: 0.2}\n"
        "  - {id: P1, kind: premise, text: p1, weight: 0.9}\n"
        "  - {id: P2, kind: premise, text: p2, weight: 0.4}\n"
        "  - {id: U, kind: rebuttal, text: u, weight: 0.5}\n"
        "relations:\n"
        "  - {id: S, type: support, from: [P1, P2], to: C, weight: 0.5}\n"
        "  - {id: X, type: attack, from: U, to: S}\n"
    )
    scores = strength(m, "df-quad").scores
    # S: base 0.5 * min(0.9, 0.4) = 0.2, attacked by 0.5: 0.2 - 0.2 * 0.5 = 0.1
    assert scores["S"] == pytest.approx(0.1)
    # C: 0.2 + 0.8 * 0.1
    assert scores["C"] == pytest.approx(0.28)


def test_quadratic_energy_hand_computed_example() -> None:
    """One supporter of strength 0.5: E = 0.5, h(E) = 0.25 / 1.25 = 0.2; 0.5 + 0.5 * 0.2 = 0.6."""
    m = argmap.loads(
        HEADER + "statements:\n  - {id: C, kind: claim, text: c}\n  - {id: P, kind: premise, text: p}\n"
        "relations:\n  - {id: S, type: support, from: P, to: C}\n"
    )
    result = strength(m, "quadratic-energy")
    assert result.model == "quadratic-energy" and result.iterations > 0
    assert result.scores["C"] == pytest.approx(0.6, abs=1e-6)


def test_cyclic_maps_need_the_energy_model() -> None:
    m = argmap.loads(
        HEADER + "statements:\n  - {id: A, kind: claim, text: a}\n  - {id: B, kind: claim, text: b}\n"
        "relations:\n  - {type: attack, from: A, to: B}\n  - {type: attack, from: B, to: A}\n"
    )
    with pytest.raises(StrengthCycleError, match="use the quadratic-energy model"):
        strength(m, "df-quad")
    auto = strength(m)
    assert auto.model == "quadratic-energy"
    # symmetric attack with equal bases: both settle at the same value below the base
    assert auto.scores["A"] == pytest.approx(auto.scores["B"], abs=1e-6)
    assert auto.scores["A"] < 0.5


def test_unknown_model_lists_the_known_ones() -> None:
    with pytest.raises(UsageError, match="known: df-quad, quadratic-energy, auto"):
        strength(argmap.load(ARTICLE_MAP), "h-categorizer")


@settings(max_examples=80)
@given(argument_maps(structure_only=True))
def test_scores_lie_in_the_unit_interval_and_energy_is_a_fixed_point(m: ArgumentMap) -> None:
    result = strength(m, "quadratic-energy")
    assert all(0.0 <= s <= 1.0 for s in result.scores.values())
    again = strength(m, "quadratic-energy", tolerance=1e-12)
    for name, score in result.scores.items():
        assert score == pytest.approx(again.scores[name], abs=1e-6)


@settings(max_examples=80)
@given(argument_maps(structure_only=True))
def test_df_quad_balance_an_unattacked_unsupported_statement_keeps_its_base(m: ArgumentMap) -> None:
    # relations are nodes of the graph (AIF style), so its cycles are the cycles of dependence
    if not nx.is_directed_acyclic_graph(m.to_networkx()):
        with pytest.raises(StrengthCycleError, match="without cycles"):
            strength(m, "df-quad")
    else:
        result = strength(m, "df-quad")
        targets = {r.to for r in m.relations}
        for statement in m.statements:
            if statement.id not in targets:
                expected = statement.weight if statement.weight is not None else 0.5
                assert result.scores[statement.id] == pytest.approx(expected)


def test_article_map_strength() -> None:
    result = strength(argmap.load(ARTICLE_MAP))
    assert result.model == "df-quad"
    assert 0.5 < result.scores["C1"] <= 1.0
