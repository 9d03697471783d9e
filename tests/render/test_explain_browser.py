"""The side panel's "Why" and "What would flip it", in headless Chromium (see test_html_browser)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import argmap
from argmap.analysis import explain_all
from argmap.render import render
from tests.render.test_html_browser import Page, browser

__all__ = ["browser"]


def test_the_panel_explains_the_selected_statement(browser: Any, tmp_path: Path) -> None:
    # c is reinstated: b attacks it, a defeats b; removing a flips c to out.
    m = argmap.loads(
        "argmap: 1\ntitle: T\nstatements:\n- {id: c, kind: claim, text: the claim}\n"
        "- {id: b, kind: rebuttal, text: an objection}\n- {id: a, kind: rebuttal, text: an answer}\n"
        "relations:\n- {id: R1, type: attack, from: b, to: c}\n- {id: R2, type: attack, from: a, to: b}\n"
    )
    path = render(m, tmp_path / "map.html", explanations=explain_all(m, strength_model="none"))
    loaded = Page(browser, path)
    loaded.page.click("#s-c")
    panel = loaded.panel()
    assert "\nWHY\n" in panel and "\nWHAT WOULD FLIP IT\n" in panel  # headings are in capitals
    assert "b attacks c (R1): b is rejected, defeated by" in panel
    assert "remove a: c becomes out" in panel
    # The tree is nested: a's answer sits inside b's item.
    nested = loaded.page.inner_text("#panel ul.explanation.why li ul li ul li")
    assert nested == "a attacks b (R2): a is accepted, and nothing attacks it"
    assert loaded.errors == [] and not any(m.startswith("error") for m in loaded.console)


def test_without_explanations_the_panel_has_none(browser: Any, tmp_path: Path) -> None:
    m = argmap.loads("argmap: 1\ntitle: T\nstatements:\n- {id: c, kind: claim, text: the claim}\n")
    loaded = Page(browser, render(m, tmp_path / "map.html"))
    loaded.page.click("#s-c")
    assert "WHY" not in loaded.panel()
