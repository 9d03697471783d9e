"""The compact layout: a map of an article's size fits a landscape screen, readably.

Each picture is parsed as SVG: its aspect ratio is at most 2:1, and statement text (13 pt)
times the scale that fits the whole picture into 1920 x 1080 pixels is at least 6 px, with
every statement drawn. The corpus maps are dialogue maps of the US 2016 debates in AIF (50 to
130 statements, most of them in small components), read from ../shared.
"""

from __future__ import annotations

import re
import warnings
import xml.etree.ElementTree as ET

import pytest

import argmap
from argmap.render import RenderOptions, render_bytes, to_dot
from tests.conftest import ARTICLE_MAP, CORPORA, require_shared
from tests.render.maps import SVG

US_2016 = CORPORA / "aif" / "us-2016"
CORPUS_MAPS = ["nodeset10226", "nodeset10420", "nodeset10464", "nodeset10474", "nodeset10834", "nodeset9877"]


def fitted(svg: bytes) -> tuple[float, float, list[float], int]:
    """The drawing's aspect (long side over short), the fit scale to 1920 x 1080, the
    statement text sizes in points as drawn, and the number of statements drawn."""
    root = ET.fromstring(svg)
    width = float(root.get("width", "0").removesuffix("pt"))
    height = float(root.get("height", "0").removesuffix("pt"))
    graph = root.find(f"{SVG}g")
    assert graph is not None
    found = re.search(r"scale\(([0-9.]+)", graph.get("transform", ""))
    inner = float(found.group(1)) if found else 1.0  # a `size` shrinks the drawing by this
    statements = [g for g in root.iter(f"{SVG}g") if "statement" in (g.get("class") or "").split()]
    sizes = [
        float(text.get("font-size", "0")) * inner
        for g in statements
        for text in g.iter(f"{SVG}text")
        if text.get("font-weight") != "bold"  # the ids above the text are smaller and bold
    ]
    fit = min(1920 / width, 1080 / height)
    return max(width / height, height / width), fit, sizes, len(statements)


def check_fits(argument_map: argmap.ArgumentMap) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        svg = render_bytes(argument_map, "svg")
    aspect, fit, sizes, drawn = fitted(svg)
    assert drawn == len(argument_map.statements)
    assert aspect <= 2.0
    assert min(sizes) * fit >= 6.0, (min(sizes), fit)


def test_the_article_fits_a_landscape_screen() -> None:
    check_fits(argmap.load(ARTICLE_MAP))


@pytest.mark.parametrize("name", CORPUS_MAPS)
def test_corpus_maps_of_fifty_to_a_hundred_and_thirty_statements_fit(name: str) -> None:
    path = require_shared(US_2016 / f"{name}.json")
    argument_map = argmap.load(path)
    assert 50 <= len(argument_map.statements) <= 150
    check_fits(argument_map)


def test_the_wide_layout_is_todays_strip() -> None:
    m = argmap.load(ARTICLE_MAP)
    aspect, fit, sizes, drawn = fitted(render_bytes(m, "svg", RenderOptions(layout="wide")))
    assert drawn == len(m.statements)
    assert aspect > 4 and min(sizes) * fit < 6  # why compact is the default
    assert "cluster_section" in to_dot(m, RenderOptions(layout="wide"))


def test_the_compact_layout_is_deterministic() -> None:
    m = argmap.load(ARTICLE_MAP)
    assert render_bytes(m, "svg") == render_bytes(m, "svg")
