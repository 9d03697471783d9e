"""The article's map: schemes named on its inferences, the questions the article takes up, the open rest."""

from __future__ import annotations

import re

import argmap
from argmap.analysis import analyze
from argmap.schemes import addressed_questions, builtin_catalogue, open_questions
from tests.conftest import ARTICLE_MAP

NOTES = ARTICLE_MAP.with_suffix(".md")


def test_relations_without_a_scheme_are_the_ones_the_notes_explain() -> None:
    m = argmap.load(ARTICLE_MAP)
    paragraph = next(
        p for p in NOTES.read_text(encoding="utf-8").split("\n\n") if "**Argumentation schemes**" in p
    )
    explained = set(re.findall(r"\bR\d+\b", paragraph.split("Choices worth a note")[0]))
    assert {r.key for r in m.relations if r.scheme is None} == explained
    assert sum(r.scheme is not None for r in m.relations) == 53


def test_the_marked_questions_are_closed_and_every_other_stays_open() -> None:
    m = argmap.load(ARTICLE_MAP)
    marked = addressed_questions(m)
    assert marked[("R6", "alternatives")] == ("R28",)
    assert marked[("R44", "in-force")] == ("R45", "R46")
    assert marked[("R1", "other-explanations")] == ("P1",)
    catalogue = builtin_catalogue()
    owed = {(r.key, q) for r in m.relations if r.scheme for q in catalogue.scheme(r.scheme).question_ids}
    assert set(marked) <= owed
    assert {(q.relation, q.question) for q in open_questions(m)} == owed - set(marked)


def test_analyze_reports_each_open_question_once() -> None:
    m = argmap.load(ARTICLE_MAP)
    links = [w for w in analyze(m).weak_links if w.kind == "open-critical-question"]
    assert len(links) == len(open_questions(m)) == len({(w.nodes[-1], w.question) for w in links})
    assert not any(w.nodes[-1] == "R6" and w.question == "alternatives" for w in links)
    assert any(w.nodes[-1] == "R6" and w.question == "feasibility" for w in links)
