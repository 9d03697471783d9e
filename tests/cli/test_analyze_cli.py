"""``argmap analyze``: the JSON contract, the readable reports, and its errors."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_cli import run
from tests.conftest import ARTICLE_MAP


def test_json_has_the_contract_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["analyze", str(ARTICLE_MAP), "--format", "json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["claim"] == "C1"
    assert set(data["support_chains"]) >= {"count", "max_depth", "chains"}
    assert all(set(w) >= {"kind", "nodes", "severity", "explanation"} for w in data["weak_links"])
    assert all(
        set(c) >= {"attacker", "target", "relation", "kind", "status", "answered_by"}
        for c in data["counterarguments"]
    )
    assert data["acceptability"]["semantics"] == "grounded" and data["acceptability"]["labels"]["C1"] == "in"
    assert data["strength"]["model"] == "df-quad" and 0 <= data["strength"]["scores"]["C1"] <= 1


def test_options_reach_the_analysis(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["analyze", str(ARTICLE_MAP), "--format", "json", "--claim", "C2", "--semantics", "preferred"]
    code, out, _ = run([*args, "--strength", "none", "--max-chains", "1"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["claim"] == "C2" and data["strength"] is None
    assert data["acceptability"]["semantics"] == "preferred"
    assert len(data["support_chains"]["chains"]) == 1


@pytest.mark.parametrize("output_format", ["text", "markdown"])
def test_readable_reports(output_format: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["analyze", str(ARTICLE_MAP), "--format", output_format], capsys)
    assert code == 0
    assert "C1" in out and "weak links" in out.lower() and "counterarguments" in out.lower()


def test_unknown_claim_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["analyze", str(ARTICLE_MAP), "--claim", "C99"], capsys)
    assert code == 2 and "no statement 'C99'" in err and "Traceback" not in err


def test_unknown_semantics_is_rejected_by_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["analyze", str(ARTICLE_MAP), "--semantics", "ideal"], capsys)
    assert code == 2 and "'ideal' is not one of" in err


def test_the_summary_fits_in_a_hundred_lines_and_details_give_everything(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    code, summary, _ = run(["analyze", str(ARTICLE_MAP)], capsys)
    assert code == 0 and len(summary.splitlines()) <= 100
    assert "weak links by kind" in summary and "none standing (6 answered)" in summary
    assert "unsupported-premise" in summary and "longest: 5 steps" in summary
    code, details, _ = run(["analyze", str(ARTICLE_MAP), "--all"], capsys)
    assert code == 0 and "weak links (31)" in details and len(details.splitlines()) > 100


@pytest.mark.parametrize("output_format", ["text", "markdown"])
def test_max_chains_is_honoured_in_every_format(
    capsys: pytest.CaptureFixture[str], output_format: str
) -> None:
    args = ["analyze", str(ARTICLE_MAP), "--details", "--max-chains", "3", "--format", output_format]
    code, out, _ = run(args, capsys)
    assert code == 0
    out = out.replace("Support chains", "support chains").replace("-\\>", "->")
    assert "support chains (3 of 34)" in out
    assert "P6 -> P7 -> C5 -> C2 -> C4 -> C1" in out and "P8 -> C7" not in out


@pytest.mark.parametrize(
    "args",
    [["analyze", str(ARTICLE_MAP)], ["analyze", str(ARTICLE_MAP), "--details"], ["schemes"]],
)
def test_ids_wrap_in_a_narrow_terminal_and_are_never_cut(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "50")
    code, out, _ = run(args, capsys)
    assert code == 0 and "…" not in out
    joined = "".join(cell.strip() for line in out.splitlines() for cell in line.split("│")[1:2])
    if args == ["schemes"]:
        assert "argument-from-expert-opinion" in joined  # the first column, folded over lines
