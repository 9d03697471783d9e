"""Regenerate the README's picture and every picture of docs/gallery.md, drawn by argmap.

Run from the project folder: ``.venv/bin/python scripts/gallery.py``. The README's picture is
the article's map with the default options (``argmap render MAP -o MAP.svg``; a test checks it
matches a fresh render). The map is analysed once (``argmap.analysis.analyze``, its main claim,
default options); each gallery picture draws one overlay, every finding of it (``--all``), on a
region of the map (``focus``), so that the text stays legible. The last picture is a screenshot
of the HTML viewer in headless Chromium (``/usr/bin/chromium``, as the tests use) as it opens,
on the main claim, with O6 selected.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import argmap
from argmap.analysis import analyze
from argmap.render import RenderOptions, overlay_for, render
from argmap.source import SourceDocument

ROOT = Path(__file__).resolve().parent.parent
MAP = ROOT / "graphs" / "ukraine-us-alliance.yaml"
ARTICLE = ROOT.parent / "shared" / "seeds" / "000_04bb03cded9d63f7.txt"
OUT = ROOT / "docs" / "images" / "gallery"
README_PICTURE = ROOT / "docs" / "images" / "ukraine-us-alliance.svg"
LIMIT = 600_000  # bytes: keep every picture reasonably small


@dataclass(frozen=True)
class Picture:
    """One gallery picture: a file name, an overlay and the render options."""

    name: str
    highlight: str | None
    options: dict[str, Any] = field(default_factory=dict)
    chain: int | None = None


PICTURES = (
    Picture("weak-links", "weak-links", {"focus": "C9", "depth": 1}),
    Picture("chains", "chains", {"focus": "C5", "depth": 2, "rankdir": "LR"}, chain=1),
    Picture("counterarguments", "counterarguments", {"focus": "C2", "depth": 1}),
    Picture("acceptability", "acceptability", {"focus": "O5", "depth": 2, "rankdir": "LR"}),
    Picture("strength", "strength", {"focus": "C15", "depth": 2}),
    Picture("print-theme", "counterarguments", {"focus": "C2", "depth": 1, "theme": "print"}),
    Picture("dark-theme", "strength", {"focus": "C15", "depth": 2, "theme": "dark"}),
)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    argument_map = argmap.load(MAP)
    report(render(argument_map, README_PICTURE))
    analysis = analyze(argument_map)
    for picture in PICTURES:
        overlay = (
            overlay_for(argument_map, analysis, picture.highlight, chain=picture.chain)
            if picture.highlight
            else None
        )
        path = render(
            argument_map,
            OUT / f"{picture.name}.png",
            options=RenderOptions(**picture.options),
            overlay=overlay,
        )
        report(path)
    report(viewer_screenshot(argument_map, overlay_for(argument_map, analysis, "counterarguments")))


def viewer_screenshot(argument_map: argmap.ArgumentMap, overlay: Any) -> Path:
    """The HTML viewer of the whole map, zoomed in, with O6 selected, as Chromium shows it."""
    from playwright.sync_api import sync_playwright

    source = SourceDocument.read(ARTICLE) if ARTICLE.exists() else None
    target = OUT / "html-viewer.png"
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as driver:
        page_path = render(argument_map, Path(folder) / "map.html", overlay=overlay, source=source)
        browser = driver.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--headless", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1400, "height": 820})
        page.goto(page_path.as_uri())
        page.focus("#s-O6")
        page.screenshot(path=str(target))
        browser.close()
    return target


def report(path: Path) -> None:
    size = path.stat().st_size
    print(f"{path}: {size // 1000} kB")
    if size > LIMIT:
        print(f"  too big: more than {LIMIT // 1000} kB", file=sys.stderr)


if __name__ == "__main__":
    main()
