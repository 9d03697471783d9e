"""The picture shows each statement's side of the main claim, in grayscale too."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import argmap
from argmap.render import RenderOptions, render_bytes, to_dot
from tests.conftest import ARTICLE_MAP
from tests.render.maps import SVG


def node(root: ET.Element, identifier: str) -> ET.Element:
    found = [g for g in root.iter(f"{SVG}g") if g.get("id") == f"s-{identifier}"]
    assert len(found) == 1
    return found[0]


def test_replies_to_objections_are_drawn_on_the_pro_side_and_objections_dashed() -> None:
    m = argmap.load(ARTICLE_MAP)
    root = ET.fromstring(render_bytes(m, "svg", RenderOptions(theme="print")))
    for objection in ("O1", "O6", "O7", "E3"):
        g = node(root, objection)
        assert "side-con" in (g.get("class") or "").split()
        # grayscale-safe: a dashed border and the word "con" by the id
        assert any(p.get("stroke-dasharray") for p in g.iter() if p.tag in (f"{SVG}path", f"{SVG}polygon"))
        assert any((t.text or "").endswith("· con") for t in g.iter(f"{SVG}text"))
    for reply in ("A1", "A2", "A3", "A4"):
        g = node(root, reply)
        assert "side-con" not in (g.get("class") or "")
        assert not any(p.get("stroke-dasharray") for p in g.iter() if p.tag == f"{SVG}polygon")
        assert not any("con" in (t.text or "") for t in g.iter(f"{SVG}text"))
    assert any(t.text == "con: argues against the main claim" for t in root.iter(f"{SVG}text"))


def test_sides_can_be_left_out() -> None:
    m = argmap.load(ARTICLE_MAP)
    assert "side-con" in to_dot(m)
    assert "side-con" not in to_dot(m, RenderOptions(stance=False))
