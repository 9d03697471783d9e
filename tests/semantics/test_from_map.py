"""Maps to frameworks: statements and relations as arguments, undercuts, linked arguments, bipolar support.

The bipolar derived attacks follow Cayrol & Lagasquie-Schiex (2013), *Bipolarity in argumentation
graphs: towards a better understanding*, IJAR 54(7) 876-899 (supported and mediated attacks for
deductive support; secondary and extended attacks for necessary support, after Nouioua & Risch 2010,
*Bipolar argumentation frameworks with specialized supports*, ICTAI). Each worked example below is
the minimal pattern of one definition, written as a map.
"""

from __future__ import annotations

from typing import Literal

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap.errors import UsageError
from argmap.model import ArgumentMap, Relation, Statement
from argmap.semantics import AttackFramework, labels_of_extension, search, solve
from argmap.semantics.labelling import IN, OUT
from tests.conftest import ARTICLE_MAP
from tests.strategies import argument_maps


def make_map(
    statements: str, *relations: tuple[str, Literal["support", "attack"], str | list[str], str]
) -> ArgumentMap:
    """Statements by one-letter id; relations as (id, type, from, to)."""
    return ArgumentMap(
        title="T",
        statements=[Statement(id=s, kind="premise", text=s) for s in statements],
        relations=[Relation(id=i, type=t, sources=f, to=to) for i, t, f, to in relations],
    )


def attacks(m: ArgumentMap, support: str = "none") -> set[tuple[str, str]]:
    return set(AttackFramework.from_map(m, support=support).attack_pairs())


def test_arguments_are_statements_and_relations() -> None:
    m = make_map(
        "ABCU", ("s", "support", ["A", "B"], "C"), ("r", "attack", "U", "A"), ("u", "attack", "U", "s")
    )
    af = AttackFramework.from_map(m)
    assert af.names == ("A", "B", "C", "U", "s", "r", "u")
    # r attacks A; the linked support s inherits r (A is one of its sources); u undercuts s.
    assert attacks(m) == {("r", "A"), ("r", "s"), ("u", "s")}


def test_defeated_attacker_defeats_nothing() -> None:
    """D attacks R's source: R's attack on C is out with it, so C is in."""
    m = make_map("CRD", ("r", "attack", "R", "C"), ("d", "attack", "D", "R"))
    labels = solve(AttackFramework.from_map(m), "grounded").labels
    assert labels == {"C": "in", "R": "out", "D": "in", "r": "out", "d": "in"}


def test_unknown_support_mode() -> None:
    with pytest.raises(
        UsageError, match="unknown support mode 'strong'; known modes: none, deductive, necessary"
    ):
        AttackFramework.from_map(make_map("A"), support="strong")


def _labellings(m: ArgumentMap) -> list[dict[str, int]]:
    af = AttackFramework.from_map(m)
    found = [labels_of_extension(af, members) for members in search(af, "complete")]
    return [dict(zip(af.names, labels.tolist(), strict=True)) for labels in found]


@given(argument_maps(structure_only=True))
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
def test_relations_live_and_die_with_their_sources(m: ArgumentMap) -> None:
    """In every complete labelling (the grounded one among them), a relation is in exactly when all its
    sources are in and all its undercuts are out, and out exactly when a source is out or an undercut
    is in; so an attack whose source is defeated defeats nothing."""
    undercuts = {
        r.key: [u.key for u in m.relations if u.type == "attack" and u.to == r.key] for r in m.relations
    }
    labellings = _labellings(m)
    af = AttackFramework.from_map(m)
    grounded = dict(zip(af.names, solve(af, "grounded").labels.values(), strict=True))  # type: ignore[union-attr]
    assert {k: {"in": IN, "out": OUT, "undec": 0}[v] for k, v in grounded.items()} in labellings
    for labels in labellings:
        for relation in m.relations:
            sources = [labels[s] for s in relation.sources]
            cuts = [labels[u] for u in undercuts[relation.key]]
            is_in = all(s == IN for s in sources) and all(c == OUT for c in cuts)
            is_out = any(s == OUT for s in sources) or any(c == IN for c in cuts)
            assert (labels[relation.key] == IN) is is_in
            assert (labels[relation.key] == OUT) is is_out


# -- bipolar support ------------------------------------------------------------------

SUPPORTED = make_map("ABC", ("s", "support", "A", "B"), ("r", "attack", "B", "C"))
MEDIATED = make_map("ABC", ("s", "support", "A", "B"), ("r", "attack", "C", "B"))
SECONDARY = make_map("ABC", ("s", "support", "A", "B"), ("r", "attack", "C", "A"))
EXTENDED = make_map("ABC", ("s", "support", "A", "B"), ("r", "attack", "A", "C"))


@pytest.mark.parametrize(
    ("m", "support", "derived"),
    [
        pytest.param(
            SUPPORTED, "deductive", {("A", "C"), ("s", "C")}, id="supported: A =>d B, B -> C gives A -> C"
        ),
        pytest.param(
            MEDIATED, "deductive", {("r", "A"), ("r", "s")}, id="mediated: A =>d B, C -> B gives C -> A"
        ),
        pytest.param(SECONDARY, "necessary", {("r", "B")}, id="secondary: C -> A, A =>n B gives C -> B"),
        pytest.param(
            EXTENDED, "necessary", {("s", "C"), ("B", "C")}, id="extended: A =>n B, A -> C gives B -> C"
        ),
        pytest.param(SUPPORTED, "necessary", set(), id="necessary support: B attacking C says nothing of A"),
        pytest.param(MEDIATED, "necessary", set(), id="necessary support: attacking B says nothing of A"),
        pytest.param(SECONDARY, "deductive", set(), id="deductive support: attacking A says nothing of B"),
    ],
)
def test_derived_attacks(m: ArgumentMap, support: str, derived: set[tuple[str, str]]) -> None:
    assert attacks(m, support) - attacks(m) == derived


def test_mediated_attack_changes_the_verdict() -> None:
    """Deductive: C defeats B, so A (which would make B true) is out; without support A stays in."""
    af = AttackFramework.from_map(MEDIATED, support="deductive")
    assert solve(af, "grounded").labels == {"A": "out", "B": "out", "C": "in", "s": "out", "r": "in"}
    assert solve(AttackFramework.from_map(MEDIATED), "grounded").labels["A"] == "in"  # type: ignore[index]


def test_secondary_attack_changes_the_verdict() -> None:
    """Necessary: C defeats A, and B cannot stand without A."""
    af = AttackFramework.from_map(SECONDARY, support="necessary")
    assert solve(af, "grounded").labels["B"] == "out"  # type: ignore[index]
    assert solve(AttackFramework.from_map(SECONDARY), "grounded").labels["B"] == "in"  # type: ignore[index]


def test_support_is_transitive() -> None:
    """A =>d B =>d D and C -> D: the attack reaches back to A (mediated over supp+)."""
    m = make_map("ABCD", ("s1", "support", "A", "B"), ("s2", "support", "B", "D"), ("r", "attack", "C", "D"))
    assert attacks(m, "deductive") - attacks(m) == {("r", "A"), ("r", "s1"), ("r", "B"), ("r", "s2")}


def test_linked_support() -> None:
    """A linked support stands for its joint sources: deductively no lone premise carries it;
    necessarily each premise is needed (q -> A reaches B, secondary). Necessary support also ties
    each attack relation to its source, so r, which needs C, attacks what C attacks (A: extended)."""
    m = make_map(
        "ABCD", ("s", "support", ["A", "D"], "B"), ("r", "attack", "C", "B"), ("q", "attack", "C", "A")
    )
    assert attacks(m, "deductive") - attacks(m) == {("r", "s")}
    assert attacks(m, "necessary") - attacks(m) == {("q", "B"), ("r", "A"), ("q", "B")}


@pytest.mark.parametrize("support", ["none", "deductive", "necessary"])
def test_article_map(support: str) -> None:
    m = argmap.load(ARTICLE_MAP)
    af = AttackFramework.from_map(m, support=support)
    assert set(af.names) == {s.id for s in m.statements} | {r.key for r in m.relations}
    for semantics in ("grounded", "preferred"):
        assert solve(af, semantics).extensions
