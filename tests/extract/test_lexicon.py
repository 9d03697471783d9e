"""The discourse-indicator lexicon: the shipped file is well-formed, and cues match as documented."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest
import yaml

from argmap.errors import MapValidationError
from argmap.extraction.lexicon import CUE_CLASSES, load_lexicon, parse_lexicon


def shipped() -> dict[str, Any]:
    text = resources.files("argmap.extraction").joinpath("lexicon.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def test_the_shipped_lexicon_loads_with_every_class() -> None:
    lexicon = load_lexicon()
    assert lexicon.classes == CUE_CLASSES
    for name, entry in lexicon.entries.items():
        assert entry.description, name
        assert entry.initial or entry.anywhere, name


@pytest.mark.parametrize(
    ("cue_class", "cue"),
    [
        ("premise", "because"),
        ("counter", "however"),
        ("concession", "admittedly"),
        ("concession", "of course"),
        ("example", "for example"),
        ("additive", "moreover"),
        ("claim", "therefore"),
        ("modal", "should"),
    ],
)
def test_textbook_indicators_are_in_their_class(cue_class: str, cue: str) -> None:
    entry = load_lexicon().entries[cue_class]
    assert cue in entry.initial or cue in entry.anywhere


def test_load_lexicon_reads_the_file_once() -> None:
    assert load_lexicon() is load_lexicon()


def test_a_missing_class_is_refused() -> None:
    data = shipped()
    del data["classes"]["counter"]
    with pytest.raises(MapValidationError, match="classes must be, in this order"):
        parse_lexicon(data, "x.yaml")


def test_an_upper_case_cue_is_refused() -> None:
    data = shipped()
    data["classes"]["premise"]["initial"].append("Because")
    with pytest.raises(MapValidationError, match="'Because' must be non-empty, lower-case and trimmed"):
        parse_lexicon(data)


def test_a_cue_listed_twice_is_named() -> None:
    data = shipped()
    data["classes"]["premise"]["initial"].append("because")
    with pytest.raises(MapValidationError, match="cue 'because' is listed twice"):
        parse_lexicon(data)


def test_an_unknown_key_is_refused() -> None:
    data = shipped()
    data["classes"]["premise"]["sometimes"] = ["x"]
    with pytest.raises(MapValidationError, match=r"x\.yaml: Extra inputs are not permitted"):
        parse_lexicon(data, "x.yaml")
    with pytest.raises(MapValidationError, match="keys version and classes"):
        parse_lexicon({"classes": {}}, "x.yaml")


def test_an_initial_cue_counts_only_at_the_start() -> None:
    lexicon = load_lexicon()
    opening = lexicon.match("Since the bridge closed, traffic grew.")
    assert [(m.cue_class, m.cue, m.initial) for m in opening] == [("premise", "since", True)]
    # "since" inside a unit is no premise cue (it is an initial-only cue)
    assert not [m for m in lexicon.match("Traffic has grown ever since.") if m.cue == "since"]


def test_a_leading_conjunction_does_not_hide_an_opening_cue() -> None:
    matches = load_lexicon().match("And yet, the plan works.")
    assert [(m.cue_class, m.cue, m.initial) for m in matches] == [("counter", "yet", True)]


def test_the_longest_phrase_wins_and_offsets_point_into_the_text() -> None:
    text = "Some say it is true that taxes hurt."
    matches = load_lexicon().match(text)
    assert [m.cue for m in matches] == ["some say", "it is true"]
    assert [text[m.start : m.end] for m in matches] == ["Some say", "it is true"]


def test_curly_apostrophes_match_straight_cues() -> None:
    matches = load_lexicon().match("That\u2019s why we act.")
    assert [(m.cue_class, m.cue) for m in matches] == [("claim", "that's why")]
