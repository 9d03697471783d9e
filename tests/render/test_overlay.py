"""Overlays: built from hand-made analysis results, and drawn over the map."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from pydantic import ValidationError

from argmap.analysis.results import Analysis, WeakLink
from argmap.errors import UnknownIdError, UsageError
from argmap.render import RenderOptions, render_bytes, to_dot
from argmap.render.overlay import (
    HIGHLIGHTS,
    NodeMark,
    Overlay,
    acceptability_overlay,
    analysis_findings,
    chains_overlay,
    counterarguments_overlay,
    overlay_for,
    strength_overlay,
    weak_links_overlay,
)
from argmap.render.style import THEMES, mix
from tests.render.maps import (
    ACCEPTABILITY,
    ANALYSIS,
    CHAINS,
    COUNTERARGUMENTS,
    STRENGTH,
    WEAK_LINKS,
    by_id,
    classes,
    groups,
    school_map,
    shape_colours,
    texts,
)

DEFAULT = THEMES["default"]


def svg(overlay: Overlay | None, **options: object) -> ET.Element:
    return ET.fromstring(render_bytes(school_map(), "svg", RenderOptions.model_validate(options), overlay))


def badges(overlay: Overlay, statement: str) -> list[str]:
    return [b.text for b in overlay.nodes.get(statement, NodeMark()).badges]


# -- weak links ---------------------------------------------------------------------


def test_weak_links_are_badged_where_the_weakness_is() -> None:
    overlay = weak_links_overlay(school_map(), WEAK_LINKS)
    assert badges(overlay, "P1") == ["unsupported premise 0.50", "linked premise 0.40"]
    assert badges(overlay, "R3") == ["unanswered attack 0.75"]  # the attacker, not the inference it hits
    assert "S3" not in overlay.nodes and "C1" not in overlay.nodes and "P2" not in overlay.nodes
    assert overlay.edges["S3"].label == "weak inference 0.60"
    assert overlay.edges["U1"].mark == "weak"
    assert overlay.edges["S1"].links == ("P1",)  # only P1's line into the linked inference
    assert [e.badge for e in overlay.legend] == [
        "unanswered attack",
        "weak inference",
        "unsupported premise",
        "linked premise",
    ]


def test_weak_links_drawn_mark_only_the_weak_premises_line_into_a_junction() -> None:
    root = svg(weak_links_overlay(school_map(), WEAK_LINKS), legend=False)
    p1 = by_id(root, "s-P1")
    assert "mark-weak" in classes(p1)
    assert {"unsupported premise 0.50", "linked premise 0.40"} <= set(texts(p1))
    assert "mark-weak" in classes(by_id(root, "e-S1-0"))  # P1 -> S1
    assert "mark-weak" not in classes(by_id(root, "e-S1-1"))  # P2 -> S1
    weak_colour = DEFAULT.mark("weak").color.upper()
    assert any(stroke == weak_colour for _, stroke in shape_colours(p1))
    assert "weak inference 0.60" in texts(by_id(root, "e-S3"))


# -- chains -------------------------------------------------------------------------


def test_all_chains_count_how_many_pass_through_each_statement_and_fade_the_rest() -> None:
    overlay = chains_overlay(school_map(), CHAINS)
    assert badges(overlay, "C2") == ["on 2 chains"]
    assert badges(overlay, "E1") == ["on 1 chain"]
    assert badges(overlay, "C1") == ["on 3 chains"]
    assert {i for i, m in overlay.nodes.items() if m.mark == "off-chain"} == {"R1", "P4", "R3"}
    assert {i for i, m in overlay.edges.items() if m.mark == "chain"} == {"S1", "S2", "S3"}
    assert overlay.edges["S1"].links == ("P1", "P2")
    assert overlay.notes == ("3 support chains reach C1; the longest has 2 steps",)


def test_one_chain_numbers_its_steps_and_marks_only_its_own_line_into_a_junction() -> None:
    overlay = chains_overlay(school_map(), CHAINS, chain=2)
    assert [badges(overlay, i) for i in ("P2", "C2", "C1")] == [["ground"], ["step 1"], ["step 2"]]
    assert overlay.nodes["P1"].mark == "off-chain"
    root = svg(overlay, legend=False)
    assert "mark-chain" in classes(by_id(root, "e-S1-1"))  # P2 -> S1
    assert "mark-chain" not in classes(by_id(root, "e-S1-0"))  # P1 -> S1
    faded = by_id(root, "s-P1")
    assert (DEFAULT.faded_fill.upper(), DEFAULT.faded_color.upper()) in shape_colours(faded)


@pytest.mark.parametrize("chain", [0, 4])
def test_a_chain_that_is_not_listed_is_a_usage_error(chain: int) -> None:
    with pytest.raises(UsageError, match=r"there is no chain \d: the analysis lists 3 chains \(1 to 3\)"):
        chains_overlay(school_map(), CHAINS, chain=chain)


def test_no_chain_leaves_the_claim_marked_and_says_so() -> None:
    empty = CHAINS.model_copy(update={"count": 0, "max_depth": 0, "chains": ()})
    overlay = chains_overlay(school_map(), empty)
    assert overlay.nodes["C1"].mark == "chain"
    assert overlay.notes == ("0 support chains reach C1; the longest has 0 steps",)


# -- counterarguments ---------------------------------------------------------------


def test_counterarguments_are_badged_by_status_and_their_answers_named() -> None:
    overlay = counterarguments_overlay(school_map(), COUNTERARGUMENTS)
    assert badges(overlay, "R1") == ["answered: rebuts C1"]
    assert badges(overlay, "R3") == ["standing: undercuts S3"]
    assert badges(overlay, "P4") == ["answers R1"]
    assert (overlay.nodes["R1"].mark, overlay.nodes["R3"].mark, overlay.nodes["P4"].mark) == (
        "answered",
        "standing",
        "answers",
    )
    assert (overlay.edges["A1"].mark, overlay.edges["U1"].mark) == ("answered", "standing")
    assert overlay.notes == ("2 counterarguments: 1 standing, 1 answered",)


def test_an_attacker_in_several_counterarguments_takes_the_worst_status() -> None:
    both = (
        *COUNTERARGUMENTS,
        COUNTERARGUMENTS[0].model_copy(update={"relation": "A2", "status": "contested"}),
    )
    overlay = counterarguments_overlay(school_map(), both)
    assert overlay.nodes["R1"].mark == "contested"
    assert len(badges(overlay, "R1")) == 2


# -- acceptability and strength -----------------------------------------------------


def test_acceptability_labels_every_statement_and_fades_what_is_out() -> None:
    overlay = acceptability_overlay(school_map(), ACCEPTABILITY)
    assert badges(overlay, "C1") == ["IN"] and badges(overlay, "R1") == ["OUT"]
    assert set(overlay.edges) == {"S3", "A1"}  # relations in are drawn as they are
    assert overlay.notes == ("C1 is accepted",)
    root = svg(overlay, legend=False)
    assert "OUT" in texts(by_id(root, "s-R1"))
    assert "mark-out" in classes(by_id(root, "e-A1"))
    (stroke,) = {s for _, s in shape_colours(by_id(root, "e-A1")) if s != "NONE"}
    assert stroke == DEFAULT.faded_color.upper()


def test_acceptability_under_another_semantics_says_which_view_it_shows() -> None:
    preferred = ACCEPTABILITY.model_copy(
        update={"semantics": "preferred", "skeptical": False, "credulous": True, "extensions": 2}
    )
    overlay = acceptability_overlay(school_map(), preferred)
    assert overlay.title == "Acceptability (preferred semantics)"
    assert overlay.notes == ("C1 is not accepted (2 extensions; credulously accepted)",)
    assert overlay.legend[0].text == "accepted: in every extension"


def test_strength_is_a_number_and_a_fill_and_a_line_width() -> None:
    overlay = strength_overlay(school_map(), STRENGTH)
    assert badges(overlay, "C1") == ["0.80"]
    root = svg(overlay, legend=False)
    fill = mix(DEFAULT.strength_low, DEFAULT.strength_high, 0.8).upper()
    assert fill in {f for f, _ in shape_colours(by_id(root, "s-C1"))}
    widths = {
        key: float(
            next(p for p in by_id(root, f"e-{key}").iter() if p.get("stroke-width")).get("stroke-width", "0")
        )
        for key in ("S2", "S3")
    }
    assert widths == pytest.approx({"S2": 0.5 + 4.5 * 0.75, "S3": 0.5 + 4.5 * 0.25}, abs=0.01)


def test_scores_outside_the_unit_interval_are_clamped() -> None:
    overlay = strength_overlay(school_map(), STRENGTH.model_copy(update={"scores": {"C1": 1.2}}))
    assert overlay.nodes["C1"].fill == 1.0


# -- the legend tells the truth -----------------------------------------------------


@pytest.mark.parametrize("highlight", ["weak-links", "chains", "counterarguments", "acceptability"])
def test_the_legend_explains_exactly_the_marks_the_overlay_uses(highlight: str) -> None:
    overlay = overlay_for(school_map(), ANALYSIS, highlight)
    used = {m.mark for m in overlay.nodes.values()} | {m.mark for m in overlay.edges.values()}
    assert {e.mark for e in overlay.legend} == used - {None}


def test_the_overlay_legend_is_drawn_with_its_title_entries_and_notes() -> None:
    overlay = counterarguments_overlay(school_map(), COUNTERARGUMENTS)
    root = svg(overlay)
    legend = by_id(root, "overlay-legend")
    assert texts(legend) == ["Counterarguments"]
    entries = [g for g in groups(root, "legend") if (g.get("id") or "").startswith("overlay-legend-")]
    drawn = [" ".join(texts(g)) for g in entries]
    assert drawn == [
        "standing nothing in the map defeats this attack",
        "answered defeated by an accepted attack",
        "answers X its attack answers counterargument X",
        "2 counterarguments: 1 standing, 1 answered",
    ]
    assert "overlay" not in to_dot(school_map(), RenderOptions(legend=False), overlay)


# -- overlay_for and checks ---------------------------------------------------------


@pytest.mark.parametrize("highlight", [h for h in HIGHLIGHTS if h != "flips"])
def test_an_analysis_overlay_carries_the_findings_of_the_whole_analysis(highlight: str) -> None:
    overlay = overlay_for(school_map(), ANALYSIS, highlight)
    assert overlay.highlight == highlight and overlay.claim == "C1"
    assert overlay.findings == analysis_findings(school_map(), ANALYSIS)
    assert overlay.findings["R1"] == (
        "label: out (grounded semantics)",
        "strength: 0.25 (df-quad)",
        "counterargument: rebuts C1 (A1): answered, answered by P4",
    )
    assert "weak link (linked-premise, severity 0.40): P1 works jointly." in overlay.findings["P1"]


@pytest.mark.parametrize(
    ("result", "highlight"),
    [
        (CHAINS, "chains"),
        (ACCEPTABILITY, "acceptability"),
        (STRENGTH, "strength"),
        (WEAK_LINKS, "weak-links"),
    ],
)
def test_a_single_result_chooses_its_own_highlight(result: object, highlight: str) -> None:
    assert overlay_for(school_map(), result, None).highlight == highlight  # type: ignore[arg-type]
    assert overlay_for(school_map(), list(COUNTERARGUMENTS)).highlight == "counterarguments"


@pytest.mark.parametrize(
    ("result", "highlight", "chain", "message"),
    [
        (ANALYSIS, None, None, "say what to highlight of the analysis: one of chains, weak-links"),
        ((), None, None, "say what to highlight: one of"),
        (ANALYSIS, "glow", None, "unknown highlight 'glow'; known highlights: chains, weak-links"),
        (STRENGTH, "chains", None, "a Strength result cannot be highlighted as 'chains'"),
        (ANALYSIS, "strength", 1, "a chain can be chosen only when highlighting chains"),
        ((*WEAK_LINKS, *COUNTERARGUMENTS), None, None, "only weak links or only counterarguments"),
    ],
)
def test_overlay_for_says_what_does_not_fit(
    result: object, highlight: str | None, chain: int | None, message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        overlay_for(school_map(), result, highlight, chain=chain)  # type: ignore[arg-type]


def test_an_analysis_without_strength_cannot_show_strength() -> None:
    no_strength = Analysis.model_validate(ANALYSIS.model_dump() | {"strength": None})
    with pytest.raises(UsageError, match="has no strength to highlight"):
        overlay_for(school_map(), no_strength, "strength")


def test_a_result_of_another_map_is_refused_naming_the_id() -> None:
    stray = WeakLink(kind="unsupported-premise", nodes=("P11",), severity=0.5, explanation="x")
    with pytest.raises(
        UnknownIdError, match=r"names 'P11', which is no statement or relation .*did you mean 'P1'"
    ):
        weak_links_overlay(school_map(), [stray])


def test_unknown_marks_are_rejected_by_the_model() -> None:
    with pytest.raises(ValidationError, match="unknown mark 'glow'; known marks: weak, chain"):
        NodeMark(mark="glow")


def test_an_overlay_adds_no_node_and_no_edge() -> None:
    plain = svg(None)
    for highlight in (h for h in HIGHLIGHTS if h != "flips"):
        marked = svg(overlay_for(school_map(), ANALYSIS, highlight))
        assert [g.get("id") for g in groups(marked, "statement")] == [
            g.get("id") for g in groups(plain, "statement")
        ]
        assert [g.get("id") for g in groups(marked, "edge") if "legend" not in classes(g)] == [
            g.get("id") for g in groups(plain, "edge") if "legend" not in classes(g)
        ]


def test_dot_with_an_overlay_is_deterministic() -> None:
    overlay = overlay_for(school_map(), ANALYSIS, "weak-links")
    first = render_bytes(school_map(sections=True), "svg", overlay=overlay)
    assert first == render_bytes(school_map(sections=True), "svg", overlay=overlay)


def test_an_overlay_draws_the_top_findings_and_says_how_many_it_leaves_out() -> None:
    import argmap as _argmap
    from argmap.analysis import analyze
    from tests.conftest import ARTICLE_MAP

    m = _argmap.load(ARTICLE_MAP)
    result = analyze(m)
    every = overlay_for(m, result, "weak-links")
    top = overlay_for(m, result, "weak-links", top=3)
    marked = {i for i, mark in top.nodes.items() if mark.badges} | set(top.edges)
    assert 0 < len(marked) <= 3 * 3  # a weak link marks its statement and a line or two
    assert len(marked) < len({i for i, mark in every.nodes.items() if mark.badges} | set(every.edges))
    most = max(w.severity for w in result.weak_links)
    assert any(f"{most:.2f}" in b.text for mark in top.nodes.values() for b in mark.badges)
    assert top.notes[0] == f"the 3 most severe of {len(result.weak_links)} weak links drawn; " + (
        f"{len(result.weak_links) - 3} left out"
    )
    counter = overlay_for(m, result, "counterarguments", top=2)
    assert counter.notes[-1] == "the 2 most serious of 6 counterarguments drawn; 4 left out"
    assert (
        overlay_for(m, result, "counterarguments", top=10).notes
        == overlay_for(m, result, "counterarguments").notes
    )
