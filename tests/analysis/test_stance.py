"""Stance: each statement's side of the claim, from the parity of attacks on its paths."""

from __future__ import annotations

import pytest

import argmap
from argmap.analysis import stance
from argmap.errors import UnknownIdError
from argmap.model import ArgumentMap, Relation, Statement
from tests.conftest import ARTICLE_MAP

# Written by reading graphs/ukraine-us-alliance.yaml, relation by relation (not by running
# the code). Against C1: the objections O1, O2, O3 (attacking C2, a reason for C1) and what
# supports them (E3, E4 under O1; O4 and E5 under O3); O8, which undercuts R44 (E10 -> P20, a
# reason for C11 and C12); O5 and O6 (O6 attacks C1, O5 supports O6); O7 (attacks C1).
# For C1: the article's answers C5 (attacks O1) and C7 (attacks O2 and O3), A4 (attacks O8),
# A1 (undercuts R58 and attacks O6) with A2 supporting it, A3 (attacks O7, supports C1) and
# every reason under C1's supports.
CON = {"O1", "O2", "O3", "O4", "O5", "O6", "O7", "O8", "E3", "E4", "E5"}
PRO = {
    *("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10"),
    *("C11", "C12", "C13", "C14", "C15"),
    *("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10", "P11", "P12", "P13"),
    *("P14", "P15", "P16", "P17", "P18", "P19", "P20", "P21", "P22", "P23", "P24", "P25", "P26"),
    *("E1", "E2", "E6", "E7", "E8", "E9", "E10", "E11", "E12", "E13", "E14", "E15"),
    *("A1", "A2", "A3", "A4"),
}


def test_every_statement_of_the_article_has_the_side_read_by_hand() -> None:
    m = argmap.load(ARTICLE_MAP)
    assert len(PRO | CON) == len(m.statements) == 68
    expected = {s.id: "pro" if s.id in PRO else "con" for s in m.statements}
    result = stance(m)
    assert result.claim == "C1"
    assert result.sides == expected


def chain(*relations: tuple[str, str, str | list[str], str]) -> ArgumentMap:
    ids = sorted(
        {
            i
            for _, _, sources, to in relations
            for i in [*([sources] if isinstance(sources, str) else sources), to]
        }
    )
    relation_ids = {r[0] for r in relations}
    return ArgumentMap(
        title="T",
        main_claim="C",
        statements=[Statement(id=i, kind="claim", text=i) for i in ids if i not in relation_ids]
        + [Statement(id="Z", kind="premise", text="unrelated")],
        relations=[
            Relation(id=key, type=kind, sources=sources, to=to) for key, kind, sources, to in relations
        ],  # type: ignore[arg-type]
    )


def test_an_undercut_of_an_objection_argues_for_the_claim() -> None:
    m = chain(("R1", "attack", "O", "C"), ("R2", "attack", "U", "R1"), ("R3", "support", "E", "O"))
    assert stance(m).sides == {"C": "pro", "E": "con", "O": "con", "U": "pro", "Z": "none"}


def test_linked_premises_share_their_side_and_disagreeing_paths_give_both() -> None:
    m = chain(
        ("R1", "support", ["P", "Q"], "C"),
        ("R2", "attack", "X", "C"),
        ("R3", "support", "B", "P"),
        ("R4", "support", "B", "X"),
    )
    assert stance(m).sides == {"B": "both", "C": "pro", "P": "pro", "Q": "pro", "X": "con", "Z": "none"}


def test_sides_are_relative_to_the_claim_asked_for() -> None:
    m = chain(("R1", "attack", "O", "C"), ("R2", "attack", "A", "O"))
    assert stance(m, "O").sides == {"A": "con", "C": "none", "O": "pro", "Z": "none"}
    with pytest.raises(UnknownIdError, match="nowhere"):
        stance(m, "nowhere")


def test_the_outline_says_con_by_the_objections_and_nothing_by_the_replies() -> None:
    from argmap.outline import format_outline, outline

    text = format_outline(outline(argmap.load(ARTICLE_MAP)))
    assert "  - [O6] (con) So the US should hold back" in text
    assert "x [A1] Kremlin paranoia" in text and "[A1] (con)" not in text
    markdown = format_outline(outline(argmap.load(ARTICLE_MAP)), "markdown")
    assert "**O7** (rebuttal, con):" in markdown and "**A3** (rebuttal):" in markdown
