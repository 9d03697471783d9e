"""Themes: colour-blind-safe default, grayscale print, dark; marks that read without colour."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import fields

import pytest

from argmap.render import THEMES, RenderOptions, render_bytes
from argmap.render.overlay import overlay_for
from argmap.render.style import MARKS, OKABE_ITO, Theme
from tests.render.maps import ANALYSIS, school_map

FAMILIES = {
    "counterarguments": ("standing", "contested", "answered"),
    "acceptability": ("in", "out", "undec"),
    "chains": ("chain", "off-chain"),
}


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def colours(theme: Theme) -> set[str]:
    """Every colour a theme names."""
    found = set()
    for value in (*theme.nodes.values(), *theme.edges.values(), *theme.marks.values(), theme):
        values = [getattr(value, f.name) for f in fields(value)]
        found |= {v for v in values if isinstance(v, str) and re.fullmatch(r"#[0-9A-Fa-f]{6}", v)}
    return {c.upper() for c in found}


def is_gray(colour: str) -> bool:
    return colour[1:3] == colour[3:5] == colour[5:7]


def test_the_default_theme_draws_only_okabe_ito_hues_tints_of_them_and_grays() -> None:
    default = THEMES["default"]
    strong = {c.upper() for c in OKABE_ITO.values()}
    lines = {
        look.color.upper()
        for look in (*default.nodes.values(), *default.edges.values(), *default.marks.values())
    }
    assert {c for c in lines if not is_gray(c)} <= strong
    assert default.strength_high.upper() in strong


def test_the_print_theme_is_black_white_and_grays_only() -> None:
    assert all(is_gray(c) for c in colours(THEMES["print"]))


@pytest.mark.parametrize("name", sorted(THEMES))
def test_text_stays_readable_on_every_fill(name: str) -> None:
    theme = THEMES[name]
    fills = [look.fillcolor for look in theme.nodes.values()] + [theme.strength_low, theme.strength_high]
    assert min(contrast(theme.fontcolor, fill) for fill in fills) >= 4.5
    assert min(contrast(m.badge_fontcolor, m.badge_fill) for m in theme.marks.values()) >= 4.5
    assert contrast(theme.faded_fontcolor, theme.faded_fill) >= 3.0


@pytest.mark.parametrize("name", sorted(THEMES))
@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_marks_of_one_overlay_differ_by_more_than_colour(name: str, family: str) -> None:
    looks = [THEMES[name].mark(m) for m in FAMILIES[family]]
    without_colour = {(look.badge_style, look.penwidth, look.faded) for look in looks}
    assert len(without_colour) == len(looks)


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_theme_has_every_mark_and_draws_every_overlay(name: str) -> None:
    assert set(THEMES[name].marks) == set(MARKS)
    for highlight in ("weak-links", "chains", "counterarguments", "acceptability", "strength"):
        overlay = overlay_for(school_map(), ANALYSIS, highlight)
        root = ET.fromstring(
            render_bytes(school_map(sections=True), "svg", RenderOptions(theme=name), overlay)
        )
        background = root.find(".//{http://www.w3.org/2000/svg}polygon")
        assert background is not None
        assert background.get("fill", "").upper() == THEMES[name].background.upper()


def test_the_dark_theme_is_dark_with_light_text() -> None:
    dark = THEMES["dark"]
    assert luminance(dark.background) < 0.05 < 0.7 < luminance(dark.fontcolor)
