"""The README's picture of the article's map is what argmap draws today, by default."""

from __future__ import annotations

import argmap
from argmap.render import render_bytes
from tests.conftest import ARTICLE_MAP, ROOT


def test_the_readme_picture_matches_a_fresh_render() -> None:
    picture = ROOT / "docs" / "images" / "ukraine-us-alliance.svg"
    assert "docs/images/ukraine-us-alliance.svg" in (ROOT / "README.md").read_text(encoding="utf-8")
    fresh = render_bytes(argmap.load(ARTICLE_MAP), "svg")
    assert picture.read_bytes() == fresh, "run scripts/gallery.py to redraw the README's picture"
