"""``argmap explain``: the JSON contract, the readable reports, the options, and its errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import run
from tests.conftest import ARTICLE_MAP


def test_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["explain", str(ARTICLE_MAP), "C1", "--format", "json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"statement", "label", "semantics", "why", "flips", "sensitivity"}
    assert (data["statement"], data["label"], data["semantics"]) == ("C1", "in", "grounded")
    # C1's defence (docs/analysis.md): A1 answers O6, A3 answers O7.
    assert [(c["statement"], c["because"][0]["statement"]) for c in data["why"]["because"]] == [
        ("O6", "A1"),
        ("O7", "A3"),
    ]
    assert data["flips"]["size"] == 1 and sorted(data["flips"]["sets"]) == [["A1"], ["A3"]]
    assert data["sensitivity"]["model"] == "df-quad"


@pytest.mark.parametrize("output_format", ["text", "markdown"])
def test_readable_reports(output_format: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["explain", str(ARTICLE_MAP), "O6", "--format", output_format], capsys)
    assert code == 0
    assert "A1 attacks O6 (R68): A1 is accepted, and nothing attacks it" in out
    assert "remove A1: O6 becomes in" in out
    assert ("## Why" in out) == (output_format == "markdown")


def test_options_reach_the_explanation(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["explain", str(ARTICLE_MAP), "C1", "--format", "json", "--semantics", "preferred"]
    code, out, _ = run([*args, "--support", "deductive", "--strength", "none"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["semantics"] == "preferred" and data["sensitivity"] is None
    assert data["why"]["because"][0]["extension"]


def test_unknown_statement_is_one_line_naming_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["explain", str(ARTICLE_MAP), "C99"], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(ARTICLE_MAP) in err and "no statement 'C99'" in err


def test_bad_map_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\ntitle: T\nstatements:\n- {id: C, kind: claym, text: c}\n")
    code, _, err = run(["explain", str(bad), "C"], capsys)
    assert code == 1 and "bad.yaml:4" in err and "Traceback" not in err


def test_render_highlights_the_smallest_flip_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "flips.dot"
    code, _, err = run(
        ["render", str(ARTICLE_MAP), "-o", str(out), "--highlight", "flips", "--claim", "C1"], capsys
    )
    assert code == 0, err
    dot = out.read_text()
    assert "remove: C1 becomes out" in dot and "What would flip C1" in dot
