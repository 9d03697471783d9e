"""compare(): each kind of disagreement with its ids, the scores per layer, and their properties."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import argmap
from argmap.comparison import Comparison, compare
from argmap.model import ArgumentMap, Relation
from tests.compare.maps import REFERENCE_RELATIONS, REFERENCE_ROWS, build, reference
from tests.conftest import ARTICLE_MAP
from tests.strategies import argument_maps

Rel = tuple[str, str, str | list[str], str]


def _rels(*changes: Rel) -> list[Rel]:
    """The reference's relations; a change replaces the relation with its id (type "drop" removes it)."""
    base = {r[0]: r for r in REFERENCE_RELATIONS}
    for change in changes:
        base[change[0]] = change
    return [r for r in base.values() if r[1] != "drop"]


def _variant(
    relations: list[Rel] | None = None,
    kinds: dict[str, str] | None = None,
    drop: tuple[str, ...] = (),
    main_claim: str = "C",
) -> ArgumentMap:
    """The reference under other ids (each x-prefixed), with kinds changed and statements dropped."""
    kinds = kinds or {}
    rows = [("x" + i, kinds.get(i, k), t) for i, k, t in REFERENCE_ROWS if i not in drop]
    renamed: list[Rel] = [
        ("x" + rid, rtype, ["x" + s for s in ([src] if isinstance(src, str) else src)], "x" + to)
        for rid, rtype, src, to in (_rels() if relations is None else relations)
    ]
    return build(rows, renamed, title="Variant", main_claim="x" + main_claim)


def _kinds(result: Comparison) -> list[str]:
    return [d.kind for d in result.disagreements]


def test_the_same_map_under_other_ids_agrees_fully() -> None:
    result = compare(_variant(), reference())
    assert result.score == 1.0 and result.disagreements == ()
    assert {(p.a, p.b) for p in result.alignment.pairs} == {("x" + i, i) for i, _, _ in REFERENCE_ROWS}


def test_a_type_flip_names_both_relations() -> None:
    result = compare(_variant(relations=_rels(("s1", "attack", "P1", "C"))), reference())
    (flip,) = result.disagreements
    assert flip.kind == "type-mismatch"
    assert (flip.relations_a, flip.relations_b) == (("xs1",), ("s1",))
    assert (flip.label_a, flip.label_b) == ("attack", "support")
    assert result.attachment.f1 == 1.0
    assert result.relations.matched == 4 and result.relations.precision == 0.8


def test_a_reversed_relation() -> None:
    result = compare(_variant(relations=_rels(("s2", "support", "P1", "E1"))), reference())
    (reversal,) = result.disagreements
    assert reversal.kind == "direction-reversed"
    assert reversal.relations_a == ("xs2",) and reversal.relations_b == ("s2",)
    assert reversal.statements_a == ("xP1", "xE1") and reversal.statements_b == ("E1", "P1")
    assert result.attachment.matched == 4


def test_a_wrong_target() -> None:
    result = compare(_variant(relations=_rels(("s2", "support", "E1", "C"))), reference())
    (wrong,) = result.disagreements
    assert wrong.kind == "wrong-target"
    assert wrong.statements_a == ("xE1", "xC") and wrong.statements_b == ("E1", "P1")


def test_missing_and_extra_relations() -> None:
    result = compare(
        _variant(relations=_rels(("a1", "drop", "R1", "C"), ("s9", "support", "P2", "P1"))), reference()
    )
    assert sorted(_kinds(result)) == ["relation-only-in-a", "relation-only-in-b"]
    extra = next(d for d in result.disagreements if d.kind == "relation-only-in-a")
    missing = next(d for d in result.disagreements if d.kind == "relation-only-in-b")
    assert extra.relations_a == ("xs9",) and extra.statements_a == ("xP2", "xP1")
    assert missing.relations_b == ("a1",) and missing.statements_b == ("R1", "C")
    assert result.relations.recall == 4 / 5 and result.relations.precision == 4 / 5


def test_an_undercut_matches_only_when_its_target_relation_does() -> None:
    moved = _variant(relations=_rels(("s3", "support", "P2", "P1")))
    result = compare(moved, reference())
    # s3 now targets P1: a wrong target; so the undercut of s3 attacks a relation with no
    # counterpart and, coming from the same statement as the reference's, is one too.
    assert _kinds(result) == ["wrong-target", "wrong-target"]
    undercut = result.disagreements[1]
    assert (undercut.relations_a, undercut.relations_b) == (("xa2",), ("a2",))
    assert undercut.statements_b == ("U1",)
    assert result.attachment.matched == 3


def test_linked_sources_match_as_a_set() -> None:
    rows = [("C", "claim", "Pay the tax."), ("P", "premise", "It is fair."), ("Q", "premise", "It is cheap.")]
    a = build(rows, [("r", "support", ["P", "Q"], "C")])
    b = build(rows, [("r", "support", ["Q", "P"], "C")])
    half = build(rows, [("r", "support", "P", "C")])
    assert compare(a, b).relations.f1 == 1.0
    assert compare(half, b).relations.f1 == 0.0
    assert _kinds(compare(half, b)) == ["relation-only-in-a", "relation-only-in-b"]


def test_statement_and_kind_disagreements() -> None:
    result = compare(
        _variant(drop=("R1",), kinds={"E1": "premise"}, relations=_rels(("a1", "drop", "R1", "C"))),
        reference(),
    )
    assert _kinds(result) == ["statement-only-in-b", "kind-mismatch", "relation-only-in-b"]
    only_b, kind, _ = result.disagreements
    assert only_b.statements_b == ("R1",)
    assert (kind.statements_a, kind.statements_b, kind.label_a, kind.label_b) == (
        ("xE1",),
        ("E1",),
        "premise",
        "evidence",
    )
    assert result.segments.precision == 1.0 and result.segments.recall == 5 / 6
    assert result.kinds.matched == 4


def test_main_claim_mismatch() -> None:
    result = compare(_variant(relations=_rels(), main_claim="P1"), reference())
    (claim,) = result.disagreements
    assert claim.kind == "main-claim-mismatch"
    assert (claim.statements_a, claim.statements_b) == (("xP1",), ("C",))


def test_kappa_of_kinds_and_types() -> None:
    result = compare(
        _variant(relations=_rels(("s1", "attack", "P1", "C")), kinds={"E1": "premise"}), reference()
    )
    # kinds over 6 pairs: A has premise x3, claim, rebuttal x2; B premise x2, evidence, claim, rebuttal x2.
    # p_o = 5/6, p_e = (3*2 + 1*1 + 2*2) / 36 = 11/36, kappa = (30 - 11) / (36 - 11) = 19/25.
    assert result.kinds.kappa == pytest.approx(19 / 25)
    # types over 5 paired relations: A support 2, attack 3; B support 3, attack 2; 4 agree.
    # p_e = (2*3 + 3*2) / 25 = 12/25, kappa = (20 - 12) / (25 - 12) = 8/13.
    assert result.relations.kappa == pytest.approx(8 / 13)


def test_kappa_undefined_when_every_relation_is_a_support() -> None:
    rows = [("C", "claim", "Pay the tax."), ("P", "premise", "It is fair.")]
    m = build(rows, [("r", "support", "P", "C")])
    assert compare(m, m).relations.kappa is None and compare(m, m).kinds.kappa == 1.0


def test_the_article_map_agrees_with_itself() -> None:
    m = argmap.load(ARTICLE_MAP)
    result = compare(m, m)
    assert result.alignment.method == "span"
    assert result.score == 1.0 and result.disagreements == ()


def test_score_is_the_first_key_of_the_json() -> None:
    data = compare(reference(), reference()).model_dump(mode="json")
    assert next(iter(data)) == "score"
    assert list(data) == [
        "score",
        "segments",
        "kinds",
        "relations",
        "attachment",
        "alignment",
        "disagreements",
    ]


# -- properties ---------------------------------------------------------------------------


@st.composite
def map_pairs(draw: st.DrawFn) -> tuple[ArgumentMap, ArgumentMap]:
    """A map and a damaged copy: statements dropped, kinds and types changed, ids renamed."""
    original = draw(argument_maps())
    keep = [s for s in original.statements if draw(st.booleans()) or len(original.statements) == 1]
    kept = {s.id for s in keep}
    statements = [
        s.model_copy(
            update={
                "id": "z" + s.id,
                "kind": draw(st.sampled_from(["claim", "premise"])) if draw(st.booleans()) else s.kind,
            }
        )
        for s in keep
    ]
    relations: list[Relation] = []
    named: set[str] = set()
    for r in original.relations:
        target_ok = r.to in kept or r.to in named
        if not (set(r.sources) <= kept and target_ok) or draw(st.booleans()):
            continue
        rtype = r.type
        if draw(st.booleans()) and rtype == "support":
            rtype = "attack"
        relations.append(
            Relation(id="z" + r.key, type=rtype, sources=["z" + s for s in r.sources], to="z" + r.to)
        )
        named.add(r.key)
    damaged = ArgumentMap(title="damaged", statements=statements, relations=relations)
    return original, damaged


@settings(max_examples=40, deadline=None)
@given(argument_maps())
def test_a_map_agrees_with_itself(m: ArgumentMap) -> None:
    result = compare(m, m)
    assert result.score == 1.0 and result.disagreements == ()


@settings(max_examples=40, deadline=None)
@given(map_pairs(), st.booleans())
def test_swapping_the_maps_swaps_precision_and_recall(
    pair: tuple[ArgumentMap, ArgumentMap], flip: bool
) -> None:
    a, b = pair if flip else pair[::-1]
    forward, backward = compare(a, b), compare(b, a)
    assert forward.score == pytest.approx(backward.score)
    for layer in ("segments", "kinds", "relations", "attachment"):
        x, y = getattr(forward, layer), getattr(backward, layer)
        assert (x.precision, x.recall, x.matched) == (y.recall, y.precision, y.matched), layer
        assert x.f1 == pytest.approx(y.f1)
        assert x.kappa == pytest.approx(y.kappa) if x.kappa is not None else y.kappa is None
    assert len(forward.disagreements) == len(backward.disagreements)


@settings(max_examples=40, deadline=None)
@given(map_pairs())
def test_scores_lie_in_the_unit_interval(pair: tuple[ArgumentMap, ArgumentMap]) -> None:
    result = compare(*pair)
    assert 0.0 <= result.score <= 1.0
    assert all(0.0 <= getattr(result, n).f1 <= 1.0 for n in ("segments", "kinds", "relations", "attachment"))


@settings(max_examples=40, deadline=None)
@given(argument_maps(), st.data())
def test_removing_a_relation_lowers_relation_recall(m: ArgumentMap, data: st.DataObject) -> None:
    undercut = {r.to for r in m.relations}
    removable = [r for r in m.relations if r.key not in undercut]
    assume(removable)
    gone = data.draw(st.sampled_from(removable))
    fewer = m.model_copy(update={"relations": tuple(r for r in m.relations if r is not gone)})
    result = compare(fewer, m)
    assert result.relations.recall == pytest.approx((len(m.relations) - 1) / len(m.relations))
    assert result.relations.recall < compare(m, m).relations.recall
    if len(fewer.relations):
        assert result.relations.precision == 1.0
