"""``argmap compare``: the JSON contract, the teacher's text report, options and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from tests.cli.test_cli import run
from tests.compare.maps import build, reference
from tests.conftest import ARTICLE_MAP


@pytest.fixture
def maps(tmp_path: Path) -> tuple[Path, Path]:
    ref = reference()
    draft = ref.model_copy(
        update={"relations": tuple(r for r in ref.relations if r.key != "a1"), "title": "Draft"}
    )
    a, b = tmp_path / "draft.yaml", tmp_path / "reference.json"
    argmap.save(draft, a)
    argmap.save(ref, b)
    return a, b


def test_json_starts_with_the_score_and_has_the_contract_keys(
    maps: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["compare", str(maps[0]), str(maps[1]), "--format", "json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert next(iter(data)) == "score"
    assert set(data) == {
        "score",
        "segments",
        "kinds",
        "relations",
        "attachment",
        "alignment",
        "disagreements",
    }
    assert set(data["relations"]) == {"matched", "a_total", "b_total", "precision", "recall", "f1", "kappa"}
    assert data["relations"]["recall"] == 4 / 5 and data["relations"]["precision"] == 1.0
    (missing,) = data["disagreements"]
    assert missing["kind"] == "relation-only-in-b" and missing["relations_b"] == ["a1"]
    assert data["alignment"]["method"] == "text" and data["alignment"]["threshold"] == 0.6


def test_text_report_for_a_teacher(maps: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["compare", str(maps[0]), str(maps[1])], capsys)
    assert code == 0
    assert out.startswith("score 0.972")  # (1 + (1 + 8/9) / 2) / 2: relations F1 = 2 * 0.8 / 1.8
    assert "draft.yaml" in out and "reference.json" in out
    assert "relation-only-in-b" in out and "a1" in out


def test_options_reach_the_comparison(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.yaml"
    b = tmp_path / "b.yaml"
    argmap.save(build([("x", "claim", "abcdefghij")]), a)
    argmap.save(build([("y", "claim", "abcdefgxyz")]), b)
    _, loose, _ = run(["compare", str(a), str(b), "--format", "json", "--threshold", "0.7"], capsys)
    _, strict, _ = run(["compare", str(a), str(b), "--format", "json", "--threshold", "0.8"], capsys)
    assert json.loads(loose)["segments"]["matched"] == 1
    assert json.loads(strict)["segments"]["matched"] == 0


def test_the_article_map_against_itself(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["compare", str(ARTICLE_MAP), str(ARTICLE_MAP), "--format", "json"], capsys)
    assert code == 0 and json.loads(out)["score"] == 1.0


@pytest.mark.parametrize(
    ("extra", "code", "message"),
    [
        (["--align", "span"], 2, "has no spans to align by"),
        (["--threshold", "1.5"], 2, "1.5 is not in the range"),
        (["--align", "fuzzy"], 2, "'fuzzy' is not one of"),
    ],
)
def test_usage_errors_are_one_line(
    maps: tuple[Path, Path], extra: list[str], code: int, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    got, _, err = run(["compare", str(maps[0]), str(maps[1]), *extra], capsys)
    assert got == code and message in err and "Traceback" not in err


def test_an_unreadable_map_exits_1(maps: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["compare", str(maps[0]), "no/such/map.yaml"], capsys)
    assert code == 1 and "cannot read" in err and len(err.strip().splitlines()) == 1


def test_the_text_summary_counts_disagreements_by_kind_and_details_list_them_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ref = reference()
    # Five relations missing from A: the summary shows the first three and says how many more.
    draft = ref.model_copy(update={"relations": (), "title": "Draft"})
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    argmap.save(draft, a)
    argmap.save(ref, b)
    code, summary, _ = run(["compare", str(a), str(b)], capsys)
    assert code == 0 and "disagreements by kind (5 in all" in summary
    row = summary[summary.index("relation-only-in-b") :]
    assert "│     5 │" in row.splitlines()[0] and "(+2 more)" in row
    code, details, _ = run(["compare", str(a), str(b), "--details"], capsys)
    assert code == 0 and "disagreements (5)" in details and details.count("relation-only-in-b") == 5
