"""Layout benchmark: the compact layout (the default) and the wide one side by side.

Run ``python bench/layout.py`` from the project folder (``../shared`` beside it); it prints a
Markdown table for ``docs/benchmarks.md``: for the article's map and the US-2016 AIF maps of
50 to 150 statements, each layout's aspect ratio, the size of statement text (13 pt) when
the whole SVG is fitted to 1920 x 1080 pixels, and the time to draw the SVG (best of 3), with
the ratio of the times. One run, both layouts per map, in this process.
"""

from __future__ import annotations

import re
import time
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import argmap
from argmap.render import RenderOptions, render_bytes

ROOT = Path(__file__).resolve().parent.parent
US_2016 = ROOT.parent / "shared" / "corpora" / "aif" / "us-2016"
SVG = "{http://www.w3.org/2000/svg}"


def geometry(svg: bytes) -> tuple[float, float]:
    """The aspect ratio (long side over short) and the text size in px at the fit to 1920 x 1080."""
    root = ET.fromstring(svg)
    width = float(root.get("width", "1").removesuffix("pt"))
    height = float(root.get("height", "1").removesuffix("pt"))
    graph = root.find(f"{SVG}g")
    found = re.search(r"scale\(([0-9.]+)", graph.get("transform", "") if graph is not None else "")
    inner = float(found.group(1)) if found else 1.0
    return max(width / height, height / width), 13 * inner * min(1920 / width, 1080 / height)


def timed(argument_map: argmap.ArgumentMap, layout: str) -> tuple[bytes, float]:
    best, svg = float("inf"), b""
    for _ in range(3):
        start = time.perf_counter()
        svg = render_bytes(argument_map, "svg", RenderOptions(layout=layout))  # type: ignore[arg-type]
        best = min(best, time.perf_counter() - start)
    return svg, best


def main() -> None:
    maps = [ROOT / "graphs" / "ukraine-us-alliance.yaml"]
    for path in sorted(US_2016.glob("*.json")):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if 50 <= len(argmap.load(path).statements) <= 150:
                maps.append(path)
    print(
        "| map | statements | wide: aspect | wide: text px | compact: aspect | compact: text px "
        "| wide (s) | compact (s) | compact / wide |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for path in maps:
        argument_map = argmap.load(path)
        wide, wide_time = timed(argument_map, "wide")
        compact, compact_time = timed(argument_map, "compact")
        (wa, wp), (ca, cp) = geometry(wide), geometry(compact)
        print(
            f"| {path.stem} | {len(argument_map.statements)} | {wa:.2f} | {wp:.1f} | {ca:.2f} | {cp:.1f} "
            f"| {wide_time:.2f} | {compact_time:.2f} | {compact_time / wide_time:.1f} |"
        )


if __name__ == "__main__":
    main()
