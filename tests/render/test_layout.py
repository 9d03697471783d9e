"""Layout: sections as clusters, the engine for big maps, and determinism."""

from __future__ import annotations

import base64
import json
import os
import random
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET

import pytest

from argmap.errors import UsageError
from argmap.model import ArgumentMap, Relation, Statement
from argmap.render import LayoutWarning, RenderOptions, render_bytes, to_dot
from argmap.render.layout import DOT_LIMIT, choose_engine
from tests.render.maps import by_id, classes, groups, school_map, texts


def big_map(statements: int, seed: int = 1) -> ArgumentMap:
    """A seeded random tree of supports and attacks, with sections, plus a few cross relations."""
    rng = random.Random(seed)
    nodes = [Statement(id="S0", kind="claim", text="The main claim.", section="part 0")]
    relations = []
    for i in range(1, statements):
        kind = rng.choice(("premise", "evidence", "rebuttal", "claim"))
        nodes.append(Statement(id=f"S{i}", kind=kind, text=f"Statement number {i}.", section=f"part {i % 5}"))
        relation_type = "attack" if kind == "rebuttal" else "support"
        relations.append(Relation(id=f"R{i}", type=relation_type, sources=f"S{i}", to=f"S{rng.randrange(i)}"))
    for j in range(statements // 10):
        source = rng.randrange(2, statements)
        relations.append(
            Relation(id=f"X{j}", type="support", sources=[f"S{source}", f"S{source - 1}"], to="S0")
        )
    return ArgumentMap(title="Big", main_claim="S0", statements=nodes, relations=relations)


# -- sections -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "options", [RenderOptions(legend=False, layout="wide"), RenderOptions(legend=False, sections=True)]
)
def test_each_section_is_a_cluster_holding_its_statements(options: RenderOptions) -> None:
    root = ET.fromstring(render_bytes(school_map(sections=True), "svg", options))
    sections = groups(root, "section")
    assert [texts(g) for g in sections] == [["Case"], ["Objections"]]
    assert [g.get("id") for g in sections] == ["section-0", "section-1"]
    dot = to_dot(school_map(sections=True), options)
    case = dot[dot.index("subgraph cluster_section_0") : dot.index("subgraph cluster_section_1")]
    objections = dot[dot.index("subgraph cluster_section_1") :]
    assert all(f"\t\t{i} [" in case for i in ("C1", "C2", "P1", "P2", "E1"))
    # A junction goes with the statements its relation joins (S3 is undercut from another section).
    assert "\t\tS1 [" in case and "\t\tS3 [" in case
    assert all(f"\t\t{i} [" in objections for i in ("R1", "P4", "R3"))


def test_sections_can_be_turned_off_and_a_map_without_sections_has_no_cluster() -> None:
    assert "cluster_section" not in to_dot(school_map(sections=True), RenderOptions(sections=False))
    wide_without = RenderOptions(sections=False, layout="wide")
    assert "cluster_section" not in to_dot(school_map(sections=True), wide_without)
    # The compact layout packs the map; clusters would stop it, so it draws them only when asked.
    assert "cluster_section" not in to_dot(school_map(sections=True), RenderOptions())
    assert "cluster_section" not in to_dot(school_map(), RenderOptions())


def test_section_names_are_drawn_literally() -> None:
    m = ArgumentMap(
        title="T",
        statements=[Statement(id="A", kind="claim", text="a", section='"]; x -> y [ <b>&amp; \\N')],
    )
    root = ET.fromstring(render_bytes(m, "svg", RenderOptions(legend=False, sections=True)))
    assert [texts(g) for g in groups(root, "section")] == [['"]; x -> y [ <b>&amp; \\N']]
    assert len(groups(root, "node")) == 1


# -- the engine ---------------------------------------------------------------------


def test_auto_takes_dot_up_to_the_limit_and_sfdp_beyond_it() -> None:
    def unconnected(statements: int) -> ArgumentMap:
        return ArgumentMap(
            title="T", statements=[Statement(id=f"S{i}", kind="premise", text="p") for i in range(statements)]
        )

    assert choose_engine(unconnected(DOT_LIMIT)).engine == "dot"
    beyond = unconnected(DOT_LIMIT + 1)
    layout = choose_engine(beyond)
    assert layout.engine == "sfdp"
    assert layout.reason == (
        f"the map has {DOT_LIMIT + 1} statements and 0 relations: more than {DOT_LIMIT} together, so it is "
        "laid out with sfdp instead of dot (which would take too long); sfdp ignores rankdir and does not "
        "draw sections"
    )
    assert choose_engine(beyond, "dot").engine == "dot"
    with pytest.raises(UsageError, match="unknown layout engine 'neato'; known engines: auto, dot, sfdp"):
        choose_engine(beyond, "neato")


def test_a_2000_statement_map_renders_every_statement_and_warns_when_it_switches_engine() -> None:
    m = big_map(2000)
    assert len(m.statements) + len(m.relations) > DOT_LIMIT
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        svg = render_bytes(m, "svg")
    root = ET.fromstring(svg)
    assert {g.get("id") for g in groups(root, "statement")} == {f"s-S{i}" for i in range(2000)}
    assert len(groups(root, "statement")) == 2000
    assert len(groups(root, "junction")) == 200
    assert [w.category for w in caught] == [LayoutWarning]
    assert "laid out with sfdp instead of dot" in str(caught[0].message)


def test_sfdp_draws_every_statement_without_sections_and_the_dot_names_the_engine() -> None:
    m = school_map(sections=True)
    dot = to_dot(m, RenderOptions(engine="sfdp"))
    assert "layout=sfdp" in dot and "overlap=scale" in dot and "cluster_section" not in dot
    root = ET.fromstring(render_bytes(m, "svg", RenderOptions(engine="sfdp")))
    assert len(groups(root, "statement")) == len(m.statements)
    assert "layout=dot" in to_dot(m)


# -- determinism --------------------------------------------------------------------

OUTPUTS = [("dot", "dot"), ("svg", "dot"), ("svg", "sfdp"), ("html", "dot")]

# One child renders every output of OUTPUTS (the imports paid once per hash seed, not per output).
_RENDER_IN_CHILD = f"""
import base64, json, sys
from argmap.render import RenderOptions, render_bytes
from argmap.render.overlay import overlay_for
from tests.render.maps import ANALYSIS, school_map
m = school_map(sections=True)
overlay = overlay_for(m, ANALYSIS, "counterarguments")
outputs = {{
    f"{{format}} by {{engine}}": base64.b64encode(
        render_bytes(m, format, RenderOptions(engine=engine), overlay)
    ).decode()
    for format, engine in {OUTPUTS!r}
}}
print(json.dumps(outputs))
"""


def test_output_is_byte_identical_across_runs_and_hash_seeds() -> None:
    def run(seed: str) -> dict[str, bytes]:
        completed = subprocess.run(
            [sys.executable, "-c", _RENDER_IN_CHILD],
            env=os.environ | {"PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
            text=True,
        )
        return {name: base64.b64decode(data) for name, data in json.loads(completed.stdout).items()}

    first, second, third = run("1"), run("2"), run("3")
    assert len(first) == len(OUTPUTS) and all(first.values())
    for name, output in first.items():
        assert output == second[name] == third[name], name


def test_the_focus_statement_is_marked_for_styling() -> None:
    root = ET.fromstring(render_bytes(school_map(), "svg", RenderOptions(focus="P1", depth=0)))
    assert classes(by_id(root, "s-P1")) >= {"statement", "premise", "focus"}
