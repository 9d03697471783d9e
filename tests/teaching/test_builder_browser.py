"""The HTML worksheet in a real headless Chromium: a student builds a map by clicking and downloads it.

The browser fixture and page wrapper are those of the HTML viewer's tests
(``tests/render/test_html_browser.py``, through ``conftest.py``): Debian's chromium driven by
playwright; a missing browser fails these tests, saying how to install it. Every downloaded
file is read back with :func:`argmap.load` and graded against the exercise's key map.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.model import ArgumentMap, Relation, Statement
from argmap.teaching.documents import item_heading
from argmap.teaching.exercise import Exercise, exercise
from argmap.teaching.worksheets import write_exercise
from tests.render.maps import school_map
from tests.render.test_html import HOSTILE
from tests.render.test_html_browser import Page

SEED = 11


class Sheet(Page):
    """The worksheet page, with the letters of the exercise it shows."""

    def __init__(self, browser: Any, path: Path, ex: Exercise) -> None:
        super().__init__(browser, path)
        self.letters = {row.id: row.letter for row in ex.key.statements}

    def click(self, statement_id: str, shift: bool = False) -> None:
        self.page.click(f"#st-{self.letters[statement_id]}", modifiers=["Shift"] if shift else [])

    def draw(self, relation: Relation, lettered: ArgumentMap) -> None:
        """Draw one relation of the original map, as a student would."""
        first, *more = relation.sources
        self.click(first)
        for source in more:
            self.click(source, shift=True)
        if lettered.has_statement(self.letters.get(relation.to, "")):
            self.click(relation.to)
        else:
            self.page.click(f'#drawn li[data-id="{self.target_id(relation.to, lettered)}"] button.aim')
        self.page.click("#as-support" if relation.type == "support" else "#as-attack")

    def target_id(self, relation_id: str, lettered: ArgumentMap) -> str:
        original = school_map().relation(relation_id)
        return ".".join(
            (original.type, *(self.letters[s] for s in original.sources), self.letters[original.to])
        )

    def drawn(self) -> list[str]:
        return [
            line.split("as target")[0].strip() for line in self.page.inner_text("#drawn").splitlines() if line
        ]

    def download(self, button: str, tmp_path: Path) -> Path:
        with self.page.expect_download() as info:
            self.page.click(button)
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
        return target


def open_sheet(browser: Any, tmp_path: Path, m: ArgumentMap, hide: str) -> tuple[Sheet, Exercise]:
    files = write_exercise(m, tmp_path / "sheet.html", hide=hide, seed=SEED)
    ex = exercise(m, hide=hide, seed=SEED)
    return Sheet(browser, files.worksheet, ex), ex


@pytest.fixture
def all_hidden(browser: Any, tmp_path: Path) -> Iterator[tuple[Sheet, Exercise]]:
    sheet, ex = open_sheet(browser, tmp_path, school_map(), "all")
    yield sheet, ex
    sheet.page.close()


def test_the_sheet_loads_without_errors_or_requests(
    all_hidden: tuple[Sheet, Exercise], tmp_path: Path
) -> None:
    sheet, ex = all_hidden
    assert sheet.errors == [] and sheet.requests == [(tmp_path / "sheet.html").as_uri()]
    assert sheet.page.locator("#statements li").count() == 8
    assert sheet.page.locator("#statements select").count() == 8
    assert sheet.page.locator("#tasks li").count() == len(ex.worksheet.tasks)
    assert sheet.page.inner_text("#status") == "Click the statement an arrow starts from."


def test_a_student_builds_the_whole_map_and_it_grades_perfect(
    all_hidden: tuple[Sheet, Exercise], tmp_path: Path
) -> None:
    sheet, ex = all_hidden
    reference = school_map()
    for relation in reference.relations:
        sheet.draw(relation, ex.key.answer_map)
    assert sheet.drawn() == [r.sentence for r in ex.key.relations]
    for statement in reference.statements:
        sheet.page.select_option(
            f"select[aria-label='kind of {sheet.letters[statement.id]}']", statement.kind
        )
    assert sheet.page.locator("#diagram line.edge").count() == sum(
        len(r.sources) for r in reference.relations
    )
    downloaded = sheet.download("#download-yaml", tmp_path)
    student = argmap.load(downloaded)
    assert downloaded.name == "my-map.yaml" and student.main_claim == ex.worksheet.main_claim
    assert {r.key: (r.type, r.sources, r.to) for r in student.relations} == {
        r.key: (r.type, r.sources, r.to) for r in ex.key.answer_map.relations
    }
    key_map = argmap.load(tmp_path / "sheet.key.yaml")
    assert argmap.grade(student, key_map).score == 1.0
    assert sheet.errors == []


def test_undo_delete_and_mistakes_show_in_the_grade(
    all_hidden: tuple[Sheet, Exercise], tmp_path: Path
) -> None:
    sheet, _ = all_hidden
    letter = sheet.letters
    sheet.click("P4")
    sheet.click("R1")
    sheet.page.click("#as-support")  # a mistake: P4 answers R1, it does not support it
    sheet.click("R1")
    sheet.click("C1")
    sheet.page.click("#as-attack")
    sheet.click("E1")
    sheet.click("C1")
    sheet.page.click("#as-support")
    assert sheet.drawn() == [
        f"{letter['P4']} supports {letter['R1']}",
        f"{letter['R1']} attacks {letter['C1']}",
        f"{letter['E1']} supports {letter['C1']}",
    ]
    sheet.page.click("#undo")
    assert len(sheet.drawn()) == 2 and sheet.page.inner_text("#status") == "Undone."
    sheet.page.click(f'#drawn li[data-id="attack.{letter["R1"]}.{letter["C1"]}"] button.delete')
    assert sheet.drawn() == [f"{letter['P4']} supports {letter['R1']}"]
    sheet.page.click("#undo")
    assert len(sheet.drawn()) == 2
    sheet.page.click("#download-json")
    assert sheet.page.inner_text("#status").startswith(
        "Mark the kind of every statement first (not yet: A, B"
    )
    for statement in school_map().statements:
        sheet.page.select_option(f"select[aria-label='kind of {letter[statement.id]}']", "claim")
    student = argmap.load(sheet.download("#download-json", tmp_path))
    result = argmap.grade(student, argmap.load(tmp_path / "sheet.key.yaml"))
    assert result.score < 1.0
    assert any("as support" in item.message and "objection" in item.message for item in result.feedback)


def test_a_support_cannot_target_a_step_and_nothing_supports_itself(
    all_hidden: tuple[Sheet, Exercise],
) -> None:
    sheet, _ = all_hidden
    sheet.click("P1")
    sheet.click("C1")
    sheet.page.click("#as-support")
    sheet.click("R3")
    sheet.page.click("#drawn li button.aim")
    assert sheet.page.is_disabled("#as-support") and not sheet.page.is_disabled("#as-attack")
    sheet.page.click("#clear")
    sheet.click("P1")
    sheet.click("C1")
    sheet.page.click("#as-support")
    assert sheet.page.inner_text("#status").startswith("You already drew:") and len(sheet.drawn()) == 1


def test_the_keyboard_chooses_statements(all_hidden: tuple[Sheet, Exercise]) -> None:
    sheet, _ = all_hidden
    sheet.page.focus("#st-B")
    sheet.page.keyboard.press("Enter")
    sheet.page.focus("#st-A")
    sheet.page.keyboard.press(" ")
    assert sheet.page.get_attribute("#st-B", "aria-pressed") == "true"
    assert sheet.page.inner_text("#status") == "From B to A: supports or attacks?"


def test_with_relations_given_the_student_marks_kinds_and_downloads(
    browser: Any,
    tmp_path: Path,
) -> None:
    sheet, _ = open_sheet(browser, tmp_path, school_map(), "kinds")
    assert sheet.page.is_hidden("#as-support") and sheet.page.locator("#given li").count() == 7
    for statement in school_map().statements:
        sheet.page.select_option(
            f"select[aria-label='kind of {sheet.letters[statement.id]}']", statement.kind
        )
    student = argmap.load(sheet.download("#download-yaml", tmp_path))
    assert argmap.grade(student, argmap.load(tmp_path / "sheet.key.yaml")).score == 1.0
    assert sheet.errors == []
    sheet.page.close()


def test_hostile_text_stays_inert_and_downloads_literally(
    browser: Any,
    tmp_path: Path,
) -> None:
    nasty = '"quoted" \\ back: {flow} # not a comment\n\u0085next \u2028line \u2029\ufeff\x7f end'
    m = ArgumentMap(
        title=f"Title {HOSTILE}",
        statements=[
            Statement(id="C", kind="claim", text=HOSTILE),
            Statement(id="P", kind="premise", text=nasty),
        ],
    )
    sheet, ex = open_sheet(browser, tmp_path, m, "relations")
    page = sheet.page
    assert page.inner_text("h1") == f"Worksheet: Title {HOSTILE}"
    assert HOSTILE in page.inner_text("#statements")
    assert page.locator("script").count() == 2 and sheet.dialogs == [] and sheet.errors == []
    sheet.click("P")
    sheet.click("C")
    page.click("#as-attack")
    page.fill("#student", "Zoë <b>")
    student = argmap.load(sheet.download("#download-yaml", tmp_path))
    assert [s.text for s in student.statements] == [s.text for s in ex.key.answer_map.statements]
    assert student.title == f"Title {HOSTILE}: map by Zoë <b>"
    page.close()


def test_the_steps_with_schemes_wait_closed_at_the_end(browser: Any, tmp_path: Path) -> None:
    debate = argmap.load(Path(__file__).parents[2] / "examples" / "teaching" / "homework-debate.yaml")
    sheet, ex = open_sheet(browser, tmp_path, debate, "all")
    page = sheet.page
    assert page.eval_on_selector("#questions", "e => !e.hidden && !e.open")
    # relations hidden: three schemes (five steps), no step named
    assert page.locator("#questions ol").count() == len(ex.worksheet.critical_questions) == 3
    assert not page.is_visible("#questions ol li")
    page.click("#questions summary")
    shown = page.inner_text("#questions")
    assert page.is_visible("#questions ol li") and item_heading(ex.worksheet.critical_questions[0]) in shown
    assert not any(r.sentence in shown for r in ex.key.relations)
    assert sheet.errors == []
    page.close()
