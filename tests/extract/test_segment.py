"""Segmentation of hand-written texts into sentences and argumentative units."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.extraction.segmentation import paragraphs, segment, sentences


def texts(text: str) -> list[str]:
    return [u.text for u in segment(text)]


def test_abbreviations_and_numbers_do_not_end_sentences() -> None:
    text = "Dr. Jones paid 3.5 million euros, i.e. far too much. The council agreed."
    assert [text[s:e] for s, e in sentences(text)] == [
        "Dr. Jones paid 3.5 million euros, i.e. far too much.",
        "The council agreed.",
    ]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (
            "Museums should be free, because culture belongs to everyone.",
            ["Museums should be free,", "because culture belongs to everyone."],
        ),
        (
            "The tax is popular; the revenue funds new schools.",
            ["The tax is popular;", "the revenue funds new schools."],
        ),
        (
            "Although the tram is slow, it carries many people.",
            ["Although the tram is slow,", "it carries many people."],
        ),
        (
            "Cars are convenient but they pollute the air badly.",
            ["Cars are convenient", "but they pollute the air badly."],
        ),
    ],
)
def test_sentences_are_cut_at_clause_connectives(text: str, units: list[str]) -> None:
    assert texts(text) == units


@pytest.mark.parametrize(
    "text",
    [
        "The plan, however, has a flaw nobody saw.",  # a parenthetical "however" is no boundary
        "Many towns, for instance Leeds, have trams.",  # "for instance" is no clause
        "Tea, but cold.",  # too few words on one side
        "Bread and butter are cheap and good for you.",  # "and" without a comma
    ],
)
def test_no_cut_where_no_clause_begins(text: str) -> None:
    assert texts(text) == [text]


def test_paragraphs_are_never_joined() -> None:
    assert texts("A heading without a stop\n\nThe body starts here.") == [
        "A heading without a stop",
        "The body starts here.",
    ]


def test_units_know_their_sentence() -> None:
    units = segment("We must act, because time is short. Others wait.")
    assert [(u.sentence, u.opens_sentence) for u in units] == [(0, True), (0, False), (1, True)]


def test_a_blank_text_has_no_units() -> None:
    assert segment("") == [] and segment(" \n\t ") == []


WORDS = st.sampled_from(
    ["the", "tax", "because", "but", "however", ",", ";", "Dr.", "3.5", "é", "we", "should", "\u2014", "\n"]
)


@given(st.lists(WORDS, max_size=40).map(" ".join))
def test_units_slice_back_in_order_and_never_overlap(text: str) -> None:
    units = segment(text)
    for unit in units:
        assert text[unit.start : unit.end] == unit.text
        assert unit.text == unit.text.strip() and unit.text
    for before, after in itertools.pairwise(units):
        assert before.end <= after.start
    covered = "".join(text[u.start : u.end] for u in units)
    assert "".join(covered.split()) == "".join(text.split())


def test_blank_lines_separate_paragraphs_and_single_breaks_are_wrapping() -> None:
    text = "Rents should be capped,\nbecause wages lag behind.\n\nLandlords object.\nBut they profit anyway."
    units = segment(text)
    assert [(u.text, u.paragraph) for u in units] == [
        ("Rents should be capped,", 0),
        ("because wages lag behind.", 0),
        ("Landlords object.", 1),
        ("But they profit anyway.", 1),
    ]
    assert paragraphs(text) == [(0, 49), (51, len(text))]


def test_without_blank_lines_each_line_is_a_paragraph() -> None:
    text = "A heading\nThe first paragraph says a thing. It says more.\nThe second one."
    assert [u.paragraph for u in segment(text)] == [0, 1, 1, 2]
