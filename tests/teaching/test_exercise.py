"""Exercises: the shuffle, the letters, what each sheet hides, and a key that is the map in letters."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap.analysis import acceptability
from argmap.errors import UsageError
from argmap.model import Answer, ArgumentMap, Relation, Statement
from argmap.schemes import builtin_catalogue
from argmap.teaching.builder import builder_data
from argmap.teaching.documents import item_heading, key_document, markdown, worksheet_document
from argmap.teaching.exercise import exercise, letter, scheme_placeholders
from tests.conftest import ARTICLE_MAP
from tests.strategies import argument_maps

ARTICLE = argmap.load(ARTICLE_MAP)


def original_shape(m: ArgumentMap, rename: dict[str, str]) -> list[tuple[str, tuple[str, ...], object]]:
    """Each relation as (type, sources, target), renamed; an undercut's target is the attacked shape."""

    def shape(relation: Relation) -> tuple[str, tuple[str, ...], object]:
        target: object = (
            rename[relation.to] if m.has_statement(relation.to) else shape(m.relation(relation.to))
        )
        return relation.type, tuple(rename[s] for s in relation.sources), target

    return sorted((shape(r) for r in m.relations), key=repr)


def test_letters_count_like_spreadsheet_columns() -> None:
    assert [letter(i) for i in range(28)][-3:] == ["Z", "AA", "AB"]
    with pytest.raises(ValueError, match=">= 0"):
        letter(-1)


def test_the_same_seed_gives_the_same_order_and_another_seed_another() -> None:
    first = [s.text for s in exercise(ARTICLE, seed=7).worksheet.statements]
    assert first == [s.text for s in exercise(ARTICLE, seed=7).worksheet.statements]
    assert first != [s.text for s in exercise(ARTICLE, seed=8).worksheet.statements]
    assert sorted(first) == sorted(s.text for s in ARTICLE.statements)
    assert first != [s.text for s in ARTICLE.statements]


def test_statements_are_lettered_in_sheet_order_and_the_key_names_their_ids() -> None:
    ex = exercise(ARTICLE, seed=1)
    sheet = ex.worksheet.statements
    assert [s.letter for s in sheet] == [letter(i) for i in range(len(ARTICLE.statements))]
    by_letter = {row.letter: row for row in ex.key.statements}
    for statement in sheet:
        row = by_letter[statement.letter]
        assert ARTICLE.statement(row.id).text == statement.text == row.text
        assert ARTICLE.statement(row.id).kind == row.kind == statement.kind


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_the_key_map_is_the_map_renamed_to_letters(m: ArgumentMap) -> None:
    ex = exercise(m, seed=5)
    rename = {row.id: row.letter for row in ex.key.statements}
    lettered = ex.key.answer_map
    assert original_shape(lettered, {v: v for v in rename.values()}) == original_shape(m, rename)
    assert lettered.main_claim == (rename[m.main_claim] if m.main_claim else None)
    assert {rename[s.id]: (s.kind, s.text) for s in m.statements} == {
        s.id: (s.kind, s.text) for s in lettered.statements
    }
    relation_names = dict(zip((r.key for r in m.relations), (r.key for r in lettered.relations), strict=True))
    assert [{rename.get(k) or relation_names[k]: v for k, v in t.expect.items()} for t in m.tests] == [
        dict(t.expect) for t in lettered.tests
    ]
    # renaming changes no label: the key map argues exactly what the map argues
    before = acceptability(m, semantics="grounded").labels
    after = acceptability(lettered, semantics="grounded").labels
    assert {rename.get(k) or relation_names[k]: v for k, v in before.items()} == after


def test_relations_read_as_sentences_in_letters() -> None:
    m = ArgumentMap(
        title="T",
        statements=[Statement(id=i, kind="premise", text=i.lower()) for i in ("P", "Q", "C", "R")],
        relations=[
            Relation(id="S", type="support", sources=["P", "Q"], to="C"),
            Relation(id="U", type="attack", sources="R", to="S"),
        ],
    )
    ex = exercise(m, seed=0)
    rename = {row.id: row.letter for row in ex.key.statements}
    p, q, c, r = (rename[i] for i in "PQCR")
    assert [x.sentence for x in ex.key.relations] == [
        f"{p} and {q} together support {c}",
        f"{r} attacks the step {p} + {q} → {c}",
    ]
    assert ex.key.relations[1].to == f"support.{p}.{q}.{c}"


@pytest.mark.parametrize(
    ("hide", "kinds_shown", "relations_shown", "tasks"),
    [
        ("relations", True, False, ["draw-relations", "find-weak-link", "open-critical-question"]),
        ("kinds", False, True, ["mark-kinds", "find-weak-link", "open-critical-question"]),
        ("all", False, False, ["draw-relations", "mark-kinds", "find-weak-link", "open-critical-question"]),
    ],
)
def test_each_hide_option_hides_what_it_says(
    hide: str, kinds_shown: bool, relations_shown: bool, tasks: list[str]
) -> None:
    sheet = exercise(ARTICLE, hide=hide).worksheet
    assert all((s.kind is not None) == kinds_shown for s in sheet.statements)
    assert bool(sheet.relations) == relations_shown
    assert [t.kind for t in sheet.tasks] == tasks
    assert sheet.main_claim == next(r.letter for r in exercise(ARTICLE).key.statements if r.id == "C1")


def test_without_schemes_there_is_no_critical_question_task() -> None:
    m = ArgumentMap(
        title="T",
        statements=[Statement(id="C", kind="claim", text="c"), Statement(id="P", kind="premise", text="p")],
        relations=[Relation(type="support", sources="P", to="C")],
    )
    sheet = exercise(m).worksheet
    assert [t.kind for t in sheet.tasks] == ["draw-relations", "find-weak-link"]
    assert sheet.critical_questions == ()


def test_an_answered_critical_question_is_not_open_in_the_key() -> None:
    questions = builtin_catalogue().scheme("argument-from-expert-opinion").question_ids
    m = ArgumentMap(
        title="Expert",
        main_claim="C",
        statements=[
            Statement(id="C", kind="claim", text="The bridge is safe."),
            Statement(id="E", kind="evidence", text="The engineer says so."),
            Statement(
                id="Q",
                kind="evidence",
                text="She inspected forty bridges.",
                answers=[Answer(relation="S", question=questions[0])],
            ),
        ],
        relations=[
            Relation(id="S", type="support", sources="E", to="C", scheme="argument-from-expert-opinion"),
            Relation(id="T", type="support", sources="Q", to="E"),
        ],
    )
    ex = exercise(m, seed=0)
    (item,) = ex.key.critical_questions
    assert item.question_ids == questions and item.scheme_name.lower() == "argument from expert opinion"
    assert item.relation is not None and ex.key.open_questions[item.relation] == questions[1:]
    assert item.relation in {w.nodes[-1] for w in ex.key.weak_links if w.kind == "open-critical-question"}
    (on_sheet,) = ex.worksheet.critical_questions  # relations hidden: the scheme, not the step
    assert on_sheet.relation is None and on_sheet.step is None and on_sheet.steps == 1
    assert on_sheet.questions == item.questions


def test_weak_links_in_the_key_speak_in_letters() -> None:
    ex = exercise(ARTICLE, seed=3)
    letters = {row.letter for row in ex.key.statements}
    ids = {s.id for s in ARTICLE.statements}
    for link in ex.key.weak_links:
        assert {n for n in link.nodes if "." not in n} <= letters
        assert not any(word.strip(".,:;()'") in ids - letters for word in link.explanation.split())


def test_bad_requests_are_usage_errors() -> None:
    with pytest.raises(UsageError, match="unknown hide option 'kind' \\(did you mean 'kinds'\\?\\)"):
        exercise(ARTICLE, hide="kind")
    with pytest.raises(UsageError, match="no statements"):
        exercise(ArgumentMap(title="empty"))


def test_undercuts_on_a_cycle_and_long_chains_of_undercuts_get_ids() -> None:
    m = ArgumentMap(
        title="T",
        statements=[Statement(id=i, kind="rebuttal", text=i.lower()) for i in ("X", "Y", "C")],
        relations=[
            Relation(id="a", type="attack", sources="X", to="b"),
            Relation(id="b", type="attack", sources="Y", to="a"),
            Relation(id="u", type="attack", sources="Y", to="a"),
        ],
    )
    lettered = exercise(m).key.answer_map
    assert len({r.key for r in lettered.relations}) == 3
    assert argmap.loads(argmap.dumps(lettered, "yaml"), format="yaml") == lettered
    chain = ArgumentMap(
        title="chain",
        statements=[Statement(id=f"S{i}", kind="premise", text=f"s{i}") for i in range(1200)],
        relations=[Relation(id="r0", type="support", sources="S0", to="S1")]
        + [Relation(id=f"r{i}", type="attack", sources=f"S{i + 1}", to=f"r{i - 1}") for i in range(1, 1199)],
    )
    assert len(exercise(chain).key.relations) == 1199  # deeper than Python's recursion limit


DEBATE = argmap.load(Path(__file__).parents[2] / "examples" / "teaching" / "homework-debate.yaml")


@pytest.mark.parametrize("hide", ["relations", "all"])
@pytest.mark.parametrize("m", [ARTICLE, DEBATE], ids=["article", "debate"])
def test_a_sheet_that_hides_relations_names_no_relation_anywhere(m: ArgumentMap, hide: str) -> None:
    ex = exercise(m, hide=hide, seed=1)
    sheet = markdown(worksheet_document(ex.worksheet))
    page = json.dumps(builder_data(ex.worksheet), ensure_ascii=False)
    texts = [t.prompt for t in ex.worksheet.tasks]
    texts += [q for item in ex.worksheet.critical_questions for q in (*item.questions, item_heading(item))]
    assert ex.key.relations
    for relation in ex.key.relations:
        assert relation.sentence not in sheet and relation.sentence not in page, relation.sentence
        assert not any(relation.sentence in text for text in texts)
        assert relation.id not in page
    for item in ex.worksheet.critical_questions:
        assert item.relation is None and item.step is None
    assert sum(item.steps for item in ex.worksheet.critical_questions) == sum(
        1 for r in m.relations if r.scheme
    )


def test_a_linked_relation_is_not_revealed_when_relations_are_hidden() -> None:
    m = ArgumentMap(
        title="T",
        main_claim="G",
        statements=[Statement(id=i, kind="premise", text=f"statement {i}") for i in ("C", "F", "G")],
        relations=[
            Relation(id="s", type="support", sources=["C", "F"], to="G", scheme="argument-from-example")
        ],
    )
    for hide in ("relations", "all"):
        ex = exercise(m, hide=hide, seed=0)
        (sentence,) = (r.sentence for r in ex.key.relations)
        assert "together support" in sentence
        assert sentence not in markdown(worksheet_document(ex.worksheet))
        assert sentence not in json.dumps(builder_data(ex.worksheet), ensure_ascii=False)
        assert sentence in markdown(key_document(ex))
    shown = exercise(m, hide="kinds", seed=0)
    assert shown.worksheet.critical_questions[0].step == shown.key.relations[0].sentence


@pytest.mark.parametrize("hide", ["relations", "kinds", "all"])
def test_question_letters_never_collide_with_statement_letters(hide: str) -> None:
    ex = exercise(ARTICLE, hide=hide, seed=1)  # 68 statements: every capital A-Z is a letter
    letters = {s.letter for s in ex.worksheet.statements}
    assert {"A", "E", "D", "W", "G", "V", "B", "F"} <= letters
    questions = [q for item in ex.key.critical_questions for q in item.questions]
    questions += [q for item in ex.worksheet.critical_questions for q in item.questions]
    assert questions
    for question in questions:
        assert not set(re.findall(r"\b[A-Z]+[0-9]*\b", question)) & letters, question
    catalogue = builtin_catalogue()
    for scheme in catalogue.schemes:
        renamed = scheme_placeholders(scheme)
        assert all(name == name.lower() for name in renamed.values())
        assert len(set(renamed.values())) == len(renamed)
    assert "p" in markdown(worksheet_document(ex.worksheet)) and "Lower-case letters" in markdown(
        key_document(ex)
    )
