"""The HTML page in a real headless Chromium: it loads cleanly, shows the panel on a click and from
the keyboard, keeps hostile text inert, and pans and zooms.

The browser is Debian's ``chromium`` (``/usr/bin/chromium``, installed by ``scripts/setup.sh
test``), driven by PyPI's ``playwright``; one browser serves the whole module. These tests
never skip: a missing browser fails them, saying how to install it.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.model import ArgumentMap
from argmap.render import RenderOptions, render
from argmap.render.overlay import overlay_for
from argmap.source import SourceDocument
from tests.conftest import ARTICLE_MAP
from tests.render.maps import ANALYSIS, school_map
from tests.render.test_html import HOSTILE, INJECTION, hostile_map

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        elsewhere = shutil.which("chromium")
        pytest.fail(
            f"the browser tests need Debian's chromium at {CHROMIUM}"
            + (f" (there is one at {elsewhere})" if elsewhere else "")
            + ": run `bash scripts/setup.sh test` (as root it installs it with apt-get)"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the browser tests need playwright: run `bash scripts/setup.sh test`")
    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


class Page:
    """A loaded page with what it logged, asked for and raised."""

    def __init__(self, browser: Any, path: Path, viewport: tuple[int, int] = (1280, 800)) -> None:
        self.page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        self.console: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def panel(self) -> str:
        """The panel's text, one line per block."""
        text: str = self.page.inner_text("#panel")
        return re.sub(r"\n+", "\n", text)

    def transform(self) -> str:
        value: str = self.page.eval_on_selector("#canvas", "e => e.style.transform")
        return value


def write(tmp_path: Path, argument_map: ArgumentMap, name: str = "map.html", **kwargs: Any) -> Path:
    return render(argument_map, tmp_path / name, **kwargs)


@pytest.fixture
def school_page(browser: Any, tmp_path: Path) -> Iterator[Page]:
    overlay = overlay_for(school_map(), ANALYSIS, "weak-links")
    loaded = Page(browser, write(tmp_path, school_map(sections=True), overlay=overlay))
    yield loaded
    loaded.page.close()


def test_the_page_loads_without_errors_or_requests(school_page: Page, tmp_path: Path) -> None:
    assert school_page.errors == []
    assert [line for line in school_page.console if line.startswith("error")] == []
    assert school_page.requests == [(tmp_path / "map.html").as_uri()]
    assert school_page.page.locator("g.statement").count() == 8
    assert "fit" in school_page.page.inner_text("header")


def test_a_click_shows_the_statement_in_the_panel(school_page: Page) -> None:
    school_page.page.click("#s-R1")
    panel = school_page.panel()
    assert panel.startswith("R1\nrebuttal · Objections\nStudents need phones in emergencies.")
    assert "attacks A1" in panel and "C1 Schools should ban phones in lessons." in panel
    assert "attacked by A2" in panel and "P4 The office can reach any parent." in panel
    assert "label: out (grounded semantics)" in panel
    assert "counterargument: rebuts C1 (A1): answered, answered by P4" in panel
    assert school_page.page.eval_on_selector("#s-R1", "e => e.classList.contains('selected')")


def test_a_button_in_the_panel_moves_to_the_statement_at_the_other_end(school_page: Page) -> None:
    school_page.page.click("#s-R1")
    school_page.page.click("#panel button.end:text-is('C1')")
    assert school_page.panel().startswith("C1\nclaim (main claim) · Case\n")
    assert school_page.page.evaluate("document.activeElement.id") == "s-C1"


def test_the_keyboard_reaches_every_statement_with_tab_and_shows_it_with_enter(school_page: Page) -> None:
    page = school_page.page
    reached = []
    for _ in range(30):
        if len(reached) == len(school_map().statements):
            break
        page.keyboard.press("Tab")
        active = page.evaluate("document.activeElement.id")
        if active.startswith("s-"):
            reached.append(active)
            assert school_page.panel().startswith(f"{active[2:]}\n")  # focus shows it
    assert reached == [f"s-{s.id}" for s in school_map().statements]
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == "s-P4"
    page.evaluate("document.getElementById('panel').replaceChildren()")
    page.keyboard.press("Enter")
    assert school_page.panel().startswith("P4\npremise · Objections\nThe office can reach any parent.")


def test_hostile_text_stays_inert_and_shows_literally(browser: Any, tmp_path: Path) -> None:
    m, source = hostile_map()
    loaded = Page(browser, write(tmp_path, m, source=source, options=RenderOptions(legend=False)))
    page = loaded.page
    for statement in ("C", "P"):
        page.click(f"#s-{statement}")
        panel = loaded.panel()
        assert (HOSTILE if statement == "C" else INJECTION) in panel
    page.click("#s-C")
    assert page.inner_text("#panel mark") == HOSTILE
    assert "Intro " in page.inner_text("#panel blockquote")
    page.click("#s-P")
    assert "</style><b>x</b>" in loaded.panel()
    assert page.inner_text("h1") == f"Title {HOSTILE}"
    assert loaded.dialogs == [] and loaded.errors == []
    assert page.locator("script").count() == 2
    assert page.locator("b").count() == 0 and page.locator("i").count() == 0
    assert page.evaluate("typeof window.alert") == "function"
    page.close()


def test_wheel_drag_and_buttons_pan_and_zoom(school_page: Page) -> None:
    page = school_page.page
    start = school_page.transform()
    assert start.startswith("translate(") and "scale(" in start
    box = page.locator("#viewport").bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + 200, box["y"] + 200)
    page.mouse.wheel(0, -400)
    zoomed = school_page.transform()
    assert zoomed != start and scale(zoomed) > scale(start)
    page.mouse.move(box["x"] + 5, box["y"] + 5)
    page.mouse.down()
    page.mouse.move(box["x"] + 105, box["y"] + 65, steps=5)
    page.mouse.up()
    panned = school_page.transform()
    assert scale(panned) == scale(zoomed) and translation(panned) != translation(zoomed)
    page.click("#zoom-out")
    assert scale(school_page.transform()) < scale(panned)
    page.click("#zoom-claim")
    assert school_page.transform() == start  # the page opens on the main claim
    page.click("#zoom-fit")
    assert scale(school_page.transform()) != scale(start)


def scale(transform: str) -> float:
    return float(transform.split("scale(")[1].rstrip(")"))


def translation(transform: str) -> str:
    return transform.split(" scale(")[0]


def test_a_focused_page_of_the_article_map_works_too(browser: Any, tmp_path: Path, article: Path) -> None:
    document = SourceDocument.read(article)
    m = argmap.load(ARTICLE_MAP, source=document)
    loaded = Page(browser, write(tmp_path, m, options=RenderOptions(focus="C3", depth=1), source=document))
    loaded.page.click("#s-C3")
    assert loaded.panel().startswith("C3\nclaim · Context\n")
    assert (
        loaded.page.inner_text("#panel mark")
        == document.text[m.statement("C3").span.start : m.statement("C3").span.end]
    )  # type: ignore[union-attr]
    assert loaded.errors == []
    loaded.page.close()


# -- a page that opens readable -------------------------------------------------------

FONT_PX = """node => {
  const text = [...node.querySelectorAll('text')].find(t => t.getAttribute('font-weight') !== 'bold');
  const drawn = text.getBoundingClientRect().height / text.getBBox().height;
  return parseFloat(text.getAttribute('font-size')) * drawn;
}"""
INSIDE = """node => {
  const box = node.getBoundingClientRect();
  const frame = document.getElementById('viewport').getBoundingClientRect();
  return box.left >= frame.left && box.right <= frame.right
    && box.top >= frame.top && box.bottom <= frame.bottom;
}"""


@pytest.fixture
def article_page(browser: Any, tmp_path: Path) -> Iterator[Page]:
    loaded = Page(browser, write(tmp_path, argmap.load(ARTICLE_MAP)), viewport=(1400, 900))
    yield loaded
    loaded.page.close()


def test_the_article_opens_on_its_main_claim_readable_with_the_whole_map_one_click_away(
    article_page: Page,
) -> None:
    page = article_page.page
    assert article_page.errors == []
    assert page.eval_on_selector("#s-C1", FONT_PX) >= 10
    assert page.eval_on_selector("#s-C1", INSIDE)
    page.click("#zoom-fit")
    assert all(page.eval_on_selector(f"#s-{i}", INSIDE) for i in ("C1", "E1", "P26", "A4"))
    assert page.eval_on_selector("#s-C1", FONT_PX) < 10  # the overview is an overview


def test_search_finds_statements_by_id_in_any_case_or_by_words_and_pans_to_them(article_page: Page) -> None:
    page = article_page.page
    page.fill("#search", "p26")
    assert page.inner_text("#search-results").startswith("P26")
    page.press("#search", "Enter")
    assert page.evaluate("document.activeElement.id") == "s-P26"
    assert page.eval_on_selector("#s-P26", INSIDE) and page.eval_on_selector("#s-P26", FONT_PX) >= 10
    assert article_page.panel().startswith("P26\n")
    page.fill("#search", "trip-wire")
    found = page.inner_text("#search-results")
    assert "C12" in found and "P21" in found
    page.click("#search-results button:text-is('P21')")
    assert page.evaluate("document.activeElement.id") == "s-P21"
    page.fill("#search", "no such words at all")
    assert page.inner_text("#search-results") == "nothing found"


def test_a_line_is_focusable_and_explained_in_the_panel(article_page: Page) -> None:
    page = article_page.page
    page.click("#zoom-fit")
    page.eval_on_selector("g[data-relation='R45']", "e => e.focus()")
    panel = article_page.panel()
    assert panel.startswith("R45\nundercut\nO8 attacks R44")
    assert "the inference it attacks no longer carries" in panel
    assert "O8 It is arguable" in panel and "the inference E10 supports P20" in panel
    page.click("#s-C10")
    page.click("#panel button.rid:text-is('R30')")
    assert page.evaluate("document.activeElement.getAttribute('data-relation')") == "R30"
    assert article_page.panel().startswith("R30\nsupport\nP14 supports C10")


def test_the_panel_says_each_statements_side(article_page: Page) -> None:
    page = article_page.page
    page.click("#zoom-fit")
    page.eval_on_selector("#s-O6", "e => e.focus()")
    assert "con: argues against the main claim" in article_page.panel()
    page.eval_on_selector("#s-A1", "e => e.focus()")
    assert "pro: argues for the main claim" in article_page.panel()


def test_a_watched_page_reloads_itself_and_keeps_its_view(browser: Any, tmp_path: Path) -> None:
    path = render(school_map(), tmp_path / "watched.html", reload=600)
    assert '<meta http-equiv="refresh" content="600">' in path.read_text()
    loaded = Page(browser, path)
    page = loaded.page
    page.click("#zoom-in")
    page.click("#s-P1")
    before = loaded.transform()
    page.reload()
    page.wait_for_load_state("load")
    assert loaded.transform() == before and loaded.panel().startswith("P1\n")
    assert loaded.errors == []
    page.close()
