"""The lesson in examples/teaching/: valid maps, tests that hold, and a script that makes every material."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.render.focus import neighbourhood
from argmap.teaching.exercise import exercise
from tests.conftest import ARTICLE_MAP, ROOT
from tests.test_examples import run_example

LESSON = ROOT / "examples" / "teaching"


def test_the_debate_map_is_anchored_in_its_text_and_its_tests_hold() -> None:
    source = argmap.SourceDocument.read(LESSON / "homework-debate.txt")
    debate = argmap.load(LESSON / "homework-debate.yaml", source=source)
    assert 200 <= len(source.text.split()) <= 400
    assert all(s.span is not None for s in debate.statements)
    report = argmap.check(debate)
    assert report.ok and report.passed == len(report.results) >= 10
    assert {r.scheme for r in debate.relations if r.scheme} >= {"argument-from-example"}
    assert any(s.answers for s in debate.statements)


def test_the_student_map_is_valid_and_has_mistakes_to_find() -> None:
    student = argmap.load(LESSON / "student-map.yaml")
    debate = argmap.load(LESSON / "homework-debate.yaml")
    key_map = exercise(debate, hide="all", seed=1).key.answer_map
    assert [s.text for s in student.statements] == [s.text for s in key_map.statements]
    graded = argmap.grade(student, key_map)
    # the six mistakes listed in the map's header comment, one remark each, in the remarks' order
    assert [(f.kind, f.student_ids[:2]) for f in graded.feedback] == [
        ("wrong-kind", ("E",)),
        ("wrong-kind", ("J",)),
        ("wrong-target", ("B", "C")),
        ("rebut-instead-of-undercut", ("J", "C")),
        ("wrong-type", ("M", "J")),
        ("missing-relation", ("K", "L")),
    ]
    assert "K (" in graded.feedback[-1].message and "to the link from L (" in graded.feedback[-1].message
    assert not any("no such link" in f.message for f in graded.feedback)
    assert graded.score == pytest.approx(1 - (0.8 + 0.8 + 1 + 0.8 + 1 + 1) / (16 + 2), abs=1e-6)


def test_a_part_of_the_article_makes_an_exercise_even_with_marks_on_relations_left_out() -> None:
    part = neighbourhood(argmap.load(ARTICLE_MAP), "C2", 1).map
    lettered = exercise(part, hide="kinds").key.answer_map
    relation_ids = {r.key for r in lettered.relations}
    marks = [a.relation for s in lettered.statements for a in s.answers]
    marks += [a.relation for r in lettered.relations for a in r.answers]
    assert set(marks) <= relation_ids
    assert argmap.loads(argmap.dumps(lettered, "yaml"), format="yaml") == lettered


def test_the_lesson_script_makes_every_material(tmp_path: Path) -> None:
    out = run_example("teaching/lesson.py", str(tmp_path))
    expected = [
        "debate-outline.md",
        "debate.svg",
        "debate.html",
        "article-part.svg",
        "debate-weak-links.svg",
        "debate-analysis.md",
        "schemes.md",
        "debate-sheet.html",
        "debate-sheet.key.html",
        "debate-sheet.key.yaml",
        "debate-sheet.md",
        "debate-sheet.key.md",
        "debate-sheet.pdf",
        "debate-sheet.key.pdf",
        "article-sheet.md",
        "article-sheet.key.md",
        "article-sheet.key.yaml",
        "debate-check.txt",
        "student-grade.json",
    ]
    assert out.splitlines()[1 : 1 + len(expected)] == [f"  {name}" for name in expected]
    assert all((tmp_path / name).stat().st_size > 0 for name in expected)
    assert "tests: block: 12 of 12 expectations hold" in out
    assert 'id="worksheet-data"' in (tmp_path / "debate-sheet.html").read_text()
    grade = json.loads((tmp_path / "student-grade.json").read_text())
    assert any("as support; the reference has it as an objection" in f["message"] for f in grade["feedback"])
    assert len(grade["feedback"]) == 6 and "student map: score 0.70, 6 remarks" in out
    assert "Argument from example" in (tmp_path / "schemes.md").read_text()
    assert argmap.load(tmp_path / "article-sheet.key.yaml").main_claim is not None
