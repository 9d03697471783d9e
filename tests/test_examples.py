"""The runnable examples in examples/ run and produce what they promise."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def run_example(name: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / name), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_research_analysis_exports_json_and_csv(tmp_path: Path) -> None:
    out = run_example("research_analysis.py", "--out", str(tmp_path))
    data = json.loads((tmp_path / "analysis.json").read_text())
    assert data["claim"] == "C1" and data["support_chains"]["count"] > 0
    rows = list(csv.DictReader((tmp_path / "statements.csv").open()))
    assert len(rows) == 68 and {"id", "kind", "label", "strength", "chains", "weak_links"} <= set(rows[0])
    assert "support chains to C1" in out


def test_api_tour_runs_end_to_end(tmp_path: Path) -> None:
    out = run_example("api_tour.py", str(tmp_path))
    assert "grounded label of C: in" in out
    assert (tmp_path / "school.yaml").exists() and (tmp_path / "school.svg").read_text().startswith("<?xml")
