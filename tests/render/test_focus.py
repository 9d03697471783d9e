"""The neighbourhood of a statement (--focus/--depth) and how a focused map is drawn."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from argmap.errors import UnknownIdError, UsageError
from argmap.model import ArgumentMap, Relation, Statement
from argmap.render import RenderOptions, render_bytes
from argmap.render.focus import neighbourhood
from argmap.render.overlay import overlay_for
from tests.render.maps import ANALYSIS, by_id, classes, groups, school_map, texts


def chain_map(length: int) -> ArgumentMap:
    """S0 <- S1 <- ... <- S(length-1), each supporting the one before."""
    return ArgumentMap(
        title="Chain",
        statements=[Statement(id=f"S{i}", kind="premise", text=f"statement {i}") for i in range(length)],
        relations=[
            Relation(id=f"R{i}", type="support", sources=f"S{i}", to=f"S{i - 1}") for i in range(1, length)
        ],
    )


def ids(argument_map: ArgumentMap) -> list[str]:
    return [s.id for s in argument_map.statements]


@pytest.mark.parametrize(
    ("depth", "kept"),
    [
        (0, ["S3"]),
        (1, ["S2", "S3", "S4"]),
        (2, ["S1", "S2", "S3", "S4", "S5"]),
        (9, [f"S{i}" for i in range(7)]),
    ],
)
def test_depth_counts_relations_either_way(depth: int, kept: list[str]) -> None:
    assert ids(neighbourhood(chain_map(7), "S3", depth).map) == kept


def test_relations_are_kept_between_kept_statements_and_the_rest_counted() -> None:
    near = neighbourhood(chain_map(7), "S3", 1)
    assert [r.key for r in near.map.relations] == ["R3", "R4"]
    assert near.hidden == {"S2": 1, "S4": 1}
    assert (near.center, near.depth) == ("S3", 1)


def test_a_linked_relation_joins_all_its_premises_in_one_hop() -> None:
    near = neighbourhood(school_map(), "P1", 1)
    assert ids(near.map) == ["C2", "P1", "P2"]
    assert [r.key for r in near.map.relations] == ["S1"]
    assert near.hidden == {"C2": 1}


def test_an_undercut_is_two_hops_from_what_its_inference_joins() -> None:
    m = school_map()
    assert "R3" not in ids(neighbourhood(m, "E1", 1).map)
    near = neighbourhood(m, "E1", 2)
    assert "R3" in ids(near.map)
    assert {"S3", "U1"} <= {r.key for r in near.map.relations}


def test_the_main_claim_is_kept_only_when_within_reach() -> None:
    assert neighbourhood(school_map(), "C2", 1).map.main_claim == "C1"
    assert neighbourhood(school_map(), "P1", 1).map.main_claim is None


def test_an_unknown_focus_suggests_a_close_id_and_a_negative_depth_is_refused() -> None:
    with pytest.raises(UnknownIdError, match=r"no statement 'P11' \(did you mean 'P1'\?\)"):
        neighbourhood(school_map(), "P11", 1)
    with pytest.raises(UsageError, match="depth must be 0 or more, not -1"):
        neighbourhood(school_map(), "P1", -1)


def test_a_focused_drawing_shows_the_neighbourhood_says_where_it_is_and_what_is_left_out() -> None:
    root = ET.fromstring(render_bytes(school_map(), "svg", RenderOptions(focus="C2", depth=1)))
    assert [g.get("id") for g in groups(root, "statement")] == ["s-C1", "s-C2", "s-P1", "s-P2"]
    assert "focus" in classes(by_id(root, "s-C2"))
    assert "+2 relations not shown" in texts(by_id(root, "s-C1"))  # S3 and A1
    assert "(around C2, within 1 relation)" in texts(root)


def test_marks_on_statements_left_out_are_not_drawn() -> None:
    overlay = overlay_for(school_map(), ANALYSIS, "counterarguments")
    root = ET.fromstring(render_bytes(school_map(), "svg", RenderOptions(focus="P1", depth=1), overlay))
    assert [g.get("id") for g in groups(root, "statement")] == ["s-C2", "s-P1", "s-P2"]


def test_focus_html_lists_every_relation_even_those_not_drawn() -> None:
    page = render_bytes(school_map(), "html", RenderOptions(focus="C2", depth=1)).decode()
    assert page.count('tabindex="0" role="button"') == 4
    assert '"relation":"A1"' in page  # C1's attack, whose attacker is not drawn


def test_the_overlay_legend_leaves_out_what_the_focus_does_not_draw() -> None:
    overlay = overlay_for(school_map(), ANALYSIS, "counterarguments")
    near = ET.fromstring(render_bytes(school_map(), "svg", RenderOptions(focus="R3", depth=0), overlay))
    entries = [
        " ".join(texts(g))
        for g in groups(near, "legend")
        if (g.get("id") or "").startswith("overlay-legend-")
    ]
    assert entries == [
        "standing nothing in the map defeats this attack",
        "2 counterarguments: 1 standing, 1 answered (the analysis covers the whole map)",
    ]
    bare = overlay.model_copy(update={"notes": ()})
    alone = ET.fromstring(render_bytes(school_map(), "svg", RenderOptions(focus="C2", depth=0), bare))
    assert not [g for g in groups(alone, "legend") if g.get("id") == "overlay-legend"]
