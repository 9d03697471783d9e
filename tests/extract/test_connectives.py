"""Connectives decide direction and function: hand-made sentences, checked unit by unit.

Each case is a text written for this test, the units argmap should cut it into, and the
relations the draft must contain (source unit, "support" or "attack", target unit, in the
units' 1-based order) — the reading any careful reader gives these markers: a conclusion
marker ("so", "therefore"...) makes the unit before it support the one it opens; a premise
marker ("because", "since"...) makes its unit support the one it gives a reason for; a
concession and the reply to it attack each other.
"""

from __future__ import annotations

import pytest

import argmap
from argmap.extraction.connectives import (
    CONCESSION_MARKERS,
    CONCLUSION_MARKERS,
    CONTRAST_MARKERS,
    PREMISE_MARKERS,
    Link,
    explicit_links,
)
from argmap.extraction.lexicon import load_lexicon
from argmap.extraction.segmentation import segment

Case = tuple[str, list[str], set[tuple[int, str, int]]]

CASES: list[Case] = [
    # conclusion markers: the unit before supports the unit the marker opens
    (
        "We should leave now, so we will catch the train.",
        ["We should leave now,", "so we will catch the train."],
        {(1, "support", 2)},
    ),
    (
        "The bridge is closed. Therefore the bus takes the long route.",
        ["The bridge is closed.", "Therefore the bus takes the long route."],
        {(1, "support", 2)},
    ),
    (
        "Prices fell sharply. Thus farmers earn less this year.",
        ["Prices fell sharply.", "Thus farmers earn less this year."],
        {(1, "support", 2)},
    ),
    (
        "The reservoir is nearly empty; hence the town must ration water.",
        ["The reservoir is nearly empty;", "hence the town must ration water."],
        {(1, "support", 2)},
    ),
    (
        "The library lost its funding. Consequently it opens only on weekdays.",
        ["The library lost its funding.", "Consequently it opens only on weekdays."],
        {(1, "support", 2)},
    ),
    (
        "Fewer pupils walk to school. That is why the crossing needs a guard.",
        ["Fewer pupils walk to school.", "That is why the crossing needs a guard."],
        {(1, "support", 2)},
    ),
    (
        "Sales doubled after the redesign, which shows that the layout mattered.",
        ["Sales doubled after the redesign,", "which shows that the layout mattered."],
        {(1, "support", 2)},
    ),
    (
        "Rents keep rising. As a result, nurses move out of the city.",
        ["Rents keep rising.", "As a result, nurses move out of the city."],
        {(1, "support", 2)},
    ),
    # premise markers: the marked unit supports the unit it gives a reason for
    (
        "Critics say trains are late, since the line is old.",
        ["Critics say trains are late,", "since the line is old."],
        {(2, "support", 1)},
    ),
    (
        "The council should plant more trees, because shade cools the streets.",
        ["The council should plant more trees,", "because shade cools the streets."],
        {(2, "support", 1)},
    ),
    (
        "Because the roads are icy, schools will open late.",
        ["Because the roads are icy,", "schools will open late."],
        {(1, "support", 2)},
    ),
    (
        "Since the museum is free, it attracts many families.",
        ["Since the museum is free,", "it attracts many families."],
        {(1, "support", 2)},
    ),
    (
        "The match was cancelled, as the pitch was flooded.",
        ["The match was cancelled,", "as the pitch was flooded."],
        {(2, "support", 1)},
    ),
    (
        "Cycling lanes are worth building, given that most trips are short.",
        ["Cycling lanes are worth building,", "given that most trips are short."],
        {(2, "support", 1)},
    ),
    (
        "Smoking in parks should be banned. Because the smoke harms children.",
        ["Smoking in parks should be banned.", "Because the smoke harms children."],
        {(2, "support", 1)},
    ),
    # concessions and replies attack each other
    (
        "Although the tickets are expensive, the concert is worth it.",
        ["Although the tickets are expensive,", "the concert is worth it."],
        {(1, "attack", 2)},
    ),
    (
        "The plan is sound, although it costs a lot.",
        ["The plan is sound,", "although it costs a lot."],
        {(2, "attack", 1)},
    ),
    (
        "Homework should be limited. Admittedly, practice helps some pupils. But long evenings of it "
        "exhaust them.",
        [
            "Homework should be limited.",
            "Admittedly, practice helps some pupils.",
            "But long evenings of it exhaust them.",
        ],
        {(3, "attack", 2)},
    ),
    (
        "Zoos should close. Of course, they protect rare species. However, most animals there are not "
        "endangered.",
        [
            "Zoos should close.",
            "Of course, they protect rare species.",
            "However, most animals there are not endangered.",
        ],
        {(3, "attack", 2)},
    ),
    (
        "Even though the old stadium has charm, the city needs a new one.",
        ["Even though the old stadium has charm,", "the city needs a new one."],
        {(1, "attack", 2)},
    ),
    (
        "Uniforms should stay. Granted, some pupils dislike them. Yet they hide differences in wealth.",
        [
            "Uniforms should stay.",
            "Granted, some pupils dislike them.",
            "Yet they hide differences in wealth.",
        ],
        {(3, "attack", 2)},
    ),
    # markers of different kinds in one text
    (
        "The factory pollutes the river, because its filters are old. So the town should close it.",
        [
            "The factory pollutes the river,",
            "because its filters are old.",
            "So the town should close it.",
        ],
        {(2, "support", 1), (1, "support", 3)},
    ),
]


def _relations(text: str) -> tuple[list[str], set[tuple[int, str, int]]]:
    draft = argmap.extract(text)
    number = {s.id: k + 1 for k, s in enumerate(draft.statements)}
    found = {(number[source], r.type, number[r.to]) for r in draft.relations for source in r.sources}
    return [s.text for s in draft.statements], found


@pytest.mark.parametrize(("text", "units", "relations"), CASES, ids=[c[0][:40] for c in CASES])
def test_connectives_decide_direction_and_function(
    text: str, units: list[str], relations: set[tuple[int, str, int]]
) -> None:
    found_units, found = _relations(text)
    assert found_units == units
    assert relations <= found, f"missing {relations - found} in {sorted(found)}"


def test_the_table_covers_every_kind_of_marker() -> None:
    assert len(CASES) >= 20
    texts = " ".join(c[0].lower() for c in CASES)
    for marker in (
        "so",
        "therefore",
        "thus",
        "hence",
        "consequently",
        "which shows",
        "because",
        "since",
        "as",
    ):
        assert f" {marker} " in f" {texts} ".replace(",", " ").replace(";", " ")


def test_the_markers_are_cues_of_the_lexicon() -> None:
    """The connectives are read through the lexicon's cues: each marker must be one of them."""
    lexicon = load_lexicon()
    phrases = {p for entry in lexicon.entries.values() for p in (*entry.initial, *entry.anywhere)}
    for markers in (CONCLUSION_MARKERS, PREMISE_MARKERS, CONCESSION_MARKERS, CONTRAST_MARKERS):
        assert markers <= phrases, sorted(markers - phrases)


def test_a_link_never_closes_a_cycle_and_each_unit_has_at_most_one() -> None:
    units = segment("Because it rains, so we stay in. Although it is late, but we go.")
    links = explicit_links(units)
    for source, link in links.items():
        assert link.source == source and abs(link.target - source) == 1
        assert not (link.target in links and links[link.target].target == source)


def test_as_opens_no_reason_in_as_well_or_as_if() -> None:
    assert explicit_links(segment("The park is large, as well as quiet and green.")) == {}


def test_a_reply_that_is_the_central_claim_is_attacked_by_the_concession() -> None:
    text = "Although the ferry is slow, it is the best way to the island."
    draft = argmap.extract(text)
    assert draft.main_claim == "u2"
    assert [(r.sources, r.type, r.to) for r in draft.relations] == [(("u1",), "attack", "u2")]
    assert explicit_links(segment(text)) == {1: Link(1, 0, "attack", "although", "reply")}


def test_a_premise_joined_by_and_makes_a_linked_argument() -> None:
    draft = argmap.extract("We must act now. Because prices rise, and wages fall.")
    linked = [r for r in draft.relations if r.linked]
    assert [(r.sources, r.to) for r in linked] == [(("u2", "u3"), "u1")]
