"""argmap.grade and ``argmap grade``: one hand-made student map per kind of mistake.

The reference (tests/compare/maps.py) is a small map on school uniforms. Each student map
below is the reference redrawn under the student's own letters, with one mistake made on
purpose; the feedback must name it, with the student's ids and the statements' text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.model import ArgumentMap
from argmap.teaching import FEEDBACK_KINDS, Feedback, grade
from tests.cli.test_cli import run
from tests.compare.maps import REFERENCE_RELATIONS, REFERENCE_ROWS, build, reference

LETTER = {"C": "A", "P1": "B", "E1": "C", "P2": "D", "R1": "E", "U1": "F"}
Rel = tuple[str, str, str | list[str], str]


def student(
    *changes: Rel,
    kinds: dict[str, str] | None = None,
    drop: str | None = None,
    main_claim: str = "C",
    extra: tuple[str, str, str] | None = None,
) -> ArgumentMap:
    """The reference in the student's letters (statements A-F, relations r-...), with mistakes."""
    kinds = kinds or {}
    relations = {r[0]: r for r in REFERENCE_RELATIONS}
    for change in changes:
        relations[change[0]] = change
    rows = [(LETTER[i], kinds.get(i, k), t) for i, k, t in REFERENCE_ROWS if i != drop]
    if extra:
        rows.append(extra)

    def name(node: str) -> str:
        return LETTER.get(node, node if node in LETTER.values() or node.startswith("G") else "r" + node)

    rels: list[Rel] = [
        ("r" + rid, rtype, [name(s) for s in ([src] if isinstance(src, str) else src)], name(to))
        for rid, rtype, src, to in relations.values()
        if rtype != "drop"
    ]
    return build(rows, rels, title="My map", main_claim=LETTER[main_claim])  # type: ignore[arg-type]


def only(result_feedback: tuple[Feedback, ...]) -> Feedback:
    assert len(result_feedback) == 1, [f.message for f in result_feedback]
    return result_feedback[0]


def test_a_faithful_map_scores_1_with_no_feedback() -> None:
    result = grade(student(), reference())
    assert result.score == 1.0 and result.feedback == ()
    assert result.summary.startswith("You found 6 of the reference's 6 statements")


def test_support_drawn_as_an_objection() -> None:
    item = only(grade(student(("s1", "attack", "P1", "C")), reference()).feedback)
    assert item.kind == "wrong-type"
    assert item.message == (
        "You linked B ('Uniforms reduce bullying about clothes.') to A ('Schools should require uniforms.') "
        "as an objection; the reference has it as support."
    )
    assert "rs1" in item.student_ids and "s1" in item.reference_ids


def test_a_missed_objection() -> None:
    result = grade(student(("a1", "drop", "R1", "C")), reference())
    item = only(result.feedback)
    assert item.kind == "missing-relation"
    assert item.message == (
        "You missed the objection from E ('Uniforms limit how students express themselves.') "
        "to your claim A ('Schools should require uniforms.')."
    )
    assert item.reference_ids == ("R1", "C", "a1") and item.student_ids == ("E", "A")
    assert result.score < 1.0


def test_a_missed_undercut_names_the_link_it_attacks() -> None:
    item = only(grade(student(("a2", "drop", "U1", "s3")), reference()).feedback)
    assert item.kind == "missing-relation"
    assert (
        "objection from F ('Good uniforms cost more than ordinary clothes.') to the link from D"
        in item.message
    )


def test_a_wrong_kind() -> None:
    item = only(grade(student(kinds={"E1": "premise"}), reference()).feedback)
    assert item.kind == "wrong-kind"
    assert item.message.startswith("You called C ('A survey of 40 schools found fewer reports of teasing")
    assert item.message.endswith("a premise; the reference treats it as evidence.")
    assert item.student_ids == ("C",) and item.reference_ids == ("E1",)


def test_long_texts_are_shortened() -> None:
    item = only(grade(student(kinds={"E1": "premise"}), reference()).feedback)
    assert "after uniforms came in" not in item.message and "...')" in item.message


def test_a_reversed_support() -> None:
    item = only(grade(student(("s2", "support", "P1", "E1")), reference()).feedback)
    assert item.kind == "reversed"
    assert item.message.startswith("You linked B ('Uniforms reduce bullying about clothes.') to C (")
    assert item.message.endswith(
        "the reference has the support the other way round, from C ('A survey of 40 schools found fewer "
        "reports of teasing...') to B ('Uniforms reduce bullying about clothes.')."
    )


def test_a_wrong_target() -> None:
    item = only(grade(student(("s2", "support", "E1", "C")), reference()).feedback)
    assert item.kind == "wrong-target"
    assert "to A ('Schools should require uniforms.') as support" in item.message
    assert item.message.endswith(
        "the reference links it to B ('Uniforms reduce bullying about clothes.') as support."
    )


def test_an_extra_link() -> None:
    item = only(grade(student(("s9", "support", "E1", "P2")), reference()).feedback)
    assert item.kind == "extra-relation"
    assert item.message.startswith("You linked C (") and item.message.endswith(
        "to D ('Uniforms save families money.') as support; the reference has no such link."
    )


def test_a_missing_statement_is_one_remark_that_says_what_it_did() -> None:
    result = grade(student(("a1", "drop", "R1", "C"), drop="R1"), reference())
    item = only(result.feedback)
    assert item.kind == "missing-statement"
    assert item.message == (
        "You left out the reference's rebuttal R1 ('Uniforms limit how students express themselves.'). "
        "In the reference, R1 attacks A."
    )
    assert item.reference_ids == ("R1", "a1")


def test_an_extra_statement() -> None:
    result = grade(student(extra=("G", "premise", "Blue is a calm colour.")), reference())
    item = only(result.feedback)
    assert item.kind == "extra-statement"
    assert item.message == "Your statement G ('Blue is a calm colour.') is not in the reference map."
    assert "1 of your statements is not in it" in result.summary


def test_a_wrong_main_claim() -> None:
    item = only(grade(student(main_claim="P1"), reference()).feedback)
    assert item.kind == "wrong-main-claim"
    assert item.message == (
        "You chose B ('Uniforms reduce bullying about clothes.') as the main claim; "
        "the reference's main claim is A ('Schools should require uniforms.')."
    )


def test_every_kind_of_feedback_is_exercised_above() -> None:
    made = {
        grade(s, reference()).feedback[-1].kind
        for s in (
            student(("s1", "attack", "P1", "C")),
            student(("a1", "drop", "R1", "C")),
            student(kinds={"E1": "premise"}),
            student(("s2", "support", "P1", "E1")),
            student(("s2", "support", "E1", "C")),
            student(("s9", "support", "E1", "P2")),
            student(("a1", "drop", "R1", "C"), drop="R1"),
            student(extra=("G", "premise", "Blue is a calm colour.")),
            student(main_claim="P1"),
        )
    }
    # the kinds of mistake that need more than this small map are made in tests/teaching/test_grading.py
    assert made == set(FEEDBACK_KINDS) - {
        "merged-statements",
        "split-statement",
        "linked-as-separate",
        "separate-as-linked",
        "rebut-instead-of-undercut",
        "undercut-instead-of-rebut",
        "wrong-sources",
    }


# -- the command ----------------------------------------------------------------------------


def test_grade_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine, ref = tmp_path / "mine.yaml", tmp_path / "reference.yaml"
    argmap.save(student(("s1", "attack", "P1", "C")), mine)
    argmap.save(reference(), ref)
    code, out, err = run(["grade", str(mine), str(ref), "--format", "json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert list(data) == ["score", "summary", "feedback", "comparison", "mistakes", "size"]
    # one mistake of weight 1 on a reference of five relations and six statements: 1 - 1 / (5 + 2)
    assert data["score"] == pytest.approx(1 - 1 / 7, abs=1e-6)
    assert data["comparison"]["score"] == pytest.approx((1 + (1 + 0.8) / 2) / 2)
    assert data["feedback"][0]["kind"] == "wrong-type"
    assert set(data["feedback"][0]) == {"kind", "message", "student_ids", "reference_ids", "weight"}
    assert data["mistakes"][0]["kind"] == "wrong-type" and data["mistakes"][0]["layer"] == "relations"


def test_a_poor_map_is_graded_with_exit_code_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine, ref = tmp_path / "mine.yaml", tmp_path / "reference.yaml"
    argmap.save(build([("Z", "claim", "Homework should be banned.")]), mine)
    argmap.save(reference(), ref)
    code, out, _ = run(["grade", str(mine), str(ref)], capsys)
    assert code == 0
    assert out.startswith("Score: 0.00 / 1.00")
    flat = " ".join(out.split())
    assert "You left out the reference's claim C ('Schools should require uniforms.')." in flat


def test_grade_of_an_unreadable_map_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ref = tmp_path / "reference.yaml"
    argmap.save(reference(), ref)
    code, _, err = run(["grade", str(tmp_path / "missing.yaml"), str(ref)], capsys)
    assert code == 1 and "cannot read" in err and "Traceback" not in err
