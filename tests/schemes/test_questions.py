"""Schemes on a map: unknown ids and answers marks are validation problems with lines; open critical
questions become weak links that an answers mark closes."""

from __future__ import annotations

import networkx as nx
import pytest

import argmap
from argmap.analysis import analyze, weak_links
from argmap.errors import MapValidationError
from argmap.graph import from_networkx, to_networkx
from argmap.render.overlay import weak_links_overlay
from argmap.schemes import Catalogue, builtin_catalogue, open_questions, using_catalogue

EXPERT = builtin_catalogue().scheme("argument-from-expert-opinion")

MAP = """\
argmap: 1
title: Vaccines
main_claim: C
statements:
  - id: C
    kind: claim
    text: The vaccine is safe.
  - id: P
    kind: premise
    text: Dr Lee, a vaccine researcher, says it is safe.
  - id: Q
    kind: evidence
    text: Dr Lee has led vaccine trials for twenty years.
relations:
  - id: S1
    type: support
    from: P
    to: C
    scheme: argument-from-expert-opinion
  - id: S2
    type: support
    from: Q
    to: P
"""


def test_every_question_of_a_named_scheme_is_open_until_answered() -> None:
    m = argmap.loads(MAP)
    found = [
        (w.kind, w.nodes, w.scheme, w.question) for w in weak_links(m) if w.kind == "open-critical-question"
    ]
    assert found == [
        ("open-critical-question", ("P", "C", "S1"), "argument-from-expert-opinion", q)
        for q in EXPERT.question_ids
    ]


def test_an_answers_mark_closes_its_question_and_only_it() -> None:
    answered = MAP.replace("    to: P\n", "    to: P\n    answers: [{relation: S1, question: expertise}]\n")
    m = argmap.loads(answered)
    assert m.relation("S2").answers[0].question == "expertise"
    still_open = [w.question for w in weak_links(m) if w.kind == "open-critical-question"]
    assert still_open == [q for q in EXPERT.question_ids if q != "expertise"]


def test_a_statement_can_answer_too_and_an_unmarked_attack_answers_nothing() -> None:
    marked = MAP.replace(
        "    text: Dr Lee has led vaccine trials for twenty years.\n",
        "    text: Dr Lee has led vaccine trials for twenty years.\n    answers:\n"
        "      - {relation: S1, question: expertise}\n      - {relation: S1, question: field}\n",
    )
    undercut = "  - {id: U, type: attack, from: Q, to: S1}\n"
    m = argmap.loads(marked + undercut)
    assert {q.question for q in open_questions(m)} == set(EXPERT.question_ids) - {"expertise", "field"}
    bare = argmap.loads(MAP + undercut)
    assert len(open_questions(bare)) == len(EXPERT.questions)


def test_the_weak_link_explains_relation_scheme_and_question() -> None:
    (link,) = [w for w in weak_links(argmap.loads(MAP)) if w.question == "consistency"]
    assert link.severity == 0.3
    for part in ("S1", "argument-from-expert-opinion", "'consistency'", EXPERT.question("consistency").text):
        assert part in link.explanation


def test_open_questions_of_an_objection_weigh_less() -> None:
    objection = MAP + (
        "  - {id: A, type: attack, from: Q, to: C, scheme: argument-from-negative-consequences}\n"
    )
    links = [w for w in weak_links(argmap.loads(objection)) if w.kind == "open-critical-question"]
    assert {w.severity for w in links if w.nodes[-1] == "A"} == {0.15}
    assert {w.severity for w in links if w.nodes[-1] == "S1"} == {0.3}
    assert "The objection A" in next(w.explanation for w in links if w.nodes[-1] == "A")


def test_analyze_and_the_overlay_show_the_open_questions() -> None:
    m = argmap.loads(MAP)
    result = analyze(m)
    links = [w for w in result.weak_links if w.kind == "open-critical-question"]
    assert len(links) == len(EXPERT.questions)
    overlay = weak_links_overlay(m, result.weak_links)
    assert overlay.edges["S1"].label == f"{len(EXPERT.questions)} open critical questions"
    assert "open critical question" in next(e.badge for e in overlay.legend if "open" in e.badge)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "scheme: argument-from-expert-opinion",
            "scheme: argument-from-expert-opnion",
            "<string>:19:13: S1: unknown scheme 'argument-from-expert-opnion' "
            "(did you mean 'argument-from-expert-opinion'?)",
        ),
        (
            "scheme: argument-from-expert-opinion",
            "scheme: Argument from expert opinion",
            "<string>:19:13: S1: unknown scheme 'Argument from expert opinion' "
            "(did you mean 'argument-from-expert-opinion'?)",
        ),
        (
            "    to: P\n",
            "    to: P\n    answers: [{relation: S11, question: expertise}]\n",
            "<string>:24:26: S2: answers names no relation: 'S11' (did you mean 'S1'?)",
        ),
        (
            "    to: P\n",
            "    to: P\n    answers: [{relation: S1, question: expertice}]\n",
            "<string>:24:40: S2: scheme 'argument-from-expert-opinion' of S1 has no critical question "
            "'expertice' (did you mean 'expertise'?)",
        ),
        (
            "    to: P\n",
            "    to: P\n    answers: [{relation: S2, question: expertise}]\n",
            "<string>:24:26: S2: answers a question of S2, which names no scheme",
        ),
        (
            "    to: P\n",
            "    to: P\n    answers: [{relation: Q, question: expertise}]\n",
            "<string>:24:26: S2: answers names a statement, not a relation: 'Q'",
        ),
        (
            "    to: P\n",
            "    to: P\n    answers: [{relation: S1, question: Expertise}]\n",
            "<string>:24:40: S2: invalid question id 'Expertise': critical question ids are kebab-case",
        ),
    ],
)
def test_scheme_problems_are_reported_with_line_column_and_a_suggestion(
    old: str, new: str, expected: str
) -> None:
    with pytest.raises(MapValidationError) as caught:
        argmap.loads(MAP.replace(old, new))
    assert str(caught.value).startswith(expected), str(caught.value)


def test_every_scheme_problem_is_reported_at_once_with_the_others() -> None:
    text = MAP.replace("argument-from-expert-opinion", "argument-from-expert").replace(
        "kind: evidence", "kind: evidnce"
    )
    with pytest.raises(MapValidationError) as caught:
        argmap.loads(text)
    assert [p.line for p in caught.value.problems] == [12, 19]


def test_json_maps_are_checked_too() -> None:
    data = (
        argmap.dumps(argmap.loads(MAP), "json")
        .decode()
        .replace("argument-from-expert-opinion", "from-expert")
    )
    with pytest.raises(MapValidationError, match=r"<string>:\d+:\d+: S1: unknown scheme 'from-expert'"):
        argmap.loads(data, "json")


def test_a_user_catalogue_in_force_accepts_its_own_schemes() -> None:
    sign = builtin_catalogue().scheme("argument-from-sign")
    mine = builtin_catalogue().extended(
        Catalogue(schemes=[sign.model_copy(update={"id": "argument-from-omen"})])
    )
    text = MAP.replace("argument-from-expert-opinion", "argument-from-omen")
    with pytest.raises(MapValidationError, match="unknown scheme 'argument-from-omen'"):
        argmap.loads(text)
    with using_catalogue(mine):
        m = argmap.loads(text)
        assert [q.question for q in open_questions(m)] == list(sign.question_ids)


def test_answers_survive_yaml_json_and_networkx_exactly() -> None:
    text = MAP.replace("    to: P\n", "    to: P\n    answers: [{relation: S1, question: expertise}]\n")
    m = argmap.loads(text)
    assert argmap.loads(argmap.dumps(m, "yaml")) == m
    assert argmap.loads(argmap.dumps(m, "json"), "json") == m
    graph = to_networkx(m)
    assert graph.nodes["S2"]["answers"] == ({"relation": "S1", "question": "expertise"},)
    assert from_networkx(nx.DiGraph(graph)) == m
    assert "answers:\n  - relation: S1\n    question: expertise\n" in argmap.dumps(m, "yaml").decode()


def test_answers_are_in_the_json_schema() -> None:
    schema = argmap.model.json_schema()
    answer = schema["$defs"]["Answer"]
    assert set(answer["required"]) == {"relation", "question"}
    assert schema["$defs"]["Relation"]["properties"]["answers"]["items"] == {"$ref": "#/$defs/Answer"}
    assert schema["$defs"]["Statement"]["properties"]["answers"]["items"] == {"$ref": "#/$defs/Answer"}


def test_the_overlay_findings_name_each_inferences_open_questions_once_on_its_premises() -> None:
    m = argmap.loads(MAP)
    findings = weak_links_overlay(m, weak_links(m)).findings
    questions = ", ".join(EXPERT.question_ids)
    expected = f"open critical questions of S1 (argument-from-expert-opinion, to C): {questions}"
    assert findings["P"].count(expected) == 1
    assert not any("open critical questions" in sentence for sentence in findings.get("C", ()))
