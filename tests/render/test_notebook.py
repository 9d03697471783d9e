"""Jupyter display: a map as SVG, results as tables, show() for a result drawn on its map."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pydantic import ValidationError

from argmap.analysis.results import WeakLink
from argmap.render import Diagram, RenderOptions, render_bytes, show
from argmap.render.notebook import result_bundle
from tests.render.maps import ANALYSIS, CHAINS, STRENGTH, WEAK_LINKS, groups, school_map

SVG_NS = "{http://www.w3.org/2000/svg}"


def test_a_map_displays_as_its_svg_drawing() -> None:
    svg = school_map()._repr_svg_()
    assert svg.startswith("<svg")
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG_NS}svg"
    assert len(groups(root, "statement")) == 8
    assert (
        svg.encode() == render_bytes(school_map(), "svg")[render_bytes(school_map(), "svg").index(b"<svg") :]
    )


@pytest.mark.parametrize("result", [ANALYSIS, CHAINS, STRENGTH, WEAK_LINKS[0], ANALYSIS.acceptability])
def test_every_result_displays_as_a_table_and_text(result: object) -> None:
    bundle = result._repr_mimebundle_()  # type: ignore[attr-defined]
    assert set(bundle) == {"text/html", "text/plain"}
    assert bundle["text/html"].startswith(f"<table><caption>{type(result).__name__}</caption>")
    assert bundle["text/plain"] == repr(result)


def test_result_tables_escape_their_text_and_nest_records() -> None:
    hostile = WeakLink(
        kind="long-chain", nodes=("A", "B"), severity=0.5, explanation="<script>x</script> & co"
    )
    html = result_bundle(hostile)["text/html"]
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt; &amp; co" in html
    table = result_bundle(ANALYSIS)["text/html"]
    assert "<th>attacker</th>" in table  # the counterarguments, one row each
    assert "P1 → C2 → C1" in table  # a chain


def test_show_draws_a_result_over_its_map_with_options(tmp_path: Path) -> None:
    diagram = show(school_map(), ANALYSIS, "counterarguments", rankdir="LR", legend=False)
    assert isinstance(diagram, Diagram)
    assert diagram.options == RenderOptions(rankdir="LR", legend=False)
    assert (
        repr(diagram)
        == "<Diagram of 'Should schools ban phones in lessons?': 8 statements, highlight='counterarguments'>"
    )
    bundle = diagram._repr_mimebundle_()
    assert bundle["image/svg+xml"] == diagram._repr_svg_() == diagram.svg()
    assert "standing: undercuts S3" in bundle["image/svg+xml"]
    assert diagram.save(tmp_path / "d.png").read_bytes().startswith(b"\x89PNG")
    assert "mark-" not in show(school_map()).svg()


def test_show_rejects_unknown_options() -> None:
    with pytest.raises(ValidationError, match="colour"):
        show(school_map(), colour="red")


def test_the_model_displays_through_the_registry_the_renderer_fills_in() -> None:
    """The model does not import the renderer: the first display loads it (argmap.display)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from argmap.model import ArgumentMap, Statement\n"
        "m = ArgumentMap(title='T', statements=[Statement(id='C', kind='claim', text='c')])\n"
        "print('argmap.render.notebook' in sys.modules, m._repr_svg_()[:4])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "False <svg\n"
