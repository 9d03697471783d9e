"""Tests of argmap.render: the DOT it builds, the SVG/PNG/PDF Graphviz lays out, the files it writes."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from argmap.errors import OutputError, UnknownFormatError, UsageError
from argmap.model import STATEMENT_KINDS, ArgumentMap, Relation, Statement
from argmap.render import FORMATS, THEMES, RenderOptions, render, render_bytes, to_dot
from argmap.render import output as output_module
from argmap.render.dot import DotGraph, wrap_text
from argmap.render.layout import Layout
from argmap.render.style import EdgeLook, Emphasis, NodeLook, Theme

SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"


# -- maps ---------------------------------------------------------------------------


def school_map() -> ArgumentMap:
    """Every feature at once: all kinds, a linked support, an undercut, rebuttals, schemes."""
    return ArgumentMap(
        title="Should schools ban phones in lessons?",
        main_claim="C1",
        statements=[
            Statement(id="C1", kind="claim", text="Secondary schools should ban smartphones during lessons."),
            Statement(id="C2", kind="claim", text="Smartphones in class harm students' learning."),
            Statement(id="P1", kind="premise", text="Phones on desks pull students' attention away."),
            Statement(id="P2", kind="premise", text="Sustained attention is a precondition for learning."),
            Statement(id="E1", kind="evidence", text="Test scores rose 6% after phone bans (2015 study)."),
            Statement(
                id="R1", kind="rebuttal", text="Students need phones to reach parents in an emergency."
            ),
            Statement(
                id="P4", kind="premise", text="The school office can reach any parent in an emergency."
            ),
            Statement(id="R3", kind="rebuttal", text="Scores rose as much in schools without a ban."),
        ],
        relations=[
            Relation(id="S1", type="support", sources=["P1", "P2"], to="C2", scheme="cause to effect"),
            Relation(id="S2", type="support", sources="C2", to="C1"),
            Relation(id="S3", type="support", sources="E1", to="C1", scheme="argument from evidence"),
            Relation(id="U1", type="attack", sources="R3", to="S3"),
            Relation(id="A1", type="attack", sources="R1", to="C1"),
            Relation(id="A2", type="attack", sources="P4", to="R1"),
        ],
    )


def one_relation_map(text: str = "It will rain.") -> ArgumentMap:
    return ArgumentMap(
        title="Umbrella",
        main_claim="C",
        statements=[
            Statement(id="C", kind="claim", text="Take an umbrella."),
            Statement(id="P", kind="premise", text=text),
        ],
        relations=[Relation(id="R", type="support", sources="P", to="C")],
    )


# -- reading SVG --------------------------------------------------------------------


def svg_of(argument_map: ArgumentMap, **options: object) -> ET.Element:
    return ET.fromstring(render_bytes(argument_map, "svg", RenderOptions.model_validate(options)))


def groups(root: ET.Element, css_class: str) -> list[ET.Element]:
    """The SVG groups (nodes, edges, clusters) whose class list holds ``css_class``."""
    return [g for g in root.iter(f"{SVG}g") if css_class in g.get("class", "").split()]


def title(group: ET.Element) -> str:
    element = group.find(f"{SVG}title")
    assert element is not None and element.text is not None
    return element.text


def edge_ends(root: ET.Element) -> list[tuple[str, str]]:
    """(tail, head) of every drawn edge; Graphviz titles an edge ``tail->head``."""
    return [tuple(title(g).split("->")) for g in groups(root, "edge")]  # type: ignore[misc]


def texts(group: ET.Element) -> list[str]:
    return [t.text or "" for t in group.iter(f"{SVG}text")]


def statement_nodes(root: ET.Element) -> dict[str, ET.Element]:
    return {title(g): g for g in groups(root, "statement")}


# -- the statement nodes ------------------------------------------------------------


def test_svg_has_exactly_one_statement_node_per_statement() -> None:
    m = school_map()
    root = svg_of(m)
    nodes = groups(root, "statement")
    assert [title(g) for g in nodes] == [s.id for s in m.statements]
    assert [g.get("id") for g in nodes] == [f"s-{s.id}" for s in m.statements]
    # Legend and junction nodes are nodes too, but never statements.
    assert groups(root, "legend") and groups(root, "junction")
    assert not any(
        "statement" in g.get("class", "") for g in groups(root, "legend") + groups(root, "junction")
    )


def test_node_label_is_the_id_then_the_text_and_the_tooltip_the_full_text() -> None:
    m = one_relation_map("It will rain, and heavily, all afternoon long.")
    node = statement_nodes(svg_of(m, wrap=20))["P"]
    assert texts(node)[0] == "P"
    assert " ".join(texts(node)[1:]) == "It will rain, and heavily, all afternoon long."
    assert node.find(f".//{SVG}a").get(XLINK_TITLE) == "It will rain, and heavily, all afternoon long."  # type: ignore[union-attr]


def test_show_ids_false_leaves_only_the_text() -> None:
    node = statement_nodes(svg_of(one_relation_map(), show_ids=False))["P"]
    assert texts(node) == ["It will rain."]


@pytest.mark.parametrize("wrap", [8, 15, 28, 40])
def test_drawn_lines_are_at_most_wrap_characters(wrap: int) -> None:
    text = (
        "Phones on desks pull the attention of students away from what the teacher says, every single lesson."
    )
    node = statement_nodes(svg_of(one_relation_map(text), wrap=wrap))["P"]
    lines = texts(node)[1:]
    assert len(lines) > 1
    assert all(len(line) <= wrap for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # words longer than wrap are split


@given(st.text(min_size=1, max_size=300), st.integers(min_value=1, max_value=60))
def test_wrap_text_keeps_every_character_within_the_width(text: str, width: int) -> None:
    lines = wrap_text(text, width)
    assert lines
    assert all(len(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_main_claim_is_emphasised_over_other_claims() -> None:
    nodes = statement_nodes(svg_of(school_map()))
    main, other = nodes["C1"], nodes["C2"]
    assert "main-claim" in main.get("class", "").split()
    assert "main-claim" not in other.get("class", "").split()
    # A double border (two outlines) and a larger font than an ordinary claim.
    assert len(main.findall(f".//{SVG}path")) == 2
    assert len(other.findall(f".//{SVG}path")) == 1

    def text_size(node: ET.Element) -> float:
        return float(node.findall(f".//{SVG}text")[-1].get("font-size", "0"))

    assert text_size(main) > text_size(other)


# -- relations ----------------------------------------------------------------------


def test_single_source_relation_is_one_edge_from_source_to_target() -> None:
    root = svg_of(one_relation_map(), legend=False)
    assert edge_ends(root) == [("P", "C")]
    assert not groups(root, "junction")


def test_linked_relation_has_one_junction_with_an_edge_from_each_source() -> None:
    m = ArgumentMap(
        title="Linked",
        statements=[Statement(id=i, kind="premise", text=f"premise {i}") for i in ("A", "B", "D", "C")],
        relations=[Relation(id="R", type="support", sources=["A", "B", "D"], to="C")],
    )
    root = svg_of(m, legend=False)
    junctions = groups(root, "junction")
    assert [title(j) for j in junctions] == ["R"]
    assert junctions[0].get("id") == "j-R"
    ends = edge_ends(root)
    assert sorted(tail for tail, head in ends if head == "R") == ["A", "B", "D"]
    assert [head for tail, head in ends if tail == "R"] == ["C"]
    assert len(ends) == 4
    # Lines into the junction carry no arrowhead; the one out of it does.
    links = groups(root, "link")
    assert len(links) == 3 and all(link.find(f".//{SVG}polygon") is None for link in links)
    (arrow,) = (g for g in groups(root, "relation") if title(g) == "R->C")
    assert arrow.find(f".//{SVG}polygon") is not None


def test_undercut_edge_goes_into_the_junction_of_the_attacked_relation() -> None:
    root = svg_of(school_map(), legend=False)
    assert sorted(title(j) for j in groups(root, "junction")) == ["S1", "S3"]
    ends = edge_ends(root)
    assert ("E1", "S3") in ends and ("S3", "C1") in ends and ("E1", "C1") not in ends
    (undercut,) = groups(root, "undercut")
    assert title(undercut) == "R3->S3"
    assert {"relation", "attack"} <= set(undercut.get("class", "").split())


def test_attack_and_support_edges_are_styled_apart_in_the_dot() -> None:
    dot = to_dot(school_map(), RenderOptions(legend=False))
    support = next(line for line in dot.splitlines() if line.strip().startswith("C2 -> C1"))
    attack = next(line for line in dot.splitlines() if line.strip().startswith("R1 -> C1"))
    assert "style=solid" in support and "arrowhead=normal" in support
    assert "style=dashed" in attack and "arrowhead=tee" in attack


def test_scheme_is_in_the_tooltip_not_on_the_diagram() -> None:
    root = svg_of(school_map(), legend=False)
    (edge,) = (g for g in groups(root, "relation") if title(g) == "S3->C1")
    assert "argument from evidence" in edge.find(f".//{SVG}a").get(XLINK_TITLE, "")  # type: ignore[union-attr]
    assert not any("argument from evidence" in t for t in texts(root))


# -- legend -------------------------------------------------------------------------


def test_legend_shows_the_kinds_and_relation_types_present_and_stands_apart() -> None:
    root = svg_of(school_map())
    legend_ids = {g.get("id") for g in groups(root, "legend")}
    assert {
        "legend-main-claim",
        "legend-claim",
        "legend-premise",
        "legend-evidence",
        "legend-rebuttal",
    } <= legend_ids
    assert {"legend-support", "legend-attack", "legend-junction"} <= legend_ids
    # Not connected to the map: every edge touching a legend node joins two legend nodes.
    for tail, head in edge_ends(root):
        assert tail.startswith("legend/") == head.startswith("legend/")


def test_legend_leaves_out_what_the_map_does_not_use() -> None:
    m = ArgumentMap(title="T", statements=[Statement(id="A", kind="evidence", text="a")])
    legend_ids = {g.get("id") for g in groups(svg_of(m), "legend")}
    assert legend_ids == {"legend", "legend-evidence"}


def test_legend_false_draws_no_legend() -> None:
    root = svg_of(school_map(), legend=False)
    assert groups(root, "legend") == []
    assert "legend" not in to_dot(school_map(), RenderOptions(legend=False))


# -- hostile text -------------------------------------------------------------------

HOSTILE = [
    '"]; a -> b [',
    "<script>alert(1)</script>",
    r"C:\new\l \N \G \E \T \H \L \\ end\\",
    "tail backslash \\",
    "x & y \"quoted\" 'single' <b>bold</b> &amp; &lt; &#92;N &#x41; &nbsp; é ∀ 😀",
    "} digraph evil { x -> y",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_drawn_literally_and_adds_nothing(text: str) -> None:
    m = ArgumentMap(
        title=text,
        main_claim="C",
        statements=[
            Statement(id="C", kind="claim", text="Plain."),
            Statement(id="P", kind="premise", text=text),
        ],
        relations=[Relation(id="R", type="support", sources="P", to="C", scheme=text)],
    )
    root = svg_of(m, wrap=200, legend=False)
    assert list(statement_nodes(root)) == ["C", "P"]
    assert len(groups(root, "node")) == 2
    assert edge_ends(root) == [("P", "C")]
    node = statement_nodes(root)["P"]
    assert texts(node)[1:] == [text.strip()]
    assert node.find(f".//{SVG}a").get(XLINK_TITLE) == text  # type: ignore[union-attr]
    edge = groups(root, "edge")[0]
    assert edge.find(f".//{SVG}a").get(XLINK_TITLE) == f"P supports C ({text})"  # type: ignore[union-attr]
    assert text.strip() in [t.strip() for t in texts(root)]  # the title, drawn above the map


# -- options and themes -------------------------------------------------------------


def test_unknown_theme_is_a_usage_error_listing_the_known_ones() -> None:
    with pytest.raises(UsageError, match=r"unknown theme 'neon'; known themes: default, print, dark$"):
        to_dot(school_map(), RenderOptions(theme="neon"))


def test_bad_options_are_rejected_by_the_model() -> None:
    with pytest.raises(ValidationError, match="rankdir"):
        RenderOptions(rankdir="UP")
    with pytest.raises(ValidationError, match="wrap"):
        RenderOptions(wrap=0)
    with pytest.raises(ValidationError, match="frozen"):
        RenderOptions().wrap = 3  # type: ignore[misc]


@pytest.mark.parametrize("rankdir", ["TB", "BT", "LR", "RL"])
def test_rankdir_reaches_graphviz(rankdir: str) -> None:
    assert f"rankdir={rankdir}" in to_dot(school_map(), RenderOptions(rankdir=rankdir))
    assert len(groups(svg_of(school_map(), rankdir=rankdir), "statement")) == 8


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_theme_tells_kinds_apart_without_colour(theme: str) -> None:
    looks = THEMES[theme]
    for a, b in itertools.combinations(STATEMENT_KINDS, 2):
        first, second = looks.node(a), looks.node(b)
        assert (first.shape, first.style) != (second.shape, second.style), (a, b)
    support, attack = looks.edge("support"), looks.edge("attack")
    assert support.style != attack.style and support.arrowhead != attack.arrowhead
    assert looks.main_claim.peripheries > 1 or looks.main_claim.penwidth > looks.node("claim").penwidth


def test_a_theme_must_cover_every_kind_and_type() -> None:
    default = THEMES["default"]
    with pytest.raises(ValueError, match="no look for: rebuttal, attack"):
        Theme(
            name="partial",
            nodes={k: NodeLook(k, "box", "filled", "#000000", "#FFFFFF") for k in STATEMENT_KINDS[:3]},
            edges={"support": EdgeLook("supports", "#000000", "solid", "normal")},
            main_claim=Emphasis("main claim"),
        )
    with pytest.raises(TypeError):
        default.nodes["claim"] = default.nodes["premise"]  # type: ignore[index]


# -- determinism --------------------------------------------------------------------


def test_dot_and_svg_are_byte_identical_across_renders() -> None:
    m = school_map()
    assert render_bytes(m, "dot") == render_bytes(m, "dot")
    assert render_bytes(m, "svg") == render_bytes(m, "svg")


_RENDER_IN_CHILD = """
import sys
from argmap.model import ArgumentMap
from argmap.render import render_bytes
sys.stdout.buffer.write(render_bytes(ArgumentMap.model_validate_json(sys.stdin.read()), sys.argv[1]))
"""


@pytest.mark.parametrize("format", ["dot", "svg"])
def test_output_does_not_depend_on_hash_seed(format: str) -> None:
    data = school_map().model_dump_json(by_alias=True)

    def run(seed: str) -> bytes:
        return subprocess.run(
            [sys.executable, "-c", _RENDER_IN_CHILD, format],
            input=data.encode(),
            env=os.environ | {"PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
        ).stdout

    assert run("1") == run("2") == render_bytes(school_map(), format)


def test_statements_appear_in_map_order() -> None:
    m = school_map()
    dot = to_dot(m, RenderOptions(legend=False))
    positions = [dot.index(f"\t{s.id} [label=") for s in m.statements]
    assert positions == sorted(positions)


# -- output -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("format", "magic"), [("png", b"\x89PNG\r\n\x1a\n"), ("pdf", b"%PDF-"), ("svg", b"<?xml")]
)
def test_binary_formats_start_with_their_magic_bytes(format: str, magic: bytes) -> None:
    assert render_bytes(school_map(), format).startswith(magic)


def test_dot_format_is_the_dot_text_in_utf8() -> None:
    m = one_relation_map("Regen fällt, ganz bestimmt: ∀ 😀")
    assert render_bytes(m, "dot") == to_dot(m).encode("utf-8")


def test_unknown_format_name_lists_the_known_ones() -> None:
    with pytest.raises(
        UnknownFormatError, match=r"unknown format 'gif'; known formats: svg, png, pdf, dot, html$"
    ):
        render_bytes(school_map(), "gif")
    assert FORMATS == ("svg", "png", "pdf", "dot", "html")


@pytest.mark.parametrize("name", ["map.jpeg", "map", "map.svg.bak"])
def test_unknown_suffix_lists_the_known_ones_and_writes_nothing(tmp_path: Path, name: str) -> None:
    with pytest.raises(UnknownFormatError, match=r"known suffixes: \.svg, \.png, \.pdf, \.dot, \.html$"):
        render(school_map(), tmp_path / name)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "magic"), [("MAP.SVG", b"<?xml"), ("map.Png", b"\x89PNG"), ("m.pdf", b"%PDF")]
)
def test_render_picks_the_format_from_the_suffix_in_any_case(tmp_path: Path, name: str, magic: bytes) -> None:
    path = render(school_map(), tmp_path / name)
    assert path == tmp_path / name
    assert path.read_bytes().startswith(magic)
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left behind


def test_render_writes_what_render_bytes_returns_and_an_explicit_format_wins(tmp_path: Path) -> None:
    path = render(school_map(), str(tmp_path / "map.txt"), format="dot")
    assert path.read_bytes() == render_bytes(school_map(), "dot")


def test_render_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "map.dot"
    path.write_text("old")
    render(school_map(), path)
    assert path.read_text(encoding="utf-8").startswith("digraph argmap {")


def test_render_into_a_missing_directory_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"cannot write .*map\.svg"):
        render(school_map(), tmp_path / "missing" / "map.svg")


def fake_dot_graph(text: str) -> Callable[..., DotGraph]:
    """A stand-in for dot_graph that hands Graphviz ``text``."""
    return lambda argument_map, *args: DotGraph(text=text, drawn=argument_map, layout=Layout("dot"))


def test_graphviz_failure_is_an_output_error_on_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output_module, "dot_graph", fake_dot_graph("digraph {\n a -> ;\n}\n"))
    with pytest.raises(
        OutputError, match=r"Graphviz could not draw the map as svg: .*syntax error"
    ) as caught:
        render_bytes(school_map(), "svg")
    assert "\n" not in str(caught.value)


def test_graphviz_warnings_do_not_reach_stderr(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    # An unknown shape makes Graphviz warn on file descriptor 2, and draw a box.
    monkeypatch.setattr(output_module, "dot_graph", fake_dot_graph("digraph { a [shape=nosuchshape] }"))
    assert render_bytes(school_map(), "svg").startswith(b"<?xml")
    print("still here", file=sys.stderr)
    assert capfd.readouterr().err == "still here\n"


def test_empty_map_still_draws() -> None:
    root = ET.fromstring(render_bytes(ArgumentMap(title=""), "svg"))
    assert groups(root, "node") == []
