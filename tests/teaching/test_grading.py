"""Grading as a diagnosis: one remark per mistake, naming its statements, and scores that weigh structure.

The key is tests/teaching/library.py's (nine relations). Each student map is the key with
known mistakes made by hand (the mutations there); the expected remark of each (its kind
and the statements it names) is written in the mutation, not computed by the grader.
"""

from __future__ import annotations

import itertools
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.teaching import Grade, grade
from argmap.teaching.diagnosis import MISTAKE_KINDS, diagnose
from argmap.teaching.grading import PARTIAL_CREDIT, WEIGHTS
from tests.conftest import ARTICLE_MAP, ROOT
from tests.teaching.library import BY_NAME, MUTATIONS, Mutation, key, key_data, to_map
from tests.teaching.mutations import independent_mutations, mutated
from tests.teaching.mutations import key_data as key_data_of

KEY = key()


def graded(*mutations: Mutation) -> Grade:
    data = key_data()
    for mutation in mutations:
        data = mutation(data)
    return grade(to_map(data), KEY)


def test_the_key_graded_against_itself_scores_1() -> None:
    result = graded()
    assert result.score == 1.0 and result.feedback == () and result.mistakes == ()


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_one_mistake_gets_exactly_one_remark_naming_its_statements(mutation: Mutation) -> None:
    result = graded(mutation)
    assert [f.kind for f in result.feedback] == [mutation.kind], [f.message for f in result.feedback]
    (item,) = result.feedback
    named = set(item.student_ids) | set(item.reference_ids)
    assert set(mutation.names) <= named, (mutation.names, named)
    assert 0.8 < result.score < 1.0
    if mutation.kind != "extra-relation":
        assert "no such link" not in item.message


def test_every_kind_of_mistake_has_a_hand_made_student() -> None:
    assert {m.kind for m in MUTATIONS} == set(MISTAKE_KINDS) - {"wrong-sources"}


def test_linked_premises_drawn_as_separate_reasons() -> None:
    (item,) = graded(BY_NAME["linked drawn as separate reasons"]).feedback
    assert item.message.startswith(
        "You drew P3 ('The town has money left over from the road budget.') and P4"
    )
    assert "as separate reasons for C ('The town should build a new library.')" in item.message
    assert item.message.endswith(
        "in the reference they work only together, as one: P3 and P4 together support C."
    )
    assert set(item.student_ids) >= {"s5a", "s5b"} and "s5" in item.reference_ids


def test_separate_reasons_drawn_as_one_linked_reason() -> None:
    (item,) = graded(BY_NAME["separate reasons drawn as linked"]).feedback
    assert "You joined P1 (" in item.message and "into one linked reason for C (" in item.message
    assert item.message.endswith("in the reference they work on their own: P1 supports C; P2 supports C.")


def test_an_undercut_riding_on_a_reversed_support_is_no_mistake_of_its_own() -> None:
    result = graded(BY_NAME["reversed under an undercut"])
    (item,) = result.feedback
    assert item.kind == "reversed" and "u1" not in item.student_ids
    assert item.message.endswith(
        "the reference has the support the other way round, from E2 ('A study of ten towns found that "
        "borrowing doubled reading...') to P2 ('Children who can borrow books freely read more.')."
    )


def test_an_objection_aimed_at_the_statement_rather_than_the_step() -> None:
    (item,) = graded(BY_NAME["undercut drawn as rebuttal"]).feedback
    assert item.message.startswith("You aimed the objection from U1 (")
    assert (
        "at P2 ('Children who can borrow books freely read more.'); the reference aims it at the link from E2"
        in item.message
    )
    assert item.message.endswith("it questions that step, not the statement.")


def test_an_objection_aimed_at_a_step_rather_than_the_statement() -> None:
    (item,) = graded(BY_NAME["rebuttal drawn as undercut"]).feedback
    assert "at the link from P3 (" in item.message
    assert item.message.endswith(
        "the reference aims it at P3 ('The town has money left over from the road budget.') "
        "itself, not at a step."
    )


def test_a_missed_support_takes_its_undercut_with_it() -> None:
    (item,) = graded(BY_NAME["support missed, with its undercut"]).feedback
    assert item.kind == "missing-relation" and item.reference_ids[-2:] == ("s4", "u1")
    assert item.message.endswith(
        "and with it the objection from U1 ('Keen readers borrow more, so borrowing may not be "
        "what...') to that link."
    )


def test_a_missing_statement_says_what_it_did_in_the_key() -> None:
    (item,) = graded(BY_NAME["statement left out"]).feedback
    assert item.message == (
        "You left out the reference's rebuttal R2 "
        "('By law the road surplus must go back to the taxpayers.'). "
        "In the reference, R2 attacks P3."
    )
    assert "a3" in item.reference_ids


def test_merged_and_split_statements_carry_their_relations() -> None:
    (merged,) = graded(BY_NAME["two statements merged"]).feedback
    assert merged.message.startswith("You wrote P34 (") and "as 2 statements" in merged.message
    assert "(reference P3)" in merged.message and "(reference P4)" in merged.message
    (split,) = graded(BY_NAME["a statement split in two"]).feedback
    assert split.message.startswith("You split the reference's statement 'The old library is too small")
    assert "into P1a ('The old library is too small') and P1b" in split.message
    assert "s1b" in split.student_ids


def test_an_extra_link_says_no_such_link_only_when_there_is_none() -> None:
    (item,) = graded(BY_NAME["support that is not there"]).feedback
    assert item.message.endswith("as support; the reference has no such link.")
    # part of a linked relation of the key: never "no such link"
    data = key_data()
    data["relations"].append({"id": "x", "type": "support", "from": ["P4"], "to": "C"})
    (item,) = grade(to_map(data), KEY).feedback
    assert item.kind == "extra-relation" and "no such link" not in item.message
    assert "(between these statements it has: P3 and P4 together support C)" in item.message


def test_a_linked_relation_with_a_premise_left_out() -> None:
    data = key_data()
    next(r for r in data["relations"] if r["id"] == "s5")["from"] = ["P3"]
    (item,) = grade(to_map(data), KEY).feedback
    assert item.kind == "wrong-sources" and "no such link" not in item.message
    assert "in the reference this support comes from P3 (" in item.message and "P4 (" in item.message


# -- scores ----------------------------------------------------------------------------------


RELATION_MISTAKES = [
    m for m in MUTATIONS if m.kind in ("wrong-type", "reversed", "wrong-target", "missing-relation")
]


def test_three_wrong_relations_of_nine_cost_clearly_more_than_one() -> None:
    assert len(KEY.relations) == 9
    for trio in itertools.combinations(RELATION_MISTAKES, 3):
        if any(a.touches & b.touches for a, b in itertools.combinations(trio, 2)):
            continue
        three = graded(*trio)
        assert len(three.feedback) == 3
        assert three.score <= 0.80
        assert all(graded(m).score > 0.80 for m in trio)


def test_structure_mistakes_get_partial_credit() -> None:
    separate = graded(BY_NAME["linked drawn as separate reasons"]).score
    missing = graded(BY_NAME["objection missed"]).score
    aimed = graded(BY_NAME["undercut drawn as rebuttal"]).score
    assert 1.0 > separate > missing and 1.0 > aimed > missing
    assert set(PARTIAL_CREDIT) >= {"linked-as-separate", "rebut-instead-of-undercut"}
    assert all(0 < w <= 1 for w in [*WEIGHTS.values(), *PARTIAL_CREDIT.values()])


def test_the_old_combined_score_is_still_in_the_comparison() -> None:
    result = graded(BY_NAME["support drawn as objection"])
    assert result.comparison.score < 1.0 and result.comparison.relations.matched == 8


# -- properties: k mutations that do not interact give k remarks, and scores fall ---------------


def independent(mutations: list[Mutation]) -> bool:
    return all(not (a.touches & b.touches) for a, b in itertools.combinations(mutations, 2))


@settings(max_examples=60, deadline=None)
@given(st.permutations(MUTATIONS), st.integers(min_value=1, max_value=5))
def test_k_independent_mistakes_get_k_remarks_and_each_lowers_the_score(
    order: list[Mutation], k: int
) -> None:
    chosen: list[Mutation] = []
    for mutation in order:
        if len(chosen) < k and independent([*chosen, mutation]):
            chosen.append(mutation)
    scores = [1.0]
    for n in range(1, len(chosen) + 1):
        result = graded(*chosen[:n])
        assert sorted(f.kind for f in result.feedback) == sorted(m.kind for m in chosen[:n]), [
            f.message for f in result.feedback
        ]
        scores.append(result.score)
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == len(scores)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(MUTATIONS), min_size=2, max_size=2, unique=True), st.sampled_from(MUTATIONS))
def test_more_independent_mistakes_score_lower_whatever_their_kinds(
    two: list[Mutation], one: Mutation
) -> None:
    if not independent(two):
        return
    assert graded(*two).score < graded(one).score


def test_diagnosis_lists_the_ids_a_remark_names() -> None:
    diagnosis = diagnose(to_map(BY_NAME["support drawn as objection"](key_data())), KEY)
    (mistake,) = diagnosis.mistakes
    assert mistake.student_relations == ("s1",) and mistake.reference_relations == ("s1",)
    assert mistake.reference_has == "P1 supports C" and mistake.student_has == "P1 attacks C"
    assert re.fullmatch(r"[a-z-]+", mistake.layer)


# -- properties on real keys: random known mistakes ----------------------------------------------

REAL_KEYS = {
    "debate": argmap.load(ROOT / "examples" / "teaching" / "homework-debate.yaml"),
    "article": argmap.load(ARTICLE_MAP),
}


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(REAL_KEYS)), st.randoms(use_true_random=False), st.integers(1, 5))
def test_random_independent_mistakes_on_real_keys_get_one_remark_each(
    name: str, rng: random.Random, k: int
) -> None:
    reference = REAL_KEYS[name]
    data = key_data_of(reference)
    chosen = independent_mutations(data, k, rng)
    scores = [1.0]
    for n in range(1, len(chosen) + 1):
        result = grade(mutated(data, chosen[:n]), reference)
        assert sorted(f.kind for f in result.feedback) == sorted(m.kind for m in chosen[:n]), [
            f.message for f in result.feedback
        ]
        assert not any("no such link" in f.message for f in result.feedback if f.kind != "extra-relation")
        scores.append(result.score)
    assert all(a > b for a, b in itertools.pairwise(scores))


def test_a_statement_that_holds_two_left_out_ones_is_not_taken_for_a_merge() -> None:
    rows = [
        ("C", "claim", "We should plant trees and fix the roads."),
        ("A", "premise", "We should plant trees"),
        ("B", "premise", "and fix the roads."),
    ]
    reference = to_map({"title": "K", "statements": [{"id": i, "kind": k, "text": t} for i, k, t in rows]})
    student = to_map({"title": "S", "statements": [{"id": "C", "kind": "claim", "text": rows[0][2]}]})
    result = grade(student, reference)
    assert [(f.kind, f.reference_ids) for f in result.feedback] == [
        ("missing-statement", ("A",)),
        ("missing-statement", ("B",)),
    ]
